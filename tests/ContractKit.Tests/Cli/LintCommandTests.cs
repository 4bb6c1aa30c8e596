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
    public async Task MissingSpec_ExitsTwo()
    {
        using var spec = new TempSpec(DuplicateIds);

        var result = await CliRunner.RunAsync(spec.Directory, "lint", "nope.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CK1001", result.Stderr, StringComparison.Ordinal);
    }
}
