using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Diff;
using ContractKit.Reporting;
using ContractKit.Tests.Cli;
using ContractKit.Tests.Support;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Diff;

/// <summary>A spec the reader warns about is still compared; its warnings are shown beside the diff's findings and never decide the exit code.</summary>
public sealed class SpecWarningTests
{
    // A discriminator on a schema without oneOf/anyOf/allOf: the reader warns (it has no effect) and reads on.
    private const string Odd = "{type: object, discriminator: {propertyName: kind}, properties: {kind: {type: string}}}";

    [Fact]
    public async Task ReaderWarnings_AreShownBesideTheFindings_InEveryFormat()
    {
        using var files = new TempFiles();
        files.Write("base.yaml", Api(response: "{type: object, required: [a], properties: {a: {type: string}}}"));
        files.Write("head.yaml", Api(response: Odd));

        var run = await DiffPipeline.RunAsync(new DiffRequest { Base = files.Root + "/base.yaml", Head = files.Root + "/head.yaml" });
        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.SpecWarnings);
        Assert.Equal(FindingLevel.Warning, warning.Level);
        Assert.StartsWith("CK1", warning.RuleId, StringComparison.Ordinal);
        Assert.EndsWith("head.yaml", warning.Location!.FilePath, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Findings, f => f.RuleId == warning.RuleId);

        var json = await CliRunner.RunAsync(files.Root, "diff", "base.yaml", "head.yaml", "--format", "json");
        Assert.Equal(1, json.ExitCode); // for the removed required property, not for the warning
        var ids = JsonNode.Parse(json.Stdout)!["findings"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).ToList();
        Assert.Contains(warning.RuleId, ids);
        Assert.Contains("response-property-removed", ids);

        foreach (var format in new[] { "text", "markdown", "github", "sarif" })
        {
            var output = await CliRunner.RunAsync(files.Root, "diff", "base.yaml", "head.yaml", "--format", format);
            Assert.Contains(warning.RuleId, output.Stdout, StringComparison.Ordinal);
        }

        // Only the warning: exit 0 at the default --fail-on error.
        Assert.Equal(0, (await CliRunner.RunAsync(files.Root, "diff", "head.yaml", "head.yaml")).ExitCode);
    }
}
