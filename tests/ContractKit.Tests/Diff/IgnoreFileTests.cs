using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Diff;
using ContractKit.Reporting;
using Xunit;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Diff;

/// <summary>The <c>--ignore</c> file: JSON (with comments) or YAML, strict keys, and stale entries reported at their line.</summary>
public sealed class IgnoreFileTests
{
    private const string Yaml = """
        # accepted for the v2 release
        ignore:
          - rule: response-property-removed
            operation: GET /threads/{id}
            reason: announced in the v2 migration guide

          - rule: operation-removed
            pointer: "#/paths/~1threads/delete"
            reason: gone since 2024
        """;

    [Fact]
    public void Yaml_IsRead_WithEachEntrysLine()
    {
        var (entries, error) = IgnoreFileReader.Parse("ignore.yaml", Yaml);

        Assert.Null(error);
        Assert.Equal(2, entries.Count);
        Assert.Equal(new IgnoreEntry("response-property-removed", "GET /threads/{id}", null, "announced in the v2 migration guide", 3), entries[0]);
        Assert.Equal("#/paths/~1threads/delete", entries[1].Pointer);
        Assert.Equal(7, entries[1].Line);
    }

    [Fact]
    public void JsonWithComments_IsStillAccepted()
    {
        var (entries, error) = IgnoreFileReader.Parse("ignore.json", """
            { // accepted changes
              "ignore": [ { "rule": "operation-removed", "reason": "gone", }, ],
            }
            """);

        Assert.Null(error);
        Assert.Equal("operation-removed", Assert.Single(entries).Rule);
    }

    [Theory]
    [InlineData("ignore:\n  - rule: x\n", "\"rule\" and \"reason\" are required", 2)]
    [InlineData("ignore:\n  - rule: x\n    reason: y\n    poiner: '#/paths'\n", "unknown key 'poiner'", 4)]
    [InlineData("ignore: [1]\n", "expected an object", 1)]
    [InlineData("accept: []\n", "an \"ignore\" array", 1)]
    [InlineData("ignore: [ {rule: x\n", "neither valid JSON nor YAML", 0)]
    public void BadFiles_AreRejected_WithWhatWasExpected_AndTheLine(string text, string expected, int line)
    {
        var (entries, error) = IgnoreFileReader.Parse("ignore.yaml", text);

        Assert.Empty(entries);
        Assert.NotNull(error);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(expected, error.Message, System.StringComparison.Ordinal);
        if (line > 0)
        {
            Assert.Equal(line, error.Location!.Line);
        }
        else
        {
            Assert.True(error.Location!.Line > 0, error.ToString());
        }
    }

    [Fact]
    public void StaleEntries_AreReportedAtTheirLine_AndUsedOnesDropTheirFindings()
    {
        var (entries, _) = IgnoreFileReader.Parse("ignore.yaml", Yaml);
        Finding[] findings =
        [
            new("response-property-removed", FindingLevel.Error, "property 'file_ids' was removed", new SourceLocation("head.yaml", 40, 9, "#/components/schemas/Thread")) { Operation = "GET /threads/{thread_id}" },
        ];

        var kept = IgnoreFile.Apply(findings, entries, "ignore.yaml");

        var stale = Assert.Single(kept);
        Assert.Equal("ignore-entry-stale", stale.RuleId);
        Assert.Equal(("ignore.yaml", 7), (stale.Location!.FilePath, stale.Location.Line));
        Assert.Contains("operation-removed", stale.Message, System.StringComparison.Ordinal);
    }
}
