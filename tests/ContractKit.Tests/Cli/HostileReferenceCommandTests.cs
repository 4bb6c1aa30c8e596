using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// A remote <c>$ref</c> (issue #15: once typed <c>JsonElement</c> with exit 0) and a traversal <c>$ref</c> are
/// errors in every command that reads a spec: exit 1 (the spec has errors), located at the <c>$ref</c>,
/// nothing written, never a crash.
/// </summary>
public sealed class HostileReferenceCommandTests : IDisposable
{
    private const string RemoteError = "spec.yaml(12,24): error CK1007: Unresolved reference 'http://127.0.0.1:9/thing.yaml#/Thing'";

    private readonly TempFiles _files = new();

    public HostileReferenceCommandTests()
    {
        _files.Write("spec.yaml", Spec("http://127.0.0.1:9/thing.yaml#/Thing"));
        _files.Write("traversal.yaml", Spec("../../../../../../etc/passwd#/Thing"));
        _files.Write("ok.json", "{}");
    }

    public void Dispose() => _files.Dispose();

    private static string Spec(string target) => $$"""
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
                      schema: {$ref: "{{target}}"}
        components:
          schemas:
            Name: {type: string}
        """;

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(_files.Root, args);

    [Fact]
    public async Task Generate_RemoteRef_ExitsOneAtTheRef_AndWritesNothing()
    {
        var result = await Run("generate", "spec.yaml", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(RemoteError, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Hint:", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_files.Root, "out")));
    }

    [Fact]
    public async Task Generate_TraversalRef_ExitsOne_WithoutReadingTheTarget()
    {
        var result = await Run("generate", "traversal.yaml", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("leaves the spec's folder", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_RemoteRef_IsAnErrorFinding()
    {
        var result = await Run("lint", "spec.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(RemoteError, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_RemoteRef_CannotCompare_ExitsOne()
    {
        var result = await Run("diff", "spec.yaml", "spec.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(RemoteError, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RemoteRef_ExitsOne()
    {
        var result = await Run("validate", "spec.yaml", "ok.json", "--schema", "Name");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(RemoteError, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RemoteRef_ExitsOne()
    {
        _files.Write("contractkit.json", """{ "specs": [ { "spec": "spec.yaml", "output": "out", "namespace": "My.Api" } ] }""");

        var result = await Run("check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(RemoteError, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mock_RemoteRef_RefusesToServe()
    {
        var result = await Run("mock", "spec.yaml", "--port", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(RemoteError, result.Stderr, StringComparison.Ordinal);
    }
}
