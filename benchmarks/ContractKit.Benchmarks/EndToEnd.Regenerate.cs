using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace ContractKit.Benchmarks;

/// <summary>
/// <c>--bench regenerate</c> (issue #13): what a one-line change to the spec costs against an up-to-date run, and
/// how many files it touches.
/// </summary>
internal sealed partial class EndToEnd
{
    /// <summary>
    /// Three kinds of run, interleaved round by round as fresh processes: the output already up to date; the
    /// output of a spec that differs in one operation's summary (two copies of the spec, same file name, used in
    /// turn, so that every such run changes one line of the client); and a fresh generation into a new folder. For
    /// the changed runs it counts the files whose last-write time or bytes changed.
    /// </summary>
    public async Task<int> RegenerateAsync()
    {
        using var work = new WorkFolder(workRoot);
        var (first, second, edited) = WriteSpecPair(work);
        if (edited is null)
        {
            Console.Error.WriteLine($"{spec}: no operation summary to change");
            return 1;
        }

        string[] Generate(string specPath, string output) =>
            ["generate", specPath, "--output", work.File(output), "--namespace", "Bench.OpenAI", "--client-name", "OpenAIClient"];

        // The two folders start as complete outputs: `same` always gets the first spec, `changed` the other one in turn.
        await CliRunner.RunAsync(cli, Generate(first, "same"));
        await CliRunner.RunAsync(cli, Generate(first, "changed"));
        var upToDate = new Series("`contractkit generate`, output already up to date", true);
        var oneLine = new Series($"`contractkit generate`, one operation's summary changed ({edited})", true);
        var fresh = new Series("`contractkit generate`, fresh output folder", true);
        var touched = new List<(int Mtime, int Bytes, int Files)>();
        for (var round = 0; round < runs; round++)
        {
            upToDate.Timings.Add(await CliRunner.RunAsync(cli, Generate(first, "same")));

            var before = Snapshot(work.File("changed"));
            oneLine.Timings.Add(await CliRunner.RunAsync(cli, Generate(round % 2 == 0 ? second : first, "changed")));
            touched.Add(Touched(before, Snapshot(work.File("changed"))));

            fresh.Timings.Add(await CliRunner.RunAsync(cli, Generate(first, "fresh" + round.ToString(CultureInfo.InvariantCulture))));
        }

        var report = Table([upToDate, oneLine, fresh]);
        var difference = Median(oneLine) - Median(upToDate);
        var cpu = CliRunner.Median(oneLine.Timings.Select(x => x.CpuSeconds)) - CliRunner.Median(upToDate.Timings.Select(x => x.CpuSeconds));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"one-line change − up to date: {difference * 1000:+0;-0;0} ms wall (medians; target ≤ +50 ms: {(difference <= 0.050 ? "met" : "NOT met")}), {cpu * 1000:+0;-0;0} ms CPU; fresh − up to date: {(Median(fresh) - Median(upToDate)) * 1000:+0;-0;0} ms wall"));
        report.AppendLine(LinkedSwapCost(work.File("same"), work.File("linked")));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"files of the output touched by each one-line change (of {touched[0].Files}): last-write time changed {string.Join(", ", touched.Select(t => t.Mtime))}; bytes changed {string.Join(", ", touched.Select(t => t.Bytes))}"));
        return Print(report);
    }

    /// <summary>
    /// What swapping in a whole staged folder would add to a one-line change (the way the writer takes for large
    /// change sets): every unchanged file hard-linked into a new folder, and the old folder's entries unlinked
    /// afterwards. In process, the writer's own link call, median of five.
    /// </summary>
    private static string LinkedSwapCost(string output, string scratch)
    {
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        var times = new List<(double Link, double Unlink)>();
        for (var i = 0; i < 5; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var file in files)
            {
                var destination = Path.Combine(scratch, Path.GetRelativePath(output, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                if (!ContractKit.Pipeline.OutputFolderGuard.TryHardLink(file, destination))
                {
                    return "hard links: not available here";
                }
            }

            var linked = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            Directory.Delete(scratch, recursive: true);
            times.Add((linked, clock.Elapsed.TotalMilliseconds));
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"a staged swap instead (option a): hard-linking the {files.Length} files into a new folder {CliRunner.Median(times.Select(t => t.Link)):F0} ms, unlinking them {CliRunner.Median(times.Select(t => t.Unlink)):F0} ms (in process, median of 5)");
    }

    private static double Median(Series series) => CliRunner.Median(series.Timings.Select(x => x.Seconds));

    /// <summary>
    /// The spec under its own name in two folders (the generator writes the file name into every file), the second
    /// with the first operation summary changed. Returns both paths and the summary's line, or null when none.
    /// </summary>
    private (string First, string Second, string? Edited) WriteSpecPair(WorkFolder work)
    {
        var name = Path.GetFileName(spec);
        var first = work.File(Path.Combine("a", name));
        var second = work.File(Path.Combine("b", name));
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        var lines = File.ReadAllLines(spec);
        File.WriteAllLines(first, lines);

        // YAML (`summary: …` on a line of its own) or pretty-printed JSON (`"summary": "…",`).
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("summary:", StringComparison.Ordinal) || l.TrimStart().StartsWith("\"summary\":", StringComparison.Ordinal));
        if (index < 0)
        {
            return (first, second, null);
        }

        // Inside the closing quote, if any.
        var line = lines[index].TrimEnd();
        var tail = line.EndsWith("\",", StringComparison.Ordinal) ? 2 : line.EndsWith('"') || line.EndsWith('\'') ? 1 : 0;
        lines[index] = line[..^tail] + " (edited)" + line[^tail..];
        File.WriteAllLines(second, lines);
        return (first, second, string.Create(CultureInfo.InvariantCulture, $"line {index + 1}"));
    }

    /// <summary>Every file under the folder: its last-write time and its bytes.</summary>
    private static Dictionary<string, (DateTime Mtime, byte[] Bytes)> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => (File.GetLastWriteTimeUtc(f), File.ReadAllBytes(f)),
            StringComparer.Ordinal);

    /// <summary>How many files changed their last-write time, how many their bytes (added and removed ones count in both), of how many.</summary>
    private static (int Mtime, int Bytes, int Files) Touched(
        Dictionary<string, (DateTime Mtime, byte[] Bytes)> before, Dictionary<string, (DateTime Mtime, byte[] Bytes)> after)
    {
        var gone = before.Keys.Count(k => !after.ContainsKey(k));
        var mtime = gone + after.Count(a => !before.TryGetValue(a.Key, out var b) || b.Mtime != a.Value.Mtime);
        var bytes = gone + after.Count(a => !before.TryGetValue(a.Key, out var b) || !b.Bytes.AsSpan().SequenceEqual(a.Value.Bytes));
        return (mtime, bytes, after.Count);
    }
}
