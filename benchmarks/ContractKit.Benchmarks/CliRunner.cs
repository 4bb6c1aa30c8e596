using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;

namespace ContractKit.Benchmarks;

/// <summary>One fresh process: wall time, CPU time (user + system) and peak resident memory.</summary>
internal readonly record struct ProcessTiming(double Seconds, double CpuSeconds, long PeakKb);

/// <summary>A command under measurement: <c>dotnet x.dll …</c> or an executable (an npm tool's script).</summary>
internal sealed record Tool(string Name, string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>Environment variables set for the tool's process (e.g. runtime settings).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static Tool Dotnet(string name, string dll) => new(name, "dotnet", [dll]);

    /// <summary>
    /// An npm tool from <paramref name="toolsDirectory"/>/node_modules/.bin, or else from PATH; null when absent
    /// (its baseline is then reported as skipped).
    /// </summary>
    public static Tool? Npm(string name, string command, string? toolsDirectory)
    {
        var candidates = new List<string>();
        if (toolsDirectory is not null)
        {
            candidates.Add(Path.Combine(toolsDirectory, "node_modules", ".bin", command));
        }

        candidates.AddRange((System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command)));
        return candidates.FirstOrDefault(File.Exists) is { } path ? new Tool(name, path, []) : null;
    }
}

/// <summary>Runs processes for the end-to-end benchmarks.</summary>
internal static class CliRunner
{
    private const string Time = "/usr/bin/time";

    /// <summary>
    /// Runs <paramref name="tool"/> with <paramref name="args"/> to completion. Exit codes other than
    /// <paramref name="okExitCodes"/> (default: 0) are a failure of the benchmark, with the tool's stderr.
    /// Peak RSS and CPU time come from GNU time when it is installed, else from /proc while the process runs.
    /// </summary>
    public static async Task<ProcessTiming> RunAsync(Tool tool, IReadOnlyList<string> args, params int[] okExitCodes)
    {
        var report = File.Exists(Time) ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(report is null ? tool.FileName : Time)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (report is not null)
        {
            foreach (var arg in new[] { "-o", report, "-f", "%M %U %S", tool.FileName })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in tool.Prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        // The tools' own colors and update checks are not part of the work measured.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var (name, value) in tool.Environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long sampledPeak = 0;
        while (report is null && !process.HasExited)
        {
            sampledPeak = Math.Max(sampledPeak, ReadPeakKb(process.Id));
            await Task.Delay(10);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        _ = await stdout;
        var errors = await stderr;
        var ok = okExitCodes.Length == 0 ? [0] : okExitCodes;
        if (!ok.Contains(process.ExitCode))
        {
            throw new InvalidOperationException($"{tool.Name} {string.Join(' ', args)} exited {process.ExitCode}: {Tail(errors)}");
        }

        if (report is null)
        {
            return new ProcessTiming(clock.Elapsed.TotalSeconds, double.NaN, sampledPeak);
        }

        // GNU time writes "Command exited with non-zero status N" first when the tool fails; the figures are last.
        var figures = File.ReadAllLines(report).Last(l => l.Length > 0).Split(' ');
        File.Delete(report);
        var peak = long.Parse(figures[0], CultureInfo.InvariantCulture);
        var cpu = double.Parse(figures[1], CultureInfo.InvariantCulture) + double.Parse(figures[2], CultureInfo.InvariantCulture);
        return new ProcessTiming(clock.Elapsed.TotalSeconds, cpu, peak);
    }

    /// <summary>Whether the assembly carries precompiled (ReadyToRun) code: a cold run then JITs far less.</summary>
    public static bool IsReadyToRun(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

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
}
