using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Reporting;

namespace ContractKit.Diff;

/// <summary>
/// One accepted change: findings of <see cref="Rule"/> at <see cref="Operation"/> (any, when null; path parameter
/// names do not matter) and <see cref="Pointer"/> (the finding's JSON pointer in the head spec; any, when null).
/// <see cref="Line"/> is where the entry starts in the ignore file (0 when unknown), for stale-entry reports.
/// </summary>
public sealed record IgnoreEntry(string Rule, string? Operation, string? Pointer, string Reason, int Line = 0);

/// <summary>
/// The <c>--ignore</c> file, JSON or YAML (documented in RULES.md), applied to findings; read by <c>Pipeline.IgnoreFileReader</c>.
/// <code>{ "ignore": [ { "rule": "response-property-removed", "operation": "GET /threads/{thread_id}",
///   "pointer": "#/components/schemas/ThreadObject", "reason": "v2 migration, announced 2024-04" } ] }</code>
/// <code>ignore:
///   - rule: response-property-removed
///     operation: GET /threads/{thread_id}
///     reason: v2 migration, announced 2024-04</code>
/// </summary>
public static class IgnoreFile
{
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
