using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Tests.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// Every command that reads a spec carries on through the defects the reader tolerates, saying so with a located
/// warning and exiting as if they were not there; <c>--strict</c> (or <c>"strict": true</c> in contractkit.json)
/// makes them errors that exit 1.
/// </summary>
public sealed class StrictOptionTests : IDisposable
{
    private const string Warning = "spec.yaml(7,7): warning CK1009: 'oaiMeta' is not a field of this object";
    private const string Error = "spec.yaml(7,7): error CK1009: 'oaiMeta' is not a field of this object";

    private readonly TempFiles _files = new();

    public StrictOptionTests() => _files.Write("spec.yaml", ToleratedDefectFixtures.ExtensionWithoutXPrefix.Yaml);

    public void Dispose() => _files.Dispose();

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(_files.Root, args);

    [Fact]
    public async Task Generate_WritesWithAWarning_AndUnderStrictWritesNothing()
    {
        var lenient = await Run("generate", "spec.yaml", "-o", "out");
        var strict = await Run("generate", "spec.yaml", "-o", "strict-out", "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(Warning, lenient.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_files.Root, "out", "SpecClient.g.cs")));
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(Error, strict.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_files.Root, "strict-out")));
    }

    [Fact]
    public async Task Lint_ListsTheWarningAmongItsFindings_AndUnderStrictFails()
    {
        var lenient = await Run("lint", "spec.yaml");
        var strict = await Run("lint", "spec.yaml", "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(Warning, lenient.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(Error, strict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ShowsTheWarningBesideItsFindings_AndUnderStrictExitsOne()
    {
        _files.Write("head.yaml", ToleratedDefectFixtures.ExtensionWithoutXPrefix.Yaml.Replace("/engines:", "/models:", StringComparison.Ordinal));

        var same = await Run("diff", "spec.yaml", "spec.yaml");
        var changed = await Run("diff", "spec.yaml", "head.yaml");
        var strict = await Run("diff", "spec.yaml", "spec.yaml", "--strict");

        Assert.Equal(0, same.ExitCode);
        Assert.Contains(Warning, same.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("error path-removed", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains("head.yaml(7,7): warning CK1009", changed.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(Error, strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ChecksThePayloadWithAWarning_AndUnderStrictRefuses()
    {
        _files.Write("ok.json", "\"text\"");
        _files.Write("spec.yaml", ToleratedDefectFixtures.ExtensionWithoutXPrefix.Yaml + """

            components:
              schemas:
                Name: {type: string}
            """);

        var lenient = await Run("validate", "spec.yaml", "ok.json", "--schema", "Name");
        var strict = await Run("validate", "spec.yaml", "ok.json", "--schema", "Name", "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(Warning, lenient.Stderr, StringComparison.Ordinal);
        Assert.Contains("ok.json: valid", lenient.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(Error, strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FollowsStrictFromTheConfig_OrTheOption()
    {
        const string Config = """{ "specs": [ { "spec": "spec.yaml", "output": "out", "namespace": "My.Api" } ] }""";
        _files.Write("contractkit.json", Config);
        Assert.Equal(0, (await Run("generate")).ExitCode);

        var lenient = await Run("check");
        var option = await Run("check", "--strict");
        _files.Write("contractkit.json", Config.Replace("\"namespace\": \"My.Api\"", "\"namespace\": \"My.Api\", \"strict\": true", StringComparison.Ordinal));
        var configured = await Run("check");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("out: up to date", lenient.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, option.ExitCode);
        Assert.Contains(Error, option.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, configured.ExitCode);
        Assert.Contains(Error, configured.Stderr, StringComparison.Ordinal);
    }
}
