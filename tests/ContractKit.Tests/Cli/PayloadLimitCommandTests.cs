using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// <c>validate</c>'s payload limits (<c>payload-size</c>, <c>payload-depth</c>) from <c>--limit</c> and from
/// <c>contractkit.json</c>: over one is bad input (exit 1) with one clear error; a bad value is a usage error (exit 2).
/// </summary>
public sealed class PayloadLimitCommandTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _spec = TempSpec.ThreadsSpecPath;

    public PayloadLimitCommandTests()
    {
        _files.Write("big.json", "{\"a\": \"" + new string('x', 5000) + "\"}");
        _files.Write("deep.json", "{\"a\": " + new string('[', 30) + new string(']', 30) + "}");
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task PayloadOverPayloadSize_ExitsOne_WithOneLimitError()
    {
        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "Metadata", "--limit", "payload-size=1000", "big.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("big.json: error CK1013: payload is 5,009 bytes; at most 1,000 bytes are validated (limit 'payload-size'; raise it with --limit payload-size=N", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task ConfigLimits_Apply_AndLimitOptionsOverride()
    {
        _files.Write("contractkit.json", """{"specs": [], "limits": {"payload-depth": 10}}""");

        var limited = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "Metadata", "deep.json");
        var raised = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "Metadata", "--limit", "payload-depth=100", "deep.json");

        Assert.Equal(1, limited.ExitCode);
        Assert.Contains("nesting deeper than 10 levels [maxDepth at #]", limited.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, raised.ExitCode);
        Assert.DoesNotContain("maxDepth", raised.Stdout, StringComparison.Ordinal);
        Assert.Contains("/a: value is array; expected string", raised.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payload-depth=1001", "error CK9001: limit 'payload-depth' must be a whole number from 1 to 1,000, not '1001'")]
    [InlineData("payload-size=0", "error CK9001: limit 'payload-size' must be a whole number from 1 to 1,073,741,824, not '0'")]
    public async Task BadLimitValue_IsAUsageError(string limit, string message)
    {
        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "Metadata", "--limit", limit, "big.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndlessPayload_IsCutOffAtTheDefaultSize()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "Metadata", "/dev/zero");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/dev/zero: error CK1013: payload is larger than 67,108,864 bytes, the most validated (limit 'payload-size'", result.Stderr, StringComparison.Ordinal);
    }
}
