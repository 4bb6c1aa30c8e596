using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

public sealed class LintCommandTests
{
    private const string DuplicateIds = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              operationId: same
              responses: { '204': { description: none } }
          /b:
            get:
              operationId: same
              responses: { '204': { description: none } }
        """;

    [Fact]
    public async Task ThreadsSpec_LintsClean_ExitZero()
    {
        var result = await CliRunner.RunAsync(Corpus.RepoRoot, "lint", "spec/threads.yaml");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Findings_AtOrAboveFailOn_ExitOne_AsGitHubAnnotations()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "spec.yaml", "--format", "github");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"::error file=spec\.yaml,line=10,", result.Stdout);
    }

    [Fact]
    public async Task FailOnNone_ExitsZero_AndJsonListsTheFinding()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "spec.yaml", "--format", "json", "--fail-on", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("CK4004", JsonNode.Parse(result.Stdout)!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level_TurnsARuleOffByName_WithTheOptionDiffUses()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "spec.yaml", "--format", "json", "--level", "duplicate-operation-id=off");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CK4004", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("deprecated", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleOption_StillOverridesALevel_WithADeprecationNoteOnStderr()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "spec.yaml", "--rule", "CK4004=off");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--rule is deprecated; use --level", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRuleInLevel_ExitsTwo_ListingTheRules()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "spec.yaml", "--level", "no-such-rule=off");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--level 'no-such-rule=off'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("CK4004 duplicate-operation-id", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_DescribesEachLintRule_WithItsCatalogSummary()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "spec.yaml", "--format", "sarif");

        var rules = JsonNode.Parse(result.Stdout)!["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        var rule = Assert.Single(rules, r => (string?)r!["id"] == ContractKit.Lint.Rules.OperationIdRule.DuplicateOperationId.Id);
        Assert.Equal(ContractKit.Lint.Rules.OperationIdRule.DuplicateOperationId.Summary, (string?)rule!["shortDescription"]!["text"]);
    }

    [Fact]
    public async Task MissingSpec_ExitsTwo()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "nope.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CK1001", result.Stderr, StringComparison.Ordinal);
    }
}
