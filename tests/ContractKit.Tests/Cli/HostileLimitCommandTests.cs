using System;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// A spec over a reading limit (SECURITY.md) gets a located CK1013 in every command, never a crash, and exit 1 (a spec
/// over a limit is bad input, issue #15; see <c>ExitCodes</c>).
/// </summary>
public sealed class HostileLimitCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public HostileLimitCommandTests()
    {
        _files.Write("spec.yaml", "openapi: 3.0.3\ninfo: {title: x, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    Name:\n      type: string\n      description: "
            + new string('x', 1024 * 1024 + 1) + "\n");
        _files.Write("ok.json", "\"text\"");
    }

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(1, "generate", "spec.yaml", "-o", "out")]
    [InlineData(1, "lint", "spec.yaml")]
    [InlineData(1, "validate", "spec.yaml", "ok.json", "--schema", "Name")]
    [InlineData(1, "diff", "spec.yaml", "spec.yaml")]
    [InlineData(1, "mock", "spec.yaml", "--port", "0")]
    public async Task OverlongString_GetsALocatedLimitError(int exitCode, params string[] args)
    {
        var result = await CliRunner.RunAsync(_files.Root, args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains("spec.yaml(8,7): error CK1013: A string is longer than 1,048,576 characters (limit 'string-length').", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
