using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Pipeline;

/// <summary>
/// The payload limits through Pipeline (<see cref="ValidateRequest.Limits"/>, <see cref="ContractKitConfig"/>): sizes
/// checked before reading (a file's length, then reading no further), depth passed to the validator.
/// </summary>
public sealed class PayloadLimitPipelineTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Task<(System.Collections.Generic.IReadOnlyList<ContractKit.Reporting.PayloadResult>? Results, System.Collections.Generic.IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> Validate(string payload, SpecLimits limits) =>
        PayloadValidation.RunAsync(new ValidateRequest { SpecPath = TempSpec.ThreadsSpecPath, Schema = "Metadata", Payloads = [payload], Limits = limits });

    [Fact]
    public async Task PayloadOverTheSize_IsOneLimitError_ExitOne()
    {
        var payload = _files.Write("big.json", "{\"a\": \"" + new string('x', 200) + "\"}");

        var (results, _, exitCode) = await Validate(payload, SpecLimits.Default with { MaxPayloadBytes = 100 });

        var result = Assert.Single(results!);
        Assert.Equal((DiagnosticIds.LimitExceeded, ExitCodes.InputErrors), (result.ReadErrorId, exitCode));
        Assert.StartsWith("payload is 209 bytes; at most 100 bytes are validated (limit 'payload-size'", result.ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayloadDeeperThanTheDepth_IsInvalid_ExitOne()
    {
        var payload = _files.Write("deep.json", new string('[', 12) + new string(']', 12));

        var (results, _, exitCode) = await Validate(payload, SpecLimits.Default with { MaxPayloadDepth = 10 });

        var error = Assert.Single(Assert.Single(results!).Errors);
        Assert.Equal(("maxDepth", "nesting deeper than 10 levels", ExitCodes.InputErrors), (error.Keyword, error.Message, exitCode));
    }

    [Fact]
    public void Limits_HaveTheirNames_AndDefaults()
    {
        Assert.Contains("payload-size", LimitSettings.Names.Keys);
        Assert.Contains("payload-depth", LimitSettings.Names.Keys);
        Assert.Equal((64L * 1024 * 1024, 1000), (SpecLimits.Default.MaxPayloadBytes, SpecLimits.Default.MaxPayloadDepth));
        Assert.Equal(5, LimitSettings.ApplyTo(null, ["payload-depth=5"]).MaxPayloadDepth);
    }

    [Fact]
    public void ConfigLimits_ForASpec_AreItsEntrysElseTheTopLevels()
    {
        _files.Write("spec.yaml", "openapi: 3.0.3");
        var config = _files.Write("contractkit.json", """
            { "limits": {"payload-size": 1000},
              "specs": [ {"spec": "spec.yaml", "output": "out", "namespace": "N", "limits": {"payload-depth": 7}} ] }
            """);

        var (loaded, error) = ContractKitConfig.Load(config);

        Assert.Null(error);
        Assert.Equal((1000L, 7), (loaded!.LimitsFor(Path.Combine(_files.Root, "spec.yaml"))!.MaxPayloadBytes, loaded.LimitsFor(Path.Combine(_files.Root, "spec.yaml"))!.MaxPayloadDepth));
        Assert.Equal((1000L, 1000), (loaded.LimitsFor(Path.Combine(_files.Root, "other.yaml"))!.MaxPayloadBytes, loaded.LimitsFor("other.yaml")!.MaxPayloadDepth));
    }
}
