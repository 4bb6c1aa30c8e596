using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// <c>--allow-remote-refs</c> and <c>"allowRemoteRefs": true</c>: a remote <c>$ref</c> served by a loopback Kestrel
/// server is fetched and generated; without them it stays a CK1007 error and the server is never asked.
/// </summary>
public sealed class AllowRemoteRefsCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempFiles _files = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond = _ => (200, "application/yaml", """
            openapi: 3.0.3
            info: {title: common, version: "1"}
            paths: {}
            components:
              schemas:
                Fetched:
                  type: object
                  properties:
                    fetchedName: {type: string}
            """);
        _files.Write("pet.json", """{ "fetchedName": "Rex" }""");
        _files.Write("spec.yaml", $$"""
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "{{new Uri(_server.Address, "/common.yaml").AbsoluteUri}}#/components/schemas/Fetched"}
            """);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _files.Dispose();

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(_files.Root, args);

    private string Generated() => string.Concat(Array.ConvertAll(
        Directory.GetFiles(Path.Combine(_files.Root, "out"), "*.cs", SearchOption.AllDirectories), File.ReadAllText));

    [Fact]
    public async Task Generate_WithAllowRemoteRefs_FetchesTheRefAndGeneratesItsType()
    {
        var result = await Run("generate", "spec.yaml", "-o", "out", "--allow-remote-refs");

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("FetchedName", Generated(), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Generate_WithAllowRemoteRefsInTheConfig_FetchesTheRef()
    {
        _files.Write("contractkit.json", """
            { "allowRemoteRefs": true, "specs": [ { "spec": "spec.yaml", "output": "out", "namespace": "Remote" } ] }
            """);

        var result = await Run("generate");

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("FetchedName", Generated(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAndLint_WithoutTheOption_RefuseTheRefAndNeverFetch()
    {
        var generate = await Run("generate", "spec.yaml", "-o", "out");
        var lint = await Run("lint", "spec.yaml");

        Assert.Equal(1, generate.ExitCode);
        Assert.Contains("--allow-remote-refs", generate.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, lint.ExitCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Lint_WithAllowRemoteRefs_ReportsNoReferenceError()
    {
        var result = await Run("lint", "spec.yaml", "--allow-remote-refs");

        Assert.DoesNotContain("CK1007", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DiffAndValidate_WithAllowRemoteRefs_UseTheFetchedSchema()
    {
        var diff = await Run("diff", "spec.yaml", "spec.yaml", "--allow-remote-refs");
        var validate = await Run("validate", "spec.yaml", "pet.json", "--operation", "getThing", "--response", "--allow-remote-refs");
        var refused = await Run("validate", "spec.yaml", "pet.json", "--operation", "getThing", "--response");

        Assert.True(diff.ExitCode == 0, diff.Stderr + diff.Stdout);
        Assert.True(validate.ExitCode == 0, validate.Stderr + validate.Stdout);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("CK1007", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MockContract_WithAllowRemoteRefs_LoadsTheFetchedSchema()
    {
        var spec = Path.Combine(_files.Root, "spec.yaml");

        var contract = ContractKit.AspNetCore.ServedContract.Load(spec, allowRemoteRefs: true);

        Assert.Contains(contract.Model.Types, t => t.NameParts.Contains("Fetched"));
        Assert.Throws<ContractKit.AspNetCore.ContractLoadException>(() => ContractKit.AspNetCore.ServedContract.Load(spec));
    }
}
