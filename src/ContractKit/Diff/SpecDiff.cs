using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reporting;
using ContractKit.Runtime;

namespace ContractKit.Diff;

/// <summary>What <see cref="SpecDiff.Compare"/> needs besides the two models: how to place findings in the head spec.</summary>
public sealed record DiffOptions
{
    /// <summary>The head spec's path, for findings that cannot be located more precisely.</summary>
    public string HeadPath { get; init; } = "";

    /// <summary>Maps a JSON pointer of the head spec to its line and column (nearest existing ancestor); null: line 0.</summary>
    public Func<string, SourceLocation?>? Locate { get; init; }

    /// <summary>Whether the head operation at this pointer declares a sunset date (<c>x-sunset</c>); null: never.</summary>
    public Func<string, bool>? HasSunset { get; init; }

    /// <summary>
    /// Whether the spec on the given side (true: base) writes this keyword beside a <c>$ref</c> at this pointer in a
    /// 2.0/3.0 document, where it is ignored; lets a finding say it is that sibling being moved into an <c>allOf</c>.
    /// </summary>
    public Func<bool, string, string, bool>? IgnoredRefSibling { get; init; }

    /// <summary>How <c>generate</c> would name the C# API, for the api-impact rules; null skips that pass.</summary>
    public CSharpOptions? Api { get; init; } = DefaultApi;

    /// <summary>A single client with <c>generate</c>'s default names.</summary>
    public static CSharpOptions DefaultApi { get; } = new() { Namespace = "Generated.Api", ClientName = "ApiClient", SourceName = "" };
}

/// <summary>
/// The Diff stage: compares two contract models and reports what a change breaks, direction-aware (a request is what a
/// client sends, a response what it receives). Schemas are compared by structure after resolving named types and
/// aliases, never by type id or name, so moving an inline schema into components or renaming it is not a change.
/// </summary>
public static partial class SpecDiff
{
    /// <summary>Compares <paramref name="baseModel"/> (before) with <paramref name="headModel"/> (after).</summary>
    /// <param name="baseModel">The contract before the change.</param>
    /// <param name="headModel">The contract after the change.</param>
    /// <param name="options">How to locate findings in the head spec.</param>
    /// <returns>Findings at their default levels, in a deterministic order.</returns>
    public static IReadOnlyList<Finding> Compare(ContractModel baseModel, ContractModel headModel, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(headModel);
        options ??= new DiffOptions();
        var session = new DiffSession(baseModel, headModel, options);
        var api = options.Api is { } naming ? ApiImpact.Create(session, baseModel, headModel, naming) : null;
        Diagnostics.PhaseTrace.Mark("diff.api-naming");

        var headByKey = new Dictionary<string, Operation>(StringComparer.Ordinal);
        var headPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var op in headModel.Operations)
        {
            headByKey.TryAdd(OperationKey(op.Method, op.Path), op);
            headPaths.TryAdd(NormalizePath(op.Path), op.Path);
        }

        foreach (var baseOp in baseModel.Operations)
        {
            var label = baseOp.Method + " " + baseOp.Path;
            if (!headByKey.TryGetValue(OperationKey(baseOp.Method, baseOp.Path), out var headOp))
            {
                if (headPaths.TryGetValue(NormalizePath(baseOp.Path), out var headPath))
                {
                    session.Report(DiffRules.OperationRemoved, label, "#/paths/" + JsonPointer.Escape(headPath), $"operation {label} was removed");
                }
                else
                {
                    session.Report(DiffRules.PathRemoved, label, "#/paths", $"path {baseOp.Path} was removed (with its {baseOp.Method} operation)");
                }

                continue;
            }

            new OperationDiff(session, baseOp, headOp).Run();
            api?.CompareOperation(baseOp, headOp);
        }

        CompareSecuritySchemes(session, baseModel, headModel);

