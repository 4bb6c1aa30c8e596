using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ContractKit.ModelBuilding;
using ContractKit.Pipeline;
using ContractKit.Reading;

namespace ContractKit.Benchmarks;

/// <summary>
/// <c>--bench generate|diff|lint</c>: the CLI and its baselines as fresh processes, interleaved round by round so
/// that machine noise hits all alike; medians of wall and CPU time, the largest peak RSS, and the ratios the issues
/// set as targets. With <c>--against</c>, <c>diff</c> and <c>lint</c> also run a second <c>contractkit</c> (e.g. main's
/// build) with the same arguments, interleaved, and report this one's time as a ratio of it.
/// </summary>
internal sealed partial class EndToEnd(string spec, Tool cli, int runs, string? toolsDirectory, string workRoot, Tool? against = null)
{
    /// <summary><c>cp</c>, for the file system floor (not on Windows).</summary>
    private static readonly Tool? Copy = OperatingSystem.IsWindows() ? null : new Tool("cp", "cp", []);

    private readonly List<string> _notes = [];

    public async Task<int> GenerateAsync()
    {
        using var work = new WorkFolder(workRoot);
        var parsed = SpecParser.Parse(spec, File.ReadAllText(spec));
        if (parsed.Root is null)
        {
            Console.Error.WriteLine(string.Join("\n", parsed.Problems));
            return 1;
        }

        var json = work.File("spec.json");
        File.WriteAllText(json, parsed.Root.ToJsonString());
        var self = Tool.Dotnet("Microsoft.OpenApi", typeof(Program).Assembly.Location);

        // The CLI runs two server-GC heaps with fixed budgets (its runtimeconfig); the baseline as any app runs it, and
        // once more with the CLI's settings, so that the ratio is not the GC's.
        var selfWithCliGc = self with
        {
            Environment = new Dictionary<string, string>
            {
                ["DOTNET_gcServer"] = "1",
                ["DOTNET_GCHeapCount"] = "2",
                ["DOTNET_GCDynamicAdaptationMode"] = "0",
                ["DOTNET_GCNoAffinitize"] = "1",
            },
        };
        var typescript = Npm("openapi-typescript", "openapi-typescript");
        string[] Generate(int i) => ["generate", spec, "--output", work.File("out" + i.ToString(CultureInfo.InvariantCulture)), "--namespace", "Bench.OpenAI", "--client-name", "OpenAIClient"];

        // Each run writes a new folder; all are deleted at the end, because deleting thousands of files right
        // before a run slows the disk for that run. Creating 3,500 files is itself at the mercy of the file system's
        // state (ext4 without a journal skips the inodes freed in the last 30 s one by one, so a folder where builds
        // churn files can take a second longer than a quiet one), so the same files are copied with `cp -r` right after
        // each run: that row is what the folder makes any program pay for them.
        var series = await MeasureAsync(
            ("Microsoft.OpenApi 3.11 alone: load the document (JSON)", self, _ => ["--load-only", json], [0]),
            ("the same, with the CLI's GC settings (two server-GC heaps, fixed budgets)", selfWithCliGc, _ => ["--load-only", json], [0]),
            ("`openapi-typescript` 7: TypeScript types only", typescript, i => [spec, "-o", work.File($"types{i}.ts")], [0]),
            ("`contractkit generate` end to end, fresh output folder", cli, Generate, [0]),
            ("file system floor: `cp -r` of that output into a new folder beside it", Copy, i => ["-r", work.File("out" + i.ToString(CultureInfo.InvariantCulture)), work.File("copy" + i.ToString(CultureInfo.InvariantCulture))], [0]));
        var unchanged = await CliRunner.RunAsync(cli, Generate(0));

        // In-process stage split, warm, for where the time goes.
        var target = new SpecTarget(spec, work.File("warm"), "Bench.OpenAI", "OpenAIClient");
        await GenerationPipeline.EmitAsync(target);
        var read = Stopwatch.StartNew();
        var readResult = SpecReader.Read(spec);
        read.Stop();
        var model = Stopwatch.StartNew();
        var built = ContractKit.ModelBuilding.ModelBuilder.Build(readResult);
        model.Stop();
        var emit = Stopwatch.StartNew();
        var generated = ContractKit.CodeGen.CSharpEmitter.Generate(built.Model, new ContractKit.CodeGen.CSharpOptions { Namespace = "Bench.OpenAI", ClientName = "OpenAIClient", SourceName = "openapi.yaml" });
        emit.Stop();

        var report = Table(series);
        report.AppendLine(Row("`contractkit generate`, output already up to date (one run)", unchanged));
        Ratio(report, series, 3, 0, "generate / Microsoft.OpenApi load", "≤ 2×");
        Ratio(report, series, 3, 1, "generate / Microsoft.OpenApi load with the CLI's GC settings", "≤ 2×");
        Ratio(report, series, 3, 2, "generate / openapi-typescript", "< 1×");
        var peak = series[3].Timings.Max(x => x.PeakKb) / 1024;
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS of generate: {peak} MB (target ≤ 500 MB: {(peak <= 500 ? "met" : "NOT met")})"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"warm in-process stages: read {read.Elapsed.TotalSeconds:F2} s, model {model.Elapsed.TotalSeconds:F2} s, emit {emit.Elapsed.TotalSeconds:F2} s; {built.Model.Types.Count} types, {built.Model.Operations.Count} operations, {generated.Files.Count} files"));
        return Print(report);
    }

