using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Tests.Cli;
using ContractKit.Tests.Support;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;

namespace ContractKit.Tests.Diff;

/// <summary>The real <c>contractkit diff</c> process: exit codes, formats, levels, the ignore file, git inputs.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _base;
    private readonly string _head;

    public DiffCommandTests()
    {
        _base = _files.Write("base.yaml", Api(response: "{type: object, required: [a], properties: {a: {type: string}}}"));
        _head = _files.Write("head.yaml", Api(response: "{type: object}"));
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task BreakingChange_ExitsOne_NoneWithFailOnNone()
    {
        var result = await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("head.yaml(", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("error response-property-removed", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml", "--fail-on", "none")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "base.yaml", "--fail-on", "info")).ExitCode);
    }

    [Fact]
    public async Task LevelOverride_AndJsonFormat()
    {
        var result = await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml", "--level", "response-property-removed=warning", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var finding = JsonNode.Parse(result.Stdout)!["findings"]![0]!;
        Assert.Equal("warning", finding["level"]!.GetValue<string>());

        Assert.Equal(1, (await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml", "--level", "response-property-removed=warning", "--fail-on", "warning")).ExitCode);
        var bad = await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml", "--level", "no-such-rule=warning");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("CK9001", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenSpec_ExitsOne_WithDiagnosticsOnStderr_AndMissingSpec_ExitsTwo()
    {
        _files.Write("broken.yaml", "openapi: 3.0.3\ninfo: [unclosed\n");
        var result = await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "broken.yaml");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.yaml\(\d+,\d+\): error CK\d{4}: ", result.Stderr);

        Assert.Equal(2, (await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "missing.yaml")).ExitCode);
    }

    [Fact]
    public async Task IgnoreFile_DropsAcceptedChanges_AndReportsStaleEntries()
    {
        _files.Write("ignore.json", """
            { "ignore": [
              { "rule": "response-property-removed", "operation": "POST /items/{item_id}",
                "pointer": "#/paths/~1items~1{id}/post/responses/200/content/application~1json/schema", "reason": "announced in v2" },
              { "rule": "operation-removed", "reason": "long gone" }
            ] }
            """);
        var result = await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml", "--ignore", "ignore.json", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var findings = JsonNode.Parse(result.Stdout)!["findings"]!.AsArray();
        var only = Assert.Single(findings);
        Assert.Equal("ignore-entry-stale", only!["ruleId"]!.GetValue<string>());
        Assert.Contains("operation-removed", only["message"]!.GetValue<string>(), StringComparison.Ordinal);

        _files.Write("bad-ignore.json", """{ "ignore": [ { "rule": "x" } ] }""");
        Assert.Equal(2, (await CliRunner.RunAsync(_files.Root, "diff", "base.yaml", "head.yaml", "--ignore", "bad-ignore.json")).ExitCode);
    }

    [Fact]
    public async Task GitRevision_IsReadWithGitShow()
    {
        void Git(params string[] args)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = _files.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false" }.Concat(args))
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        }

        Git("init", "-q");
        File.Copy(_base, Path.Combine(_files.Root, "spec.yaml"));
        Git("add", "spec.yaml");
        Git("commit", "-q", "-m", "base");
        File.Copy(_head, Path.Combine(_files.Root, "spec.yaml"), overwrite: true);

        var result = await CliRunner.RunAsync(_files.Root, "diff", "git:HEAD:spec.yaml", "spec.yaml", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("::error file=spec.yaml,line=", result.Stdout, StringComparison.Ordinal);

        var missing = await CliRunner.RunAsync(_files.Root, "diff", "git:HEAD:nope.yaml", "spec.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("git:HEAD:nope.yaml", missing.Stderr, StringComparison.Ordinal);
    }
}
