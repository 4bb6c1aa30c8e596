using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using ContractKit.Reading;

namespace ContractKit.Benchmarks;

/// <summary>
/// <c>--bench compile [spec] [--kiota path] [--runs N]</c>: what users pay for generated code at every build. Each
/// spec is generated once with ContractKit and, when Kiota is installed, once with Kiota; each output goes into a fresh
/// net10.0 class library (Nullable on; ContractKit.Runtime or the Kiota packages), restored once, then clean-rebuilt
/// N times, the two interleaved round by round. The compiler runs in the build's own process tree
/// (<c>UseSharedCompilation=false</c>, no node reuse), so that GNU time's peak RSS is the compiler's.
/// </summary>
internal sealed class CompileBench(IReadOnlyList<string> specs, Tool cli, string? kiota, int runs, string workRoot)
{
    private const string KiotaVersion = "2.1.6";

    private static readonly string[] KiotaPackages =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Text", "Microsoft.Kiota.Serialization.Multipart",
    ];

    private static readonly Tool Dotnet = new("dotnet build", "dotnet", []);

    public async Task<int> RunAsync()
    {
        var load = LoadAverage();
        var root = Directory.CreateDirectory(Path.Combine(workRoot, "ck-compile-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var report = new StringBuilder();
        report.AppendLine("| spec | generator | C# lines (files) | median clean rebuild | median CPU (user+sys) | peak RSS (max) |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        var ratios = new StringBuilder();
        try
        {
            foreach (var (spec, index) in specs.Select((s, i) => (s, i)))
            {
                var folder = Path.Combine(root, index.ToString(CultureInfo.InvariantCulture));
                var projects = new List<(string Label, string Project, List<ProcessTiming> Timings)>
                {
                    ("ContractKit", await PrepareContractKitAsync(spec, Path.Combine(folder, "contractkit")), []),
                };
                if (kiota is not null)
                {
                    projects.Add(("Kiota 1.38", await PrepareKiotaAsync(spec, Path.Combine(folder, "kiota")), []));
                }

                for (var round = 0; round < runs; round++)
                {
                    foreach (var (_, project, timings) in projects)
                    {
                        timings.Add(await CliRunner.RunAsync(Dotnet, ["build", project, "--no-restore", "--no-incremental", "-p:UseSharedCompilation=false", "-nodeReuse:false", "-v:q", "-clp:ErrorsOnly"]));
                    }
                }

                foreach (var (label, project, timings) in projects)
                {
                    report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {Path.GetFileName(spec)} | {label} | {Lines(Path.GetDirectoryName(project)!)} | {Median(timings, t => t.Seconds):F1} s | {Median(timings, t => t.CpuSeconds):F1} s | {timings.Max(t => t.PeakKb) / 1024} MB |"));
                }

                if (projects.Count == 2)
                {
                    var (ours, theirs) = (projects[0].Timings, projects[1].Timings);
                    ratios.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(spec)}: ContractKit / Kiota {Median(ours, t => t.Seconds) / Median(theirs, t => t.Seconds):F2}× wall, {Median(ours, t => t.CpuSeconds) / Median(theirs, t => t.CpuSeconds):F2}× CPU, {(double)ours.Max(t => t.PeakKb) / theirs.Max(t => t.PeakKb):F2}× peak RSS (target ≤ 1× time, ≤ 1 GB)"));
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        Console.WriteLine($"{runs} clean rebuilds each, interleaved; {Environment.ProcessorCount} cores; load average at the start: {load}");
        Console.Write(report.ToString());
        Console.Write(ratios.ToString());
        if (kiota is null)
        {
            Console.WriteLine("Kiota: skipped (install it with `dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path <dir>` and pass --kiota <dir>/kiota)");
        }

        return 0;
    }

    private async Task<string> PrepareContractKitAsync(string spec, string folder)
    {
        await CliRunner.RunAsync(cli, ["generate", spec, "--output", Path.Combine(folder, "Generated"), "--namespace", "Bench.Compile", "--client-name", "BenchClient"], 0);
        var runtime = Path.Combine(AppContext.BaseDirectory, "ContractKit.Runtime.dll");
        var logging = typeof(Microsoft.Extensions.Logging.ILogger).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        return await WriteProjectAsync(folder, $"""
                <Reference Include="ContractKit.Runtime" HintPath="{runtime}" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="{logging}" />
            """);
    }

    private async Task<string> PrepareKiotaAsync(string spec, string folder)
    {
        // Kiota's YAML reader refuses what YAML allows (a repeated anchor name, as in OpenAI's specs): it gets the same
        // document as JSON.
        var parsed = SpecParser.Parse(spec, File.ReadAllText(spec));
        var json = Path.Combine(Directory.CreateDirectory(folder).FullName, "spec.json");
        await File.WriteAllTextAsync(json, parsed.Root?.ToJsonString() ?? throw new InvalidOperationException(string.Join("\n", parsed.Problems)));
        await CliRunner.RunAsync(new Tool("kiota", kiota!, []), ["generate", "-l", "CSharp", "-d", json, "-o", Path.Combine(folder, "Generated"), "-n", "Bench.Compile", "-c", "BenchClient", "--ll", "Error"], 0);
        File.Delete(json);
        return await WriteProjectAsync(folder, string.Concat(KiotaPackages.Select(p => $"""
                <PackageReference Include="{p}" Version="{KiotaVersion}" />

            """)));
    }

    /// <summary>
    /// A class library as <c>dotnet new classlib</c> makes it (Nullable on; implicit usings off, which neither
    /// generator needs), with <paramref name="references"/>; restored.
    /// </summary>
    private static async Task<string> WriteProjectAsync(string folder, string references)
    {
        var project = Path.Combine(folder, "Bench.csproj");
        await File.WriteAllTextAsync(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        await CliRunner.RunAsync(Dotnet, ["restore", project, "-v:q"]);
        return project;
    }

    private static string Lines(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "Generated"), "*.cs", SearchOption.AllDirectories);
        var lines = files.Sum(f => File.ReadLines(f).LongCount());
        return string.Create(CultureInfo.InvariantCulture, $"{lines:N0} ({files.Length:N0})");
    }

    private static double Median(List<ProcessTiming> timings, Func<ProcessTiming, double> value) => CliRunner.Median(timings.Select(value));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