        return session.Findings
            .OrderBy(f => f.Operation ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// A scheme that keeps its name but changes how credentials are sent breaks every client using it, whatever the
    /// operations say; reported once, at the scheme, when some head operation still uses it.
    /// </summary>
    private static void CompareSecuritySchemes(DiffSession session, ContractModel baseModel, ContractModel headModel)
    {
        var used = headModel.Operations.SelectMany(o => o.Security).SelectMany(r => r.Schemes).Select(s => s.SchemeName).ToHashSet(StringComparer.Ordinal);
        var baseSchemes = baseModel.SecuritySchemes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var head in headModel.SecuritySchemes)
        {
            if (!used.Contains(head.Name) || !baseSchemes.TryGetValue(head.Name, out var before))
            {
                continue;
            }

            var changes = new List<string>();
            if (before.Kind != head.Kind)
            {
                changes.Add($"type {Kind(before)} → {Kind(head)}");
            }
            else if (head.Kind == SecuritySchemeKind.Http && !string.Equals(before.HttpScheme, head.HttpScheme, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add($"HTTP scheme {before.HttpScheme ?? "(none)"} → {head.HttpScheme ?? "(none)"}");
            }
            else if (head.Kind == SecuritySchemeKind.ApiKey)
            {
                if (before.In != head.In)
                {
                    changes.Add($"API key location {Location(before.In)} → {Location(head.In)}");
                }

                // Header names are case-insensitive; query and cookie names are not.
                var comparison = head.In == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (!string.Equals(before.ParameterName, head.ParameterName, comparison))
                {
                    changes.Add($"API key name '{before.ParameterName}' → '{head.ParameterName}'");
                }
            }

            var at = "#/components/securitySchemes/" + JsonPointer.Escape(head.Name);
            if (changes.Count > 0)
            {
                session.Report(DiffRules.SecuritySchemeChanged, null, at,
                    $"security scheme '{head.Name}' changed: {string.Join(", ", changes)}; clients sending the old credentials are rejected");
            }
            else
            {
                SecuritySchemeDiff.CompareDetails(session, before, head, at);
            }
        }

        static string Kind(SecurityScheme s) => s.Kind switch
        {
            SecuritySchemeKind.ApiKey => "apiKey",
            SecuritySchemeKind.Http => "http",
            SecuritySchemeKind.OAuth2 => "oauth2",
            SecuritySchemeKind.OpenIdConnect => "openIdConnect",
            _ => "mutualTLS",
        };

        static string Location(ParameterLocation? l) => l is { } known ? OperationDiff.Lower(known) : "(none)";
    }

    /// <summary><c>/threads/{thread_id}</c> and <c>/threads/{id}</c> are the same path: parameter names do not matter.</summary>
    public static string NormalizePath(string path) => PathParameter().Replace(path, "{}").TrimEnd('/');

    internal static string OperationKey(string method, string path) => method.ToUpperInvariant() + " " + NormalizePath(path);

    [GeneratedRegex(@"\{[^}/]*\}")]
    private static partial Regex PathParameter();
}

/// <summary>The two models with their type lookups, and where findings go.</summary>
internal sealed class DiffSession
{
    public DiffSession(ContractModel baseModel, ContractModel headModel, DiffOptions options)
    {
        BaseTypes = baseModel.Types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        HeadTypes = headModel.Types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Options = options;
        Unchanged = new UnchangedTypes(BaseTypes, HeadTypes);
    }

    public UnchangedTypes Unchanged { get; }

    public Dictionary<string, TypeDefinition> BaseTypes { get; }

    public Dictionary<string, TypeDefinition> HeadTypes { get; }

    public DiffOptions Options { get; }

    /// <summary>Where reports go; swapped for a scratch list while trying union variants against each other.</summary>
    public List<Finding> Findings { get; set; } = [];

    public void Report(DiffRule rule, string? operation, string headPointer, string message, string? oasdiffId = null)
    {
        var location = Options.Locate?.Invoke(headPointer) ?? new SourceLocation(Options.HeadPath, 0, 0, headPointer);
        Findings.Add(new Finding(rule.Id, rule.DefaultLevel, message, location)
        {
            Operation = operation,
            Direction = rule.Direction,
            Impact = rule.Impact,
            OasdiffId = oasdiffId ?? rule.OasdiffId,
        });
    }
}
