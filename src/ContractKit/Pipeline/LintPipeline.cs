using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Lint;
using ContractKit.Reading;
using ContractKit.Reporting;

namespace ContractKit.Pipeline;

/// <summary>
/// <c>contractkit lint</c>'s orchestration: load the spec once (<see cref="ContractLoader"/>, the model built even when
/// the read reported errors, since lint reports both), with the walk of the document as written started as soon as
/// the tree is parsed, then <see cref="SpecLinter"/>'s rules.
/// </summary>
public static class LintPipeline
{
    /// <summary>Rule id → summary of every <see cref="LintRules"/> rule, for SARIF's rule table.</summary>
    public static IReadOnlyDictionary<string, string> RuleDescriptions { get; } =
        LintRules.All.ToDictionary(r => r.Id, r => r.Summary, StringComparer.Ordinal);

    /// <summary>The rules as <c>--level</c> names them, for usage messages: <c>CK4001 invalid-example, …</c>.</summary>
    public static string RuleList => "rules: " + string.Join(", ", LintRules.All.Select(r => r.Id + " " + r.Name));

    /// <summary>Whether <c>--level</c> names a lint rule: a <c>CK</c> id (reader diagnostics too) or a rule name.</summary>
    /// <param name="idOrName">The rule as typed.</param>
    /// <returns>Whether lint knows it.</returns>
    public static bool IsKnownRule(string idOrName) =>
        idOrName.StartsWith("CK", StringComparison.OrdinalIgnoreCase) || LintRules.Find(idOrName) is not null;

    /// <summary>As <see cref="ReadAndLintAsync(string, LintOptions?, CancellationToken)"/>, with level overrides and <c>--strict</c>.</summary>
    /// <param name="path">The spec file.</param>
    /// <param name="levels">Level overrides by rule id or name; null drops the rule.</param>
    /// <param name="strict">Whether tolerated defects are errors.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> <c>$ref</c>s are fetched instead of refused.</param>
    /// <returns>The read spec, and the lint result when the document could be read.</returns>
    public static Task<(SpecReadResult Read, LintResult? Result)> ReadAndLintAsync(
        string path, IReadOnlyDictionary<string, FindingLevel?> levels, bool strict, CancellationToken cancellationToken = default, bool allowRemoteRefs = false) =>
        ReadAndLintAsync(path, new LintOptions { Levels = levels, Strict = strict, AllowRemoteRefs = allowRemoteRefs }, cancellationToken);

    /// <summary>
    /// Reads and lints a spec file: what <c>contractkit lint</c> does. The walk of the document as written runs on
    /// another core while Microsoft.OpenApi reads it, and its validation rules while the model is built; the result
    /// is the same as <see cref="Lint(SpecReadResult, LintOptions?)"/> of
    /// <see cref="SpecReader.ReadAsync(string, CancellationToken)"/>'s result.
    /// </summary>
    /// <param name="path">The spec file.</param>
    /// <param name="options">Level overrides; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The read spec, and the lint result when the document could be read (else null: see the read diagnostics).</returns>
    public static async Task<(SpecReadResult Read, LintResult? Result)> ReadAndLintAsync(string path, LintOptions? options = null, CancellationToken cancellationToken = default)
    {
        Task<LintDocument>? walk = null;
        var loaded = await ContractLoader.LoadAsync(path, new LoadOptions
        {
            Strict = options?.Strict ?? false,
            AllowRemoteRefs = options?.AllowRemoteRefs ?? false,
            BuildDespiteReadErrors = true,
            Parsed = tree => walk = Task.Run(() => SpecLinter.Walk(tree), cancellationToken),
        }, cancellationToken).ConfigureAwait(false);
        if (loaded.Model is not { } model)
        {
            return (loaded.Read, null);
        }

        var walked = walk is null ? SpecLinter.Walk(loaded.Read) : await walk.ConfigureAwait(false);
        return (loaded.Read, SpecLinter.Lint(loaded.Read, model, walked, options));
    }

    /// <summary>Lints a read spec, building its model first (when the document could be read).</summary>
    /// <param name="read">The read spec.</param>
    /// <param name="options">Level overrides; null for the defaults.</param>
    /// <returns>Findings sorted by line, column and rule id, with level overrides applied.</returns>
    public static LintResult Lint(SpecReadResult read, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Document is null)
        {
            return SpecLinter.Lint(read, null, options);
        }

        // The walk only reads the tree as written and the model builder only reads (concurrent reads of a JsonNode
        // tree are safe): on two cores they overlap.
        var walk = Task.Run(() => SpecLinter.Walk(read));
        var model = ContractLoader.Build(read, new LoadOptions { BuildDespiteReadErrors = true }).Model;
        return SpecLinter.Lint(read, model, walk.GetAwaiter().GetResult(), options);
    }
}
