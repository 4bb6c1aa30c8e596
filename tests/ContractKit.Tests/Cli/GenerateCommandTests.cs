using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

/// <summary>Bad input gets one clear line with a location and a defined exit code, never a stack trace, and never loses output.</summary>
public sealed class GenerateCommandTests
{
    private const string ValidSpec = RuleSpecs.Valid;

    private static void AssertNoStackTrace(CliRunner.Result result)
    {
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidSpec_GeneratesAndExitsZero()
    {
        using var spec = new TempSpec(ValidSpec);

        var result = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out", "--namespace", "My.Api");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(spec.Directory, "out", "Models", "Item.g.cs")));
        Assert.Contains("namespace My.Api;", File.ReadAllText(Path.Combine(spec.Directory, "out", "SpecClient.g.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerating_SaysHowManyFilesItWrote_UpdatedOrUpToDate()
    {
        using var spec = new TempSpec(ValidSpec);
        var first = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out");
        var files = Directory.GetFiles(Path.Combine(spec.Directory, "out"), "*.g.cs", SearchOption.AllDirectories).Length;

        File.WriteAllText(spec.Path, ValidSpec.Replace("operationId: listItems", "operationId: listItems\n      summary: Lists the items.", StringComparison.Ordinal));
        var second = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out");
        var third = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out");

        Assert.Equal($"spec.yaml: wrote {files} files to out (0 errors, 0 warnings)", first.Stdout.Trim());
        Assert.Equal($"spec.yaml: updated out: 1 of {files} files written, 0 removed, the others unchanged (0 errors, 0 warnings)", second.Stdout.Trim());
        Assert.Equal($"spec.yaml: out is up to date ({files} files) (0 errors, 0 warnings)", third.Stdout.Trim());
    }

    [Fact]
    public async Task MissingFile_ExitsTwo_WithOneLine()
    {
        using var spec = new TempSpec(ValidSpec);

        var result = await CliRunner.RunAsync(spec.Directory, "generate", "nope.yaml", "--output", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"nope\.yaml.*: error CK1001: ", result.Stderr);
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: [unclosed\n", "CK1003")]
    [InlineData("{ \"openapi\": \"3.0.3\", \"info\": { \"title\": \"t\" \"version\": \"1\" } }", "CK1003")]
    [InlineData("openapi: 4.0.0\ninfo: { title: t, version: '1' }\npaths: {}\n", "CK1004")]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/Missing' }\n", "CK1007")]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Bad Name: { type: string }\n", "CK1005")]
    public async Task BadSpec_ExitsOne_WithFileLineAndColumn(string content, string id)
    {
        using var spec = new TempSpec(content);

        var result = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(new Regex(@"^spec\.yaml\(\d+,\d+\): error " + id + ": .+", RegexOptions.Multiline), result.Stderr);
        AssertNoStackTrace(result);
        Assert.False(Directory.Exists(Path.Combine(spec.Directory, "out")));
    }

    [Fact]
    public async Task FailedGeneration_LeavesThePreviousOutputIntact()
    {
        using var spec = new TempSpec(ValidSpec);
        Assert.Equal(0, (await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "-o", "out")).ExitCode);
        var before = Directory.GetFiles(Path.Combine(spec.Directory, "out"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.ReadAllText);

        File.WriteAllText(spec.Path, ValidSpec.Replace("Item: { type: object", "Item: { $ref: '#/nowhere' }, X: { type: object", StringComparison.Ordinal));
        var result = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        var after = Directory.GetFiles(Path.Combine(spec.Directory, "out"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.ReadAllText);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task FailedGeneration_IntoANewFolder_LeavesNoFolderAndNoStaging()
    {
        using var spec = new TempSpec(ValidSpec.Replace("Item: { type: object", "Item: { $ref: '#/nowhere' }, X: { type: object", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["spec.yaml"], Directory.GetFileSystemEntries(spec.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task OutputThatCannotBeWritten_ExitsTwo_WithOneLine()
    {
        using var spec = new TempSpec(ValidSpec);
        File.WriteAllText(Path.Combine(spec.Directory, "blocker"), "a file where a folder should go");

        var result = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "-o", "blocker/out");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("error CK3003: cannot write the output folder", result.Stderr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task UsageErrors_ExitTwo()
    {
        using var spec = new TempSpec(ValidSpec);

        var unknownOption = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--bogus");
        var missingOutput = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml");
        var noConfig = await CliRunner.RunAsync(spec.Directory, "generate");

        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Equal(2, missingOutput.ExitCode);
        Assert.Contains("--output is required", missingOutput.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noConfig.ExitCode);
        Assert.Contains("contractkit.json", noConfig.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientsOption_TagGroupsOperations_AnythingElseIsAUsageError()
    {
        using var spec = new TempSpec(ValidSpec.Replace("operationId: listItems", "operationId: listItems\n      tags: [Items]", StringComparison.Ordinal));

        var tag = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out", "--clients", "tag");
        var bogus = await CliRunner.RunAsync(spec.Directory, "generate", "spec.yaml", "--output", "out2", "--clients", "perTag");

        Assert.Equal(0, tag.ExitCode);
        Assert.Contains("public ItemsClient Items { get; }", File.ReadAllText(Path.Combine(spec.Directory, "out", "SpecClient.g.cs")), StringComparison.Ordinal);
        Assert.Contains("ListItemsAsync(", File.ReadAllText(Path.Combine(spec.Directory, "out", "ItemsClient.g.cs")), StringComparison.Ordinal);
        Assert.Equal(2, bogus.ExitCode);
        Assert.Contains("perTag", bogus.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(bogus);
    }

    [Fact]
    public async Task NoArguments_GeneratesEverySpecInTheConfig()
    {
        using var spec = new TempSpec(ValidSpec);
        File.WriteAllText(Path.Combine(spec.Directory, "contractkit.json"), """
            { "specs": [ { "spec": "spec.yaml", "output": "gen/Items", "namespace": "Items.Api", "clientName": "ItemsClient" } ] }
            """);

        var first = await CliRunner.RunAsync(spec.Directory, "generate");
        var second = await CliRunner.RunAsync(spec.Directory, "generate");

        Assert.Equal(0, first.ExitCode);
        Assert.True(File.Exists(Path.Combine(spec.Directory, "gen", "Items", "ItemsClient.g.cs")));
        Assert.Contains("wrote", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("up to date", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenConfig_ExitsTwo_WithItsLocation()
    {
        using var spec = new TempSpec(ValidSpec);
        File.WriteAllText(Path.Combine(spec.Directory, "contractkit.json"), "{ \"specs\": [ { \"spec\": 1 } ] }");

        var result = await CliRunner.RunAsync(spec.Directory, "generate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("contractkit.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error CK9002", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ExitsOne_WhenGeneratedCodeIsStale_AndZeroAfterGenerate()
    {
        using var spec = new TempSpec(ValidSpec);
        File.WriteAllText(Path.Combine(spec.Directory, "contractkit.json"), """
            { "specs": [ { "spec": "spec.yaml", "output": "gen", "namespace": "Items.Api" } ] }
            """);

        var missing = await CliRunner.RunAsync(spec.Directory, "check");
        await CliRunner.RunAsync(spec.Directory, "generate");
        var fresh = await CliRunner.RunAsync(spec.Directory, "check");
        File.AppendAllText(Path.Combine(spec.Directory, "gen", "Models", "Item.g.cs"), "// hand edit\n");
        var edited = await CliRunner.RunAsync(spec.Directory, "check");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains("Models/Item.g.cs", edited.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("// hand edit\n", File.ReadAllText(Path.Combine(spec.Directory, "gen", "Models", "Item.g.cs")), StringComparison.Ordinal);
    }
}
