using System;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>Tags named like the root client's own members get other property names, so the client still compiles.</summary>
public sealed class ClientMemberNameTests
{
    [Fact]
    public async Task TagsNamedLikeClientMembers_GetPropertiesOfTheirOwn()
    {
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get: {operationId: a, tags: [response-limits], responses: {'204': {description: ok}}}
              /b:
                get: {operationId: b, tags: [contract-logger], responses: {'204': {description: ok}}}
            """);

        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(spec.Target() with { Clients = ClientGrouping.Tag });

        Assert.True(exitCode == 0, string.Join("\n", diagnostics));
        Assert.Empty(CSharpCompiler.Compile(files));
        var root = files.Single(f => f.RelativePath == "TestClient.g.cs").Content;
        Assert.Contains("public ResponseLimitsClient ResponseLimits2 { get; }", root, StringComparison.Ordinal);
        Assert.Contains("public ContractLoggerClient ContractLogger2 { get; }", root, StringComparison.Ordinal);
    }
}
