using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>
/// What the ContractKit.MSBuild targets rely on: <c>generate --deps-file</c> lists every file the run read, and
/// <c>check</c> takes one spec with its options, like <c>generate</c>; <c>--help</c> names the command contractkit.
/// </summary>
public sealed class BuildSupportCommandTests
{
    private const string SpecWithFileReference = """
        openapi: 3.0.3
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - { name: petId, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: { type: string }
                owner: { $ref: 'common/owner.yaml#/Owner' }
        """;

    private const string Owner = "Owner:\n  type: object\n  properties:\n    name: { type: string }\n";

    private static TempFiles WriteSpec()
    {
        var temp = new TempFiles();
        Directory.CreateDirectory(Path.Combine(temp.Root, "common"));
        temp.Write("pets.yaml", SpecWithFileReference);
        temp.Write(Path.Combine("common", "owner.yaml"), Owner);
        return temp;
    }

    [Fact]
    public async Task GenerateWithDepsFile_ListsTheSpecThenEveryReferencedLocalFile_AsFullPaths()
    {
        using var temp = WriteSpec();

        var result = await CliRunner.RunAsync(temp.Root, "generate", "pets.yaml", "-o", "out", "--deps-file", Path.Combine("obj", "pets.deps"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = File.ReadAllLines(Path.Combine(temp.Root, "obj", "pets.deps"));
        Assert.Equal([Path.Combine(temp.Root, "pets.yaml"), Path.Combine(temp.Root, "common", "owner.yaml")], lines);
    }

    [Fact]
    public async Task GenerateWithDepsFile_WhenTheSpecIsBroken_RemovesTheDepsFileOfTheLastRun_AndExitsOne()
    {
        using var temp = WriteSpec();
        var deps = Path.Combine(temp.Root, "pets.deps");
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Root, "generate", "pets.yaml", "-o", "out", "--deps-file", deps)).ExitCode);
        temp.Write("pets.yaml", SpecWithFileReference.Replace("operationId: getPet", "operationId: [getPet", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(temp.Root, "generate", "pets.yaml", "-o", "out", "--deps-file", deps);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"(?m)^pets\.yaml\(\d+,\d+\): error CK1003: ", result.Stderr);
        Assert.False(File.Exists(deps));
    }

    [Fact]
    public async Task CheckOfOneSpec_UpToDateExitsZero_AfterAHandEditExitsOneNamingTheFile_AndWritesNothing()
    {
        using var temp = WriteSpec();
        var generate = await CliRunner.RunAsync(temp.Root, "generate", "pets.yaml", "-o", "out", "--namespace", "Acme.Pets");
        Assert.Equal(0, generate.ExitCode);

        var fresh = await CliRunner.RunAsync(temp.Root, "check", "pets.yaml", "-o", "out", "--namespace", "Acme.Pets");
        var model = Path.Combine(temp.Root, "out", "Models", "Pet.g.cs");
        File.AppendAllText(model, "// edited by hand\n");
        var stale = await CliRunner.RunAsync(temp.Root, "check", "pets.yaml", "-o", "out", "--namespace", "Acme.Pets");
        var otherNamespace = await CliRunner.RunAsync(temp.Root, "check", "pets.yaml", "-o", "out", "--namespace", "Other");

        Assert.True(fresh.ExitCode == 0, fresh.Stdout + fresh.Stderr);
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("stale", stale.Stdout, StringComparison.Ordinal);
        Assert.Contains("Pet.g.cs", stale.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("// edited by hand\n", File.ReadAllText(model), StringComparison.Ordinal);
        Assert.Equal(1, otherNamespace.ExitCode);
    }

    [Fact]
    public async Task Help_NamesTheCommandContractkit_NotTheAssembly()
    {
        using var temp = new TempFiles();

        var result = await CliRunner.RunAsync(temp.Root, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("contractkit [command] [options]", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ContractKit.Cli", result.Stdout, StringComparison.Ordinal);
    }
}
