using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ContractKit.Pipeline;
using ContractKit.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Benchmarks;

/// <summary>
/// BenchmarkDotNet benchmarks (<c>--filter *</c>), and <c>--bench generate [spec] [--runs N]</c>: end-to-end <c>contractkit generate</c> against Microsoft.OpenApi alone
/// loading the same document, both as fresh processes, measured in the same run and reported as medians and ratios.
/// A harness rather than a timed test: these machines are shared and noisy, so it reports, it does not assert.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--load-only", var jsonPath])
        {
            // The baseline process: Microsoft.OpenApi reading the document (as JSON, its native format), nothing else.
            using var stream = new MemoryStream(File.ReadAllBytes(jsonPath));
            var result = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings());
            Console.WriteLine(result.Document?.Components?.Schemas?.Count ?? -1);
            return result.Document is null ? 1 : 0;
        }

        if (args.Length == 0 || args[0] != "--bench")
        {
            // Everything else is BenchmarkDotNet's: e.g. --filter *Validation*.
            BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        var spec = args.Skip(2).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _))
            ?? Path.Combine(FindCorpus(), "openai", "openapi.yaml");
        var runsIndex = Array.IndexOf(args, "--runs");
        var runs = runsIndex >= 0 ? int.Parse(args[runsIndex + 1], CultureInfo.InvariantCulture) : 5;
        return await BenchGenerate(Path.GetFullPath(spec), runs);
    }

    private static async Task<int> BenchGenerate(string spec, int runs)
    {
        var work = Directory.CreateTempSubdirectory("ck-bench-").FullName;
        try
        {
            var text = File.ReadAllText(spec);
            var parsed = SpecParser.Parse(spec, text);
            if (parsed.Root is null)
            {
                Console.Error.WriteLine(string.Join("\n", parsed.Problems));
                return 1;
            }

            var json = Path.Combine(work, "spec.json");
            File.WriteAllText(json, parsed.Root.ToJsonString());

            var self = typeof(Program).Assembly.Location;
            var cli = Path.Combine(AppContext.BaseDirectory, "ContractKit.Cli.dll");
            var output = Path.Combine(work, "out");

            var baseline = new List<(double Seconds, long PeakKb)>();
            var generate = new List<(double Seconds, long PeakKb)>();
            for (var i = 0; i < runs; i++)
            {
                // Interleaved so that machine noise hits both alike. Each run writes a new folder; all are deleted
                // at the end, because deleting thousands of files right before a run slows the disk for that run.
                baseline.Add(await TimeProcess(self, "--load-only", json));
                generate.Add(await TimeProcess(cli, "generate", spec, "--output", output + i.ToString(CultureInfo.InvariantCulture), "--namespace", "Bench.OpenAI", "--client-name", "OpenAIClient"));
            }

            var unchanged = await TimeProcess(cli, "generate", spec, "--output", output + "0", "--namespace", "Bench.OpenAI", "--client-name", "OpenAIClient");

            // In-process stage split, warm, for where the time goes.
            var target = new SpecTarget(spec, output, "Bench.OpenAI", "OpenAIClient");
            await GenerationPipeline.EmitAsync(target);
            var read = Stopwatch.StartNew();
            var readResult = SpecReader.Read(spec);
            read.Stop();
            var model = Stopwatch.StartNew();
            var built = ContractKit.Model.ModelBuilder.Build(readResult);
            model.Stop();
            var emit = Stopwatch.StartNew();
            var generated = ContractKit.CodeGen.CSharpEmitter.Generate(built.Model, new ContractKit.CodeGen.CSharpOptions { Namespace = "Bench.OpenAI", ClientName = "OpenAIClient", SourceName = "openapi.yaml" });
            emit.Stop();

            var b = Median(baseline.Select(x => x.Seconds));
            var g = Median(generate.Select(x => x.Seconds));
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"spec: {spec} ({new FileInfo(spec).Length / 1024} KiB), {runs} runs each, fresh processes, interleaved");
            report.AppendLine("| measurement | median wall | peak RSS (max) |");
            report.AppendLine("| --- | ---: | ---: |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Microsoft.OpenApi 3.11 alone: load the document (JSON) | {b:F2} s | {baseline.Max(x => x.PeakKb) / 1024} MB |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| `contractkit generate` end to end (YAML → {generated.Files.Count} files) | {g:F2} s | {generate.Max(x => x.PeakKb) / 1024} MB |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| `contractkit generate`, output already up to date (one run) | {unchanged.Seconds:F2} s | {unchanged.PeakKb / 1024} MB |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| ratio generate / load | {g / b:F2}× | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"warm in-process stages: read {read.Elapsed.TotalSeconds:F2} s, model {model.Elapsed.TotalSeconds:F2} s, emit {emit.Elapsed.TotalSeconds:F2} s; {built.Model.Types.Count} types, {built.Model.Operations.Count} operations, {built.Diagnostics.Count + generated.Diagnostics.Count} diagnostics");
            Console.Write(report.ToString());
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Wall time and peak resident memory (VmHWM, sampled) of a fresh <c>dotnet</c> process.</summary>
    private static async Task<(double Seconds, long PeakKb)> TimeProcess(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadPeakKb(process.Id));
            await Task.Delay(10);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(dll)} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        }

        _ = await stdout;
        return (clock.Elapsed.TotalSeconds, peak);
    }

    private static long ReadPeakKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string FindCorpus()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONTRACTKIT_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractKit.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "corpus");
            }
        }

        throw new InvalidOperationException("corpus not found: set CONTRACTKIT_CORPUS");
    }
}
