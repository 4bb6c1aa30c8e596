using System;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reading;
using ContractKit.Tests.Cli;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Pipeline;

/// <summary>
/// The reading limits (SECURITY.md) set three ways: <c>--limit name=value</c>, <c>"limits"</c> in contractkit.json
/// (top level, overridden per spec), and <see cref="LoadOptions.Limits"/>. A spec over a limit is exit 1 in every command;
/// an unknown limit or a bad value is a usage or config error, exit 2.
/// </summary>
public sealed class ConfigurableLimitTests : IDisposable
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/A'}
        components:
          schemas:
            A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
            B: {type: string}
        """;

    private readonly TempFiles _files = new();

    public ConfigurableLimitTests() => _files.Write("spec.yaml", Spec);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task LoadOptionsLimits_ApplyToThatLoadOnly()
    {
        var path = System.IO.Path.Combine(_files.Root, "spec.yaml");

        var limited = await ContractLoader.LoadAsync(path, new LoadOptions { Limits = SpecLimits.Default with { MaxSchemas = 1 } });
        var unlimited = await ContractLoader.LoadAsync(path);

        Assert.Equal(ExitCodes.InputErrors, limited.ExitCode);
        var error = Assert.Single(limited.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticIds.LimitExceeded, 14), (error.Id, error.Location!.Line));
        Assert.Contains("at most 1 are read (limit 'schemas')", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, unlimited.ExitCode);
    }

    [Fact]
    public void ConfigLimits_SpecEntryOverridesTheTopLevel()
    {
        var config = _files.Write("contractkit.json", """
            { "limits": {"depth": 100, "schemas": 10},
              "specs": [ {"spec": "spec.yaml", "output": "out", "namespace": "N", "limits": {"schemas": 1}},
                         {"spec": "spec.yaml", "output": "out2", "namespace": "N"} ] }
            """);

        var (loaded, error) = ContractKitConfig.Load(config);

        Assert.Null(error);
        Assert.Equal((100, 1), (loaded!.Specs[0].Limits!.MaxDepth, loaded.Specs[0].Limits!.MaxSchemas));
        Assert.Equal((100, 10), (loaded.Specs[1].Limits!.MaxDepth, loaded.Specs[1].Limits!.MaxSchemas));
    }

    [Theory]
    [InlineData("{\"depths\": 3}", "unknown limit 'depths'")]
    [InlineData("{\"depth\": 0}", "limit 'depth' must be a whole number from 1 to 1,000, not '0'")]
    [InlineData("{\"depth\": 2000}", "from 1 to 1,000")]
    [InlineData("[]", "\"limits\" must be an object")]
    public void ConfigLimits_BadNameOrValue_IsAConfigError(string limits, string message)
    {
        var config = _files.Write("contractkit.json", "{\"specs\": [{\"spec\": \"spec.yaml\", \"output\": \"out\", \"namespace\": \"N\", \"limits\": " + limits + "}]}");

        var (loaded, error) = ContractKitConfig.Load(config);

        Assert.Null(loaded);
        Assert.Equal(DiagnosticIds.ConfigError, error!.Id);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateFromConfig_OverItsSpecsLimit_Exits1_AndTheCommandLineOverridesTheConfig()
    {
        _files.Write("contractkit.json", """{"specs": [{"spec": "spec.yaml", "output": "out", "namespace": "N", "limits": {"schemas": 1}}]}""");

        var limited = await CliRunner.RunAsync(_files.Root, "generate");
        var raised = await CliRunner.RunAsync(_files.Root, "generate", "--limit", "schemas=2");

        Assert.Equal(1, limited.ExitCode);
        Assert.Contains("spec.yaml(14,3): error CK1013", limited.Stdout + limited.Stderr, StringComparison.Ordinal);
        Assert.True(raised.ExitCode == 0, raised.Stdout + raised.Stderr);
    }

    [Theory]
    [InlineData(1, "CK1013", "lint", "spec.yaml", "--limit", "depth=3")]
    [InlineData(1, "CK1013", "validate", "spec.yaml", "ok.json", "--schema", "B", "--limit", "string-length=2")]
    [InlineData(2, "CK9001: limit 'depth' must be a whole number", "lint", "spec.yaml", "--limit", "depth=x")]
    [InlineData(2, "CK9001: --limit takes name=value", "diff", "spec.yaml", "spec.yaml", "--limit", "depth")]
    public async Task LimitOption_AppliesToEveryCommand_AndABadOneIsAUsageError(int exitCode, string expected, params string[] args)
    {
        _files.Write("ok.json", "\"text\"");

        var result = await CliRunner.RunAsync(_files.Root, args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(expected, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
