using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ContractKit.Diff;
using ContractKit.Lint;
using Xunit;

namespace ContractKit.Tests.Docs;

/// <summary>
/// The rule documents are rendered from the rule catalogs, so that the docs and the code cannot disagree: a rule
/// added, removed, renamed or re-levelled in code without its document fails here. To rewrite the tables from the
/// code, run the tests with <c>CONTRACTKIT_UPDATE_DOCS=1</c> and review the diff.
/// </summary>
public sealed class RuleDocumentTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("CONTRACTKIT_UPDATE_DOCS") is "1" or "true";

    [Fact]
    public void DiffRulesDocument_TableIsTheDiffRuleCatalog()
    {
        var rows = DiffRules.All.Select(r =>
            $"| `{r.Id}` | {Level(r.DefaultLevel)} | {r.Direction ?? ""} | {r.Title} | {(r.OasdiffId is null ? "" : $"`{r.OasdiffId}`")} |");

        CheckTable(Path.Combine("src", "ContractKit", "Diff", "RULES.md"), "| Rule | Level | Side | Meaning | oasdiff |", rows);
    }

    [Fact]
    public void LintRulesDocument_TableIsTheLintRuleCatalog()
    {
        var rows = LintRules.All.Select(r => $"| {r.Id} | `{r.Name}` | {Level(r.DefaultLevel)} | {r.Summary} |");

        CheckTable(Path.Combine("docs", "lint-rules.md"), "| Id | Name | Level | Meaning |", rows);
    }

    private static string Level(ContractKit.Reporting.FindingLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Compares (or, in update mode, rewrites) the table that follows <paramref name="header"/>.</summary>
    private static void CheckTable(string relativePath, string header, IEnumerable<string> expectedRows)
    {
        var path = Path.Combine(Corpus.RepoRoot, relativePath);
        var lines = File.ReadAllText(path).Split('\n').ToList();
        var start = lines.IndexOf(header);
        Assert.True(start >= 0, $"{relativePath} has no table headed '{header}'");
        var first = start + 2;
        var end = first;
        while (end < lines.Count && lines[end].StartsWith('|'))
        {
            end++;
        }

        var expected = expectedRows.ToList();
        var actual = lines.GetRange(first, end - first);
        if (Update && !expected.SequenceEqual(actual))
        {
            lines.RemoveRange(first, end - first);
            lines.InsertRange(first, expected);
            File.WriteAllText(path, string.Join('\n', lines));
            return;
        }

        Assert.Equal(expected, actual);
    }
}
