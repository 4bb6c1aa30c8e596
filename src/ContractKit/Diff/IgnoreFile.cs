using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Reporting;

namespace ContractKit.Diff;

/// <summary>
/// One accepted change: findings of <see cref="Rule"/> at <see cref="Operation"/> (any, when null; path parameter
/// names do not matter) and <see cref="Pointer"/> (the finding's JSON pointer in the head spec; any, when null).
/// <see cref="Line"/> is where the entry starts in the ignore file (0 when unknown), for stale-entry reports.
/// </summary>
public sealed record IgnoreEntry(string Rule, string? Operation, string? Pointer, string Reason, int Line = 0);

/// <summary>
/// The <c>--ignore</c> file, JSON or YAML (documented in RULES.md).
/// <code>{ "ignore": [ { "rule": "response-property-removed", "operation": "GET /threads/{thread_id}",
///   "pointer": "#/components/schemas/ThreadObject", "reason": "v2 migration, announced 2024-04" } ] }</code>
/// <code>ignore:
///   - rule: response-property-removed
///     operation: GET /threads/{thread_id}
///     reason: v2 migration, announced 2024-04</code>
/// </summary>
public static class IgnoreFile
{
    private static readonly string[] KnownKeys = ["rule", "operation", "pointer", "reason"];

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

    /// <summary>Parses ignore-file text (JSON, JSON with comments, or YAML); <paramref name="path"/> names it in diagnostics.</summary>
    /// <param name="path">The file name for messages.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>The entries, or the diagnostic that says why the text is unusable (with its line where known).</returns>
    public static (IReadOnlyList<IgnoreEntry> Entries, Diagnostic? Error) Parse(string path, string text)
    {
        JsonNode? root = null;
        SourceMap? map = null;
        var parsed = SpecParser.Parse(path, text);
        if (!parsed.IsFatal && parsed.Root is JsonObject top0 && top0.ContainsKey("ignore"))
        {
            root = parsed.Root;
            map = new SourceMap(path, parsed.Locator);
        }
        else
        {
            // JSON with comments or trailing commas is neither strict JSON nor the YAML meant; System.Text.Json reads it (without positions).
            try
            {
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException)
            {
                if (parsed.IsFatal)
                {
                    var first = parsed.Problems[0];
                    return ([], new Diagnostic(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, $"ignore file is neither valid JSON nor YAML: {first.Message}", first.Location ?? new SourceLocation(path, 0, 0)));
                }

                root = parsed.Root;
                map = new SourceMap(path, parsed.Locator);
            }
        }

        SourceLocation At(string pointer) => map?.Locate(pointer) ?? new SourceLocation(path, 0, 0, pointer);
        Diagnostic Fail(string pointer, string message) => new(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, message, At(pointer));

        if (root is not JsonObject top || !top.TryGetPropertyValue("ignore", out var listNode) || listNode is not JsonArray list)
        {
            return ([], Fail("#", "an ignore file is an object with an \"ignore\" array of entries"));
        }

        var entries = new List<IgnoreEntry>(list.Count);
        for (var index = 0; index < list.Count; index++)
        {
            var pointer = $"#/ignore/{index}";
            if (list[index] is not JsonObject item)
            {
                return ([], Fail(pointer, $"ignore[{index}]: expected an object with \"rule\" and \"reason\""));
            }

            foreach (var (key, _) in item)
            {
                if (Array.IndexOf(KnownKeys, key) < 0)
                {
                    return ([], Fail($"{pointer}/{key}", $"ignore[{index}]: unknown key '{key}'; expected {string.Join(", ", KnownKeys)}"));
                }
            }

            string? Text(string name) => item.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
            var rule = Text("rule");
            var reason = Text("reason");
            if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(reason))
            {
                return ([], Fail(pointer, $"ignore[{index}]: \"rule\" and \"reason\" are required strings"));
            }

            entries.Add(new IgnoreEntry(rule, Text("operation"), Text("pointer"), reason, At(pointer).Line));
        }

        return (entries, null);
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
                    new SourceLocation(path, e.Line, e.Line > 0 ? 1 : 0)));
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
