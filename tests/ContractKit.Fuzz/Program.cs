using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ContractKit.Fuzz;

/// <summary>
/// The long fuzzing mode, run by hand:
/// <c>dotnet run -c Release --project tests/ContractKit.Fuzz -- --fuzz --seconds 900 --seed 1 [--out dir] [--large]
/// [--timeout 60] [--compile-every 25]</c>, and <c>--replay &lt;finding folder&gt;</c> to rerun a reproducer.
/// The cases run in a worker process: a stack overflow or any other crash ends only the worker, whose case in flight
/// is saved as a finding, and a fresh worker carries on (with the next seed) until the time is up. Prints cases,
/// time and findings; exit 1 when there are findings.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var options = Options(args);
        if (options.TryGetValue("--replay", out var replay))
        {
            var problems = FuzzRunner.Replay(replay);
            Console.WriteLine(problems.Count == 0 ? "no problem" : string.Join("\n\n", problems.Select(p => $"{p.Target} {p.Kind}: {p.Message}")));
            return problems.Count == 0 ? 0 : 1;
        }

        if (!options.ContainsKey("--fuzz") && !options.ContainsKey("--worker"))
        {
            Console.Error.WriteLine("usage: --fuzz --seconds N --seed S [--out dir] [--large] [--timeout s] [--compile-every n] | --replay <folder>");
            return 2;
        }

        var settings = Settings(options);
        if (options.ContainsKey("--worker"))
        {
            var report = FuzzRunner.Run(settings);
            Console.WriteLine($"worker: iterations={report.Iterations} findings={report.Findings.Count}");
            return report.Hung ? 3 : 0;
        }

        return Supervise(settings, args);
    }

    private static int Supervise(FuzzSettings settings, string[] args)
    {
        Directory.CreateDirectory(settings.OutputFolder);
        var stopwatch = Stopwatch.StartNew();
        var (iterations, crashes, workers) = (0, 0, 0);
        while (stopwatch.Elapsed < settings.Duration)
        {
            var remaining = (int)Math.Ceiling((settings.Duration - stopwatch.Elapsed).TotalSeconds);
            var seed = settings.Seed + (workers * 7919);
            var (exitCode, output) = RunWorker(args, seed, remaining);
            workers++;
            var line = output.LastOrDefault(l => l.StartsWith("worker: ", StringComparison.Ordinal));
            iterations += line is null ? 0 : int.Parse(line.Split("iterations=")[1].Split(' ')[0], CultureInfo.InvariantCulture);
            if (line is null)
            {
                crashes++;
                var saved = FuzzRunner.SaveCrash(settings.OutputFolder, $"worker exited with {exitCode}:\n{string.Join("\n", output.TakeLast(40))}");
                Console.WriteLine($"crash (exit {exitCode}); reproducer: {saved}");
            }
        }

        var findings = Directory.Exists(Path.Combine(settings.OutputFolder, "findings"))
            ? Directory.GetDirectories(Path.Combine(settings.OutputFolder, "findings")).Order(StringComparer.Ordinal).ToList()
            : [];
        Console.WriteLine($"fuzz: seed {settings.Seed}, {iterations} cases in {stopwatch.Elapsed.TotalSeconds:F0} s by {workers} worker(s), {crashes} crash(es), {findings.Count} finding folder(s) in {settings.OutputFolder}");
        foreach (var folder in findings)
        {
            Console.WriteLine($"  {Path.GetFileName(folder)}: {File.ReadLines(Path.Combine(folder, "problem.txt")).Take(2).LastOrDefault()}");
        }

        return findings.Count == 0 ? 0 : 1;
    }

    private static (int ExitCode, List<string> Output) RunWorker(string[] args, int seed, int seconds)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        var passed = Options(args);
        passed["--seed"] = seed.ToString(CultureInfo.InvariantCulture);
        passed["--seconds"] = seconds.ToString(CultureInfo.InvariantCulture);
        passed.Remove("--fuzz");
        start.ArgumentList.Add("--worker");
        foreach (var (key, value) in passed)
        {
            start.ArgumentList.Add(key);
            if (value.Length > 0)
            {
                start.ArgumentList.Add(value);
            }
        }

        using var process = Process.Start(start)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static FuzzSettings Settings(Dictionary<string, string> options)
    {
        int Int(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var repo = FindRepoRoot();
        var corpusSetting = Environment.GetEnvironmentVariable("CONTRACTKIT_CORPUS");
        var corpus = Path.GetFullPath(string.IsNullOrEmpty(corpusSetting) ? Path.Combine(repo, "..", "shared", "corpus") : corpusSetting, repo);
        return new FuzzSettings
        {
            Seed = Int("--seed", 1),
            Duration = TimeSpan.FromSeconds(Int("--seconds", 60)),
            CaseTimeout = TimeSpan.FromSeconds(Int("--timeout", 60)),
            CompileEvery = Int("--compile-every", 25),
            LargeSeeds = options.ContainsKey("--large"),
            RepoRoot = repo,
            Corpus = Directory.Exists(corpus) ? corpus : null,
            OutputFolder = Path.GetFullPath(options.TryGetValue("--out", out var output) ? output : Path.Combine(Path.GetTempPath(), "contractkit-fuzz")),
        };
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[args[i]] = hasValue ? args[++i] : "";
        }

        return options;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ContractKit.sln not found above " + AppContext.BaseDirectory);
    }
}
