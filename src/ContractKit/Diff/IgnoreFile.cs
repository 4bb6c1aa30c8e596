using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ContractKit.Diagnostics;
using ContractKit.Reporting;

namespace ContractKit.Diff;

/// <summary>
/// One accepted change: findings of <see cref="Rule"/> at <see cref="Operation"/> (any, when null; path parameter
/// names do not matter) and <see cref="Pointer"/> (the finding's JSON pointer in the head spec; any, when null).
/// </summary>
public sealed record IgnoreEntry(string Rule, string? Operation, string? Pointer, string Reason);

/// <summary>
/// The <c>--ignore</c> file: JSON, documented in RULES.md.
/// <code>{ "ignore": [ { "rule": "response-property-removed", "operation": "GET /threads/{thread_id}",
///   "pointer": "#/components/schemas/ThreadObject", "reason": "v2 migration, announced 2024-04" } ] }</code>
/// </summary>
public static class IgnoreFile
{
    /// <summary>Reads an ignore file; problems come back as a diagnostic.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The entries, or the diagnostic that says why the file is unusable.</returns>
    public static (IReadOnlyList<IgnoreEntry> Entries, Diagnostic? Error) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], new Diagnostic(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, $"cannot read ignore file '{path}': {ex.Message}", new SourceLocation(path, 0, 0)));
        }

        return Parse(path, text);
    }

    /// <summary>Parses ignore-file text; <paramref name="path"/> only names it in diagnostics.</summary>
    /// <param name="path">The file name for messages.</param>
    /// <param name="text">The JSON text.</param>
    /// <returns>The entries, or the diagnostic that says why the text is unusable.</returns>
    public static (IReadOnlyList<IgnoreEntry> Entries, Diagnostic? Error) Parse(string path, string text)
    {
        Diagnostic Fail(string message) => new(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, message, new SourceLocation(path, 0, 0));
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("ignore", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return ([], Fail("an ignore file is an object with an \"ignore\" array"));
            }

            var entries = new List<IgnoreEntry>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                string? Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var rule = Text("rule");
                var reason = Text("reason");
                if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(reason))
                {
                    return ([], Fail($"ignore[{index}]: \"rule\" and \"reason\" are required strings"));
                }

                entries.Add(new IgnoreEntry(rule, Text("operation"), Text("pointer"), reason));
                index++;
            }

            return (entries, null);
        }
        catch (JsonException ex)
        {
            return ([], Fail($"ignore file is not valid JSON: {ex.Message}"));
        }
    }

    /// <summary>Drops the findings an entry accepts, and adds an info finding per entry that matched nothing.</summary>
    /// <param name="findings">The diff's findings.</param>
    /// <param name="entries">The accepted changes.</param>
    /// <param name="path">The ignore file, where stale entries are reported.</param>
    /// <returns>The remaining findings plus stale-entry findings.</returns>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<IgnoreEntry> entries, string path)
    {
        var used = new bool[entries.Count];
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            var matched = false;
            for (var i = 0; i < entries.Count; i++)
            {
                if (Matches(entries[i], finding))
                {
                    used[i] = true;
                    matched = true;
                }
            }

            if (!matched)
            {
                kept.Add(finding);
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (!used[i])
            {
                var e = entries[i];
                kept.Add(new Finding(DiffRules.IgnoreEntryStale.Id, DiffRules.IgnoreEntryStale.DefaultLevel,
                    $"ignore[{i}] ({e.Rule}{(e.Operation is null ? "" : " " + e.Operation)}{(e.Pointer is null ? "" : " " + e.Pointer)}) matched no finding; remove it",
                    new SourceLocation(path, 0, 0)));
            }
        }

        return kept;
    }

    private static bool Matches(IgnoreEntry entry, Finding finding) =>
        string.Equals(entry.Rule, finding.RuleId, StringComparison.Ordinal)
        && (entry.Operation is null || (finding.Operation is not null && SameOperation(entry.Operation, finding.Operation)))
        && (entry.Pointer is null || string.Equals(entry.Pointer, finding.Location?.Pointer, StringComparison.Ordinal));

    private static bool SameOperation(string a, string b)
    {
        static string Key(string op)
        {
            var space = op.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? op : SpecDiff.OperationKey(op[..space], op[(space + 1)..].Trim());
        }

        return string.Equals(Key(a), Key(b), StringComparison.Ordinal);
    }
}
