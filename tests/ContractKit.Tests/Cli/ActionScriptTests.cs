using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// The GitHub Action's script (<c>scripts/contractkit-action.sh</c>, run by <c>action.yml</c>) in a temporary git
/// repository with two commits: annotations on stdout, a Markdown job summary, the exit code; no network.
/// </summary>
public sealed class ActionScriptTests : IDisposable
{
    private const string V1 = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, required: [id, name], properties: {id: {type: string}, name: {type: string}}}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task BreakingCommit_FailsWithAnnotationsAndASummary_UnchangedSpecPasses()
    {
        Git("init", "-q");
        Directory.CreateDirectory(Path.Combine(_files.Root, "api"));
        _files.Write("api/spec.yaml", V1);
        Git("add", ".");
        Git("commit", "-q", "-m", "v1");
        _files.Write("api/spec.yaml", V1.Replace("required: [id, name]", "required: [id]", StringComparison.Ordinal));
        Git("commit", "-q", "-am", "v2: name optional");

        var broken = await RunScript("HEAD~1");
        Assert.True(broken.ExitCode == 1, broken.Stdout + broken.Stderr);
        Assert.Contains("::error file=api/spec.yaml,line=", broken.Stdout, StringComparison.Ordinal);
        Assert.Contains("response-property-became-optional", broken.Stdout, StringComparison.Ordinal);
        var summary = File.ReadAllText(Path.Combine(_files.Root, "summary.md"));
        Assert.Contains("## ContractKit: `api/spec.yaml`", summary, StringComparison.Ordinal);
        Assert.Contains("### Breaking changes against `HEAD~1`", summary, StringComparison.Ordinal);
        Assert.Contains("`response-property-became-optional`", summary, StringComparison.Ordinal);
        Assert.Contains("### Lint", summary, StringComparison.Ordinal);

        var same = await RunScript("HEAD");
        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        Assert.DoesNotContain("::error", same.Stdout, StringComparison.Ordinal);

        // A spec the base does not have yet is not an error; a spec that does not exist is a usage error.
        Assert.Equal(0, (await RunScript("HEAD", spec: "api/spec.yaml", baseSpecMissing: true)).ExitCode);
        Assert.Equal(2, (await RunScript("HEAD", spec: "api/none.yaml")).ExitCode);
    }

    private async Task<CliRunner.Result> RunScript(string baseRef, string spec = "api/spec.yaml", bool baseSpecMissing = false)
    {
        var wrapper = _files.Write("contractkit", $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "ContractKit.Cli.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var summary = Path.Combine(_files.Root, "summary.md");
        File.Delete(summary);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _files.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Corpus.RepoRoot, "scripts", "contractkit-action.sh"));
        start.Environment["CONTRACTKIT"] = wrapper;
        start.Environment["CK_SPEC"] = spec;
        start.Environment["CK_BASE_REF"] = baseSpecMissing ? Git("hash-object", "-t", "tree", "/dev/null") : baseRef;
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _files.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        return output.Trim();
    }
}
