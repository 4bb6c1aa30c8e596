using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.MSBuild;

/// <summary>
/// The issue's proof, for real: pack the packages to a local feed, build a consumer project that references only
/// ContractKit.MSBuild, run it against a loopback server, and check skip / regenerate / $ref edit / broken spec /
/// clean, then install the tool from the feed. Slow (a minute or more): run alone with
/// <c>dotnet test --filter Category=Packaging</c>; skip with <c>--filter Category!=Packaging</c>.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class MSBuildPackageTests(ITestOutputHelper output)
{
    /// <summary>
    /// A version of its own per run: dotnet caches where a local tool's version lives (~/.dotnet/toolResolverCache), so
    /// a second run with the same version and a new NuGet folder would find the first run's deleted one.
    /// </summary>
    private static readonly string Version = $"0.0.0-it.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
    private const string SkipLine = "Skipping target \"_ContractKitRun\" because all output files are up-to-date";

    [Fact]
    public async Task ConsumerOfThePackage_GeneratesSkipsRegeneratesOnSpecAndRefEdits_ReportsSpecLine_KeepsOutput_Cleans_AndToolSaysContractkit()
    {
        using var temp = new TempFiles();
        var feed = Path.Combine(temp.Root, "feed");
        var dotnet = new DotnetProcess(Path.Combine(temp.Root, "nuget-packages"));
        var clock = Stopwatch.StartNew();

        // The packages, from this build of the repository (the test project builds the MSBuild project too).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        foreach (var project in new[] { "ContractKit.Runtime", "ContractKit.Cli", "ContractKit.MSBuild" })
        {
            var path = Path.Combine(Corpus.RepoRoot, "src", project, project + ".csproj");
            Succeeds(await dotnet.RunAsync(temp.Root, "pack", path, "-c", configuration, "--no-build", "-o", feed, "-p:Version=" + Version));
        }

        Lap(clock, "pack");

        var consumer = new ConsumerProject(Path.Combine(temp.Root, "consumer"), feed, Version);
        Succeeds(await Build(dotnet, consumer));
        Assert.Contains("public required string Name", File.ReadAllText(consumer.PetModel), StringComparison.Ordinal);
        Lap(clock, "first build (restore, generate, compile)");

        // It runs, calling the generated client against a real server.
        await using (var server = await LoopbackServer.StartAsync())
        {
            server.Respond = _ => (200, "application/json", """{"id":"7","name":"Rex"}""");
            var run = await dotnet.RunAsync(consumer.Root, Path.Combine("bin", "Debug", "net10.0", "Consumer.dll"), server.Address.ToString());
            Succeeds(run);
            Assert.Contains("pet 7 is Rex", run.Output, StringComparison.Ordinal);
            Assert.True(server.Requests.TryDequeue(out var request));
            Assert.Equal("/pets/7", request.RawTarget);
        }

        // Nothing changed: MSBuild skips the generation target, nothing is rewritten.
        var model = File.GetLastWriteTimeUtc(consumer.PetModel);
        var stamp = File.GetLastWriteTimeUtc(consumer.Stamp);
        var again = Succeeds(await Build(dotnet, consumer));
        Assert.Contains(SkipLine, again.Output, StringComparison.Ordinal);
        Assert.Equal(model, File.GetLastWriteTimeUtc(consumer.PetModel));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(consumer.Stamp));
        Lap(clock, "no-change build");

        // The spec changed: regenerated.
        consumer.Write("spec/pets.yaml", ConsumerProject.SpecWithAge);
        var changed = Succeeds(await Build(dotnet, consumer));
        Assert.DoesNotContain(SkipLine, changed.Output, StringComparison.Ordinal);
        Assert.Contains("Age", File.ReadAllText(consumer.PetModel), StringComparison.Ordinal);

        // A file the spec $refs changed: regenerated too (the stamp moves; the generator ran).
        stamp = File.GetLastWriteTimeUtc(consumer.Stamp);
        consumer.Write("spec/common/owner.yaml", ConsumerProject.Owner + "\n    email:\n      type: string\n");
        var refEdited = Succeeds(await Build(dotnet, consumer));
        Assert.DoesNotContain(SkipLine, refEdited.Output, StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(consumer.Stamp) > stamp, "the stamp was not renewed after a $ref'd file changed");
        Lap(clock, "spec and $ref edits");

        // A broken spec: the build fails with the error at the spec's line, as the user wrote the path; the previous
        // output is intact.
        var before = File.ReadAllText(consumer.PetModel);
        consumer.Write("spec/pets.yaml", ConsumerProject.SpecWithAge.Replace("      operationId: getPet\n", "      operationId: [getPet\n", StringComparison.Ordinal));
        var broken = await Build(dotnet, consumer);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(new Regex(@"(^|\s)spec/pets\.yaml\(\d+,\d+\): error CK1\d{3}: ", RegexOptions.Multiline), broken.Output);
        Assert.Equal(before, File.ReadAllText(consumer.PetModel));

        // Fixed again and cleaned: what was generated into obj/ is gone.
        consumer.Write("spec/pets.yaml", ConsumerProject.SpecWithAge);
        Succeeds(await Build(dotnet, consumer));
        Succeeds(await dotnet.RunAsync(consumer.Root, "clean", "--disable-build-servers"));
        Assert.False(Directory.Exists(consumer.GeneratedRoot), "dotnet clean left obj/…/ContractKit");
        Lap(clock, "broken spec, clean");

        // A multi-targeted library (net10.0 and net10.0-windows, the inner builds run in parallel with -m) whose spec
        // has one OutputPath: both inner builds generate into the same folder, serialized by the output lock. The
        // build succeeds and the folder is exactly the generated output, after a first build and after a spec edit.
        var multi = MultiTargetProject(temp.Root, Version);
        foreach (var spec in new[] { ConsumerProject.Spec, ConsumerProject.SpecWithAge })
        {
            File.WriteAllText(Path.Combine(multi, "spec", "pets.yaml"), spec);
            var parallel = Succeeds(await dotnet.RunAsync(multi, "build", "-m", "-v:n", "--disable-build-servers"));
            Assert.DoesNotContain(SkipLine, parallel.Output, StringComparison.Ordinal);
            await AssertExactlyGeneratedAsync(multi);
        }

        Lap(clock, "multi-targeted parallel builds into one folder");

        // ContractKitCheck on this repository's own checked-in generated/ (a copy, so that it can be made stale): up to
        // date passes; a hand edit fails the build naming the stale file, and nothing is written.
        var checker = CheckerProject(temp.Root, Version);
        Succeeds(await dotnet.RunAsync(checker, "build", "-p:ContractKitCheck=true", "--disable-build-servers"));
        var client = Path.Combine(checker, "Threads", "ThreadsClient.g.cs");
        File.AppendAllText(client, "// edited by hand\n");
        var stale = await dotnet.RunAsync(checker, "build", "-p:ContractKitCheck=true", "--disable-build-servers");
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("stale", stale.Output, StringComparison.Ordinal);
        Assert.Contains("ThreadsClient.g.cs", stale.Output, StringComparison.Ordinal);
        Assert.EndsWith("// edited by hand\n", File.ReadAllText(client), StringComparison.Ordinal);
        Lap(clock, "ContractKitCheck of generated/");

        // The tool, from the same feed, through a local tool manifest.
        Succeeds(await dotnet.RunAsync(consumer.Root, "new", "tool-manifest"));
        Succeeds(await dotnet.RunAsync(consumer.Root, "tool", "install", "ContractKit.Cli", "--version", Version, "--add-source", feed));
        var help = Succeeds(await dotnet.RunAsync(consumer.Root, "contractkit", "--help"));
        Assert.Contains("contractkit [command] [options]", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ContractKit.Cli", help.Output, StringComparison.Ordinal);
        Lap(clock, "tool install and --help");
    }

    /// <summary>
    /// A library compiling a copy of this repository's generated/ (every spec of contractkit.json, with its options as
    /// item metadata), checked against spec/ with ContractKitCheck: the dogfooding of the MSBuild path.
    /// </summary>
    private static string CheckerProject(string root, string version)
    {
        var folder = Path.Combine(root, "checker");
        var (config, error) = ContractKitConfig.Load(Path.Combine(Corpus.RepoRoot, ContractKitConfig.FileName));
        Assert.True(config is not null, error?.ToString());
        var items = new StringBuilder();
        foreach (var target in config.Specs)
        {
            var name = Path.GetFileName(target.OutputPath);
            foreach (var file in Directory.GetFiles(target.OutputPath, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(folder, name, Path.GetRelativePath(target.OutputPath, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            var clients = target.Clients == ClientGrouping.Tag ? "tag" : "single";
            items.AppendLine(CultureInfo.InvariantCulture,
                $"""    <ContractKitSpec Include="{target.SpecPath}" OutputPath="{name}" Namespace="{target.Namespace}" ClientName="{target.ClientName}" Clients="{clients}" Strict="{target.Strict}" />""");
        }

        File.Copy(Path.Combine(root, "consumer", "nuget.config"), Path.Combine(folder, "nuget.config"));
        File.WriteAllText(Path.Combine(folder, "Checker.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NoWarn>CS0618</NoWarn>
                <!-- CS2002 (a source file given twice) would be an error: the output folders are in the default globs. -->
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContractKit.MSBuild" Version="{version}" />
            {items}  </ItemGroup>
            </Project>
            """);
        return folder;
    }

    /// <summary>A library targeting two frameworks, generating <c>spec/pets.yaml</c> into its own <c>Generated/</c> folder.</summary>
    private static string MultiTargetProject(string root, string version)
    {
        var folder = Path.Combine(root, "multi");
        Directory.CreateDirectory(Path.Combine(folder, "spec", "common"));
        File.WriteAllText(Path.Combine(folder, "spec", "common", "owner.yaml"), ConsumerProject.Owner);
        File.Copy(Path.Combine(root, "consumer", "nuget.config"), Path.Combine(folder, "nuget.config"));
        File.WriteAllText(Path.Combine(folder, "Multi.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net10.0-windows</TargetFrameworks>
                <EnableWindowsTargeting>true</EnableWindowsTargeting>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContractKit.MSBuild" Version="{version}" />
                <ContractKitSpec Include="spec/pets.yaml" OutputPath="Generated" Namespace="Acme.Multi" ClientName="PetsClient" />
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    /// <summary>The project's Generated/ holds exactly what the generator makes of its spec now, and nothing was left beside it.</summary>
    private static async Task AssertExactlyGeneratedAsync(string project)
    {
        var output = Path.Combine(project, "Generated");
        var target = new SpecTarget(Path.Combine(project, "spec", "pets.yaml"), output, "Acme.Multi", "PetsClient");
        var (files, _, exitCode) = await GenerationPipeline.EmitAsync(target);
        Assert.Equal(0, exitCode);
        var (stale, _, _) = await GenerationPipeline.CheckAsync(target);
        Assert.Empty(stale);
        Assert.Equal(
            files.Select(f => f.RelativePath.Replace('/', Path.DirectorySeparatorChar)).Append(OutputWriter.ManifestName).Order(StringComparer.Ordinal),
            Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal));
        Assert.Equal(["Generated"], Directory.GetDirectories(project, "*Generated*").Select(Path.GetFileName));
    }

    private static Task<DotnetResult> Build(DotnetProcess dotnet, ConsumerProject consumer) =>
        dotnet.RunAsync(consumer.Root, "build", "-v:n", "--disable-build-servers");

    private static DotnetResult Succeeds(DotnetResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private void Lap(Stopwatch clock, string what)
    {
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
    }
}
