using System;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// One exit-code rule for every command that reads a spec (<c>ExitCodes</c>, README "Exit codes"): 1 when the spec
/// itself is bad (YAML that does not parse, a <c>$ref</c> to nothing, nested deeper than the reading limit; more limits:
/// <see cref="HostileLimitCommandTests"/>), 2 when the run cannot be done as asked (a spec file that does not exist). Each command, each case, the real CLI.
/// </summary>
public sealed class ExitCodeRuleTests : IDisposable
{
    private const string Good = "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    Name: {type: string}\n";

    private readonly TempFiles _files = new();

    public ExitCodeRuleTests()
    {
        _files.Write("good.yaml", Good);
        _files.Write("syntax.yaml", "openapi: 3.0.3\ninfo: [unclosed\n");
        _files.Write("dangling.yaml", Good + "    Thing: {$ref: '#/components/schemas/Nope'}\n");
        _files.Write("deep.yaml", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": "
            + string.Concat(Enumerable.Repeat("[", 1500)) + string.Concat(Enumerable.Repeat("]", 1500)) + "}");
        _files.Write("ok.json", "\"text\"");
        foreach (var spec in new[] { "syntax", "dangling", "missing", "deep" })
        {
            _files.Write($"{spec}.json", $$"""{ "specs": [ { "spec": "{{spec}}.yaml", "output": "out", "namespace": "N", "clientName": "C" } ] }""");
        }
    }

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var command in new[] { "generate", "check", "validate", "lint", "diff-head", "diff-base", "mock" })
        {
            data.Add(command, 1, "syntax");
            data.Add(command, 1, "dangling");
            data.Add(command, 2, "missing");
            data.Add(command, 1, "deep");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryCommand_ExitsOneForABadOrTooDeepSpec_AndTwoForAMissingOne(string command, int exitCode, string spec)
    {
        var file = spec + ".yaml";
        string[] args = command switch
        {
            "generate" => ["generate", file, "-o", "out"],
            "check" => ["check", "--config", spec + ".json"],
            "validate" => ["validate", file, "ok.json", "--schema", "Name"],
            "lint" => ["lint", file],
            "diff-head" => ["diff", "good.yaml", file],
            "diff-base" => ["diff", file, "good.yaml"],
            "mock" => ["mock", file, "--port", "0"],
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        var result = await CliRunner.RunAsync(_files.Root, args);

        Assert.True(exitCode == result.ExitCode, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Stdout}{result.Stderr}");
        var expectedId = spec switch { "syntax" => "CK1003", "dangling" => "CK1007", "deep" => "CK1013", _ => "CK1001" };
        Assert.Contains($"error {expectedId}: ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidCommandsOnTheGoodSpec_ExitZero_SoTheCasesAboveFailForTheSpecAlone()
    {
        string[][] runs = [["generate", "good.yaml", "-o", "out"], ["validate", "good.yaml", "ok.json", "--schema", "Name"], ["lint", "good.yaml"], ["diff", "good.yaml", "good.yaml"]];
        foreach (var args in runs)
        {
            var result = await CliRunner.RunAsync(_files.Root, args);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Stdout}{result.Stderr}");
        }
    }
}