    public async Task<int> DiffAsync()
    {
        using var work = new WorkFolder(workRoot);

        // Two whole specs: the head is a copy under another name, so nothing can short-cut on the path.
        var head = work.File("head" + Path.GetExtension(spec));
        File.Copy(spec, head);
        string[] Diff(int round) => ["diff", spec, head, "--format", "json"];
        var series = await MeasureAsync(
            ("`contractkit diff base head` (two whole specs)", cli, Diff, [0, 1]),
            ("the same with --against", against, Diff, [0, 1]));
        var report = Table(series);
        Against(report, series, 0, 1, "diff");
        var median = CliRunner.Median(series[0].Timings.Select(x => x.Seconds));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"diff: {median:F2} s (target ≤ 2 s: {(median <= 2 ? "met" : "NOT met")})"));
        return Print(report);
    }

    public async Task<int> LintAsync()
    {
        var redocly = Npm("`redocly lint` (@redocly/cli)", "redocly");
        var series = await MeasureAsync(
            ("`redocly lint` (@redocly/cli, recommended rules)", redocly, _ => ["lint", spec], [0, 1]),
            ("`contractkit lint` (examples and defaults validated)", cli, _ => ["lint", spec, "--format", "json"], [0, 1]),
            ("the same with --against", against, _ => ["lint", spec, "--format", "json"], [0, 1]));
        var report = Table(series);
        Ratio(report, series, 1, 0, "contractkit lint / redocly lint", "≤ 0.5×");
        Against(report, series, 1, 2, "lint");
        return Print(report);
    }

    private Tool? Npm(string name, string command)
    {
        var tool = Tool.Npm(name, command, toolsDirectory);
        if (tool is null)
        {
            _notes.Add($"{name}: skipped, `{command}` is not installed (npm install it into a folder and pass --tools <folder>, or put it on PATH)");
        }

        return tool;
    }

    private async Task<List<Series>> MeasureAsync(params (string Label, Tool? Tool, Func<int, string[]> Args, int[] Ok)[] commands)
    {
        var series = commands.Select(c => new Series(c.Label, c.Tool is not null)).ToList();
        for (var round = 0; round < runs; round++)
        {
            for (var i = 0; i < commands.Length; i++)
            {
                if (commands[i].Tool is { } tool)
                {
                    series[i].Timings.Add(await CliRunner.RunAsync(tool, commands[i].Args(round), commands[i].Ok));
                }
            }
        }

        return series;
    }

    private StringBuilder Table(List<Series> series)
    {
        var report = new StringBuilder();
        report.AppendLine("| measurement | median wall | median CPU (user+sys) | peak RSS (max) |");
        report.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var s in series)
        {
            report.AppendLine(s.Measured ? Row(s.Label, s.Timings.ToArray()) : $"| {s.Label} | skipped | | |");
        }

        return report;
    }

    private static string Row(string label, params ProcessTiming[] timings) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {CliRunner.Median(timings.Select(x => x.Seconds)):F2} s | {Cpu(CliRunner.Median(timings.Select(x => x.CpuSeconds)))} | {timings.Max(x => x.PeakKb) / 1024} MB |");

    /// <summary>CPU time is known only through GNU time (/usr/bin/time).</summary>
    private static string Cpu(double seconds) =>
        double.IsNaN(seconds) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s");

    private static void Ratio(StringBuilder report, List<Series> series, int ours, int baseline, string label, string target)
    {
        if (!series[baseline].Measured)
        {
            report.AppendLine($"{label}: skipped (baseline not installed); target {target}");
            return;
        }

        var wall = CliRunner.Median(series[ours].Timings.Select(x => x.Seconds)) / CliRunner.Median(series[baseline].Timings.Select(x => x.Seconds));
        var cpu = CliRunner.Median(series[ours].Timings.Select(x => x.CpuSeconds)) / CliRunner.Median(series[baseline].Timings.Select(x => x.CpuSeconds));
        var cpuRatio = double.IsNaN(cpu) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {cpu:F2}× CPU");
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {wall:F2}× wall{cpuRatio} (target {target})"));
    }

    /// <summary>This build against <c>--against</c>'s, when given (its row is "skipped" otherwise and no ratio is printed).</summary>
    private static void Against(StringBuilder report, List<Series> series, int ours, int other, string command)
    {
        if (series[other].Measured)
        {
            Ratio(report, series, ours, other, $"contractkit {command} / --against's", "≤ 1× (not slower)");
        }
    }

    private int Print(StringBuilder report)
    {
        foreach (var note in _notes)
        {
            report.AppendLine(note);
        }

        Console.Write(report.ToString());
        return 0;
    }

    private sealed record Series(string Label, bool Measured)
    {
        public List<ProcessTiming> Timings { get; } = [];
    }

    private sealed class WorkFolder(string root) : IDisposable
    {
        private readonly string _path = Directory.CreateDirectory(Path.Combine(root, "ck-bench-" + Guid.NewGuid().ToString("N")[..8])).FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
