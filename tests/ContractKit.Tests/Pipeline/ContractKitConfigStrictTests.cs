using System;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Pipeline;

/// <summary><c>"strict"</c> in contractkit.json: at the top level for every spec, per spec to override it.</summary>
public sealed class ContractKitConfigStrictTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (ContractKitConfig? Config, Diagnostic? Error) Load(string json) =>
        ContractKitConfig.Load(_files.Write("contractkit.json", json));

    [Fact]
    public void Strict_IsOffByDefault_SetAtTheTop_AndOverriddenPerSpec()
    {
        var none = Load("""{ "specs": [ { "spec": "a.yaml", "output": "a", "namespace": "A" } ] }""").Config!;
        var top = Load("""
            { "strict": true, "specs": [
              { "spec": "a.yaml", "output": "a", "namespace": "A" },
              { "spec": "b.yaml", "output": "b", "namespace": "B", "strict": false } ] }
            """).Config!;

        Assert.False(Assert.Single(none.Specs).Strict);
        Assert.Equal([true, false], top.Specs.Select(s => s.Strict));
    }

    [Theory]
    [InlineData("""{ "strict": "yes", "specs": [] }""", "\"strict\" must be true or false")]
    [InlineData("""{ "specs": [ { "spec": "a.yaml", "output": "a", "namespace": "A", "strict": 1 } ] }""", "specs[0]: \"strict\" must be true or false")]
    public void Strict_ThatIsNotABoolean_IsAConfigError(string json, string message)
    {
        var (config, error) = Load(json);

        Assert.Null(config);
        Assert.Equal((DiagnosticIds.ConfigError, message), (error!.Id, error.Message));
    }
}
