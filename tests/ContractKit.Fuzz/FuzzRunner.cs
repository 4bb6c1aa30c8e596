using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ContractKit.Fuzz;

/// <summary>How a fuzz run is bounded and where it writes.</summary>
public sealed record FuzzSettings
{
    /// <summary>The run's seed: the same seed, seeds and code give the same cases.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many cases (null: only the time bounds the run).</summary>
    public int? Iterations { get; init; }

    /// <summary>Stop after this long.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A case taking longer is a hang finding.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Every n-th spec case also compiles the generated code with Roslyn (0: never).</summary>
    public int CompileEvery { get; init; } = 25;

    /// <summary>Whether the OpenAI specs are seeds too (a case on them takes seconds).</summary>
    public bool LargeSeeds { get; init; }

    /// <summary>The checkout (for <c>spec/</c>) and the corpus (null when absent).</summary>
    public required string RepoRoot { get; init; }

    public string? Corpus { get; init; }

    /// <summary>Where the case in flight and the findings' reproducers are written.</summary>
    public required string OutputFolder { get; init; }
}

/// <summary>A distinct problem found: how often, and the reproducer folder of its first occurrence.</summary>
public sealed record FuzzFinding(FuzzProblem Problem, string Reproducer, int Count);

/// <summary>What a run did.</summary>
public sealed record FuzzReport(int Iterations, TimeSpan Elapsed, IReadOnlyList<FuzzFinding> Findings, bool Hung)
{
    public override string ToString() =>
        $"{Iterations} cases in {Elapsed.TotalSeconds:F0} s, {Findings.Count} distinct findings" + (Hung ? " (stopped by a hang)" : "") +
        string.Concat(Findings.Select(f => $"\n  [{f.Count}x] {f.Problem.Target} {f.Problem.Kind}: {f.Problem.Message.Split('\n')[0]}\n        reproducer: {f.Reproducer}"));
}

/// <summary>The fuzz loop: make a case, write it (so a crash leaves it behind), run it with a timeout, keep findings.</summary>
public static class FuzzRunner
{
    /// <summary>The folder the case in flight is written to; after a crash it holds the input that crashed.</summary>
    public static string CurrentFolder(string outputFolder) => Path.Combine(outputFolder, "current");

    public static FuzzReport Run(FuzzSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var seeds = Seeds.Load(settings.RepoRoot, settings.Corpus, settings.LargeSeeds);
        var current = CurrentFolder(settings.OutputFolder);
        var findings = new Dictionary<string, FuzzFinding>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var iteration = 0;
        while (stopwatch.Elapsed < settings.Duration && (settings.Iterations is not { } most || iteration < most))
        {
            FuzzCase fuzzCase;
            try
            {
                fuzzCase = Make(seeds, settings, iteration);
                fuzzCase.Write(current);
            }
            catch (Exception ex)
            {
                // A bug of the harness itself: said, not counted against ContractKit.
                Console.Error.WriteLine($"harness: case {iteration} could not be made: {ex}");
                iteration++;
                continue;
            }

            var task = Task.Factory.StartNew(() => FuzzTargets.RunAsync(fuzzCase, current).GetAwaiter().GetResult(), TaskCreationOptions.LongRunning);
            iteration++;
            // A case on the 3 MB OpenAI spec reads it three times, generates, lints and diffs: seconds on a quiet
            // machine, a minute on a loaded one. The timeout grows with the input so that only a hang trips it.
            var timeout = settings.CaseTimeout * (1 + ((fuzzCase.Head.Length + (fuzzCase.Base?.Length ?? 0)) / (512.0 * 1024)));
            if (!task.Wait(timeout))
            {
                Record(findings, new FuzzProblem(fuzzCase.Kind, "hang", $"no verdict within {timeout.TotalSeconds:F0} s"), current, settings.OutputFolder);
                return new FuzzReport(iteration, stopwatch.Elapsed, [.. findings.Values], Hung: true);
            }

            foreach (var problem in task.Result)
            {
                Record(findings, problem, current, settings.OutputFolder);
            }
        }

        return new FuzzReport(iteration, stopwatch.Elapsed, [.. findings.Values], Hung: false);
    }

    /// <summary>
    /// Runs one hand-written case through every stage with the fuzzer's oracle (the regression tests of its findings):
    /// the spec (YAML unless <paramref name="extension"/> says otherwise), an optional second spec to diff against,
    /// payloads to validate, and whether to compile the generated code. Written to <paramref name="folder"/>.
    /// </summary>
    public static IReadOnlyList<FuzzProblem> Check(string folder, string spec, string? baseSpec = null, IEnumerable<string>? payloads = null, bool compile = false, string extension = ".yaml")
    {
        var fuzzCase = new FuzzCase
        {
            Kind = FuzzCase.SpecKind,
            Origin = "hand-written",
            Head = System.Text.Encoding.UTF8.GetBytes(spec),
            HeadExtension = extension,
            Base = baseSpec is null ? null : System.Text.Encoding.UTF8.GetBytes(baseSpec),
            Payloads = (payloads ?? []).Select(p => System.Text.Encoding.UTF8.GetBytes(p)).ToList(),
            Compile = compile,
        };
        fuzzCase.Write(folder);
        return FuzzTargets.RunAsync(fuzzCase, folder).GetAwaiter().GetResult();
    }

    /// <summary>Runs a reproducer folder once.</summary>
    public static IReadOnlyList<FuzzProblem> Replay(string folder) =>
        FuzzTargets.RunAsync(FuzzCase.Read(folder), folder).GetAwaiter().GetResult();

    /// <summary>Copies a folder with a case that crashed the process into the findings (the supervisor calls this).</summary>
    public static string SaveCrash(string outputFolder, string description) =>
        Save(CurrentFolder(outputFolder), outputFolder, new FuzzProblem("process", "crash", description));

    private static FuzzCase Make(Seeds seeds, FuzzSettings settings, int iteration)
    {
        var rng = new Random(unchecked((settings.Seed * 1_000_003) + iteration));
        if (seeds.Schemas.Count > 0 && rng.Next(4) == 0)
        {
            return CaseMaker.Schema(seeds.Schemas[rng.Next(seeds.Schemas.Count)], rng);
        }

        // Compiling the client of a large spec takes Roslyn half a minute: the sample is of the small seeds.
        var seed = seeds.PickSpec(rng);
        var compile = settings.CompileEvery > 0 && iteration % settings.CompileEvery == settings.CompileEvery - 1 && seed.Bytes.Length < 64 * 1024;
        return CaseMaker.Spec(seed, rng, compile);
    }

    private static void Record(Dictionary<string, FuzzFinding> findings, FuzzProblem problem, string current, string output)
    {
        if (findings.TryGetValue(problem.Signature, out var known))
        {
            findings[problem.Signature] = known with { Count = known.Count + 1 };
            return;
        }

        findings[problem.Signature] = new FuzzFinding(problem, Save(current, output, problem), 1);
    }

    private static string Save(string current, string output, FuzzProblem problem)
    {
        var name = $"finding-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{problem.Target}-{(uint)problem.Signature.GetHashCode(StringComparison.Ordinal):x8}";
        var folder = Path.Combine(output, "findings", name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(current))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(folder, "problem.txt"), $"{problem.Target} {problem.Kind}\n{problem.Message}\n");
        return folder;
    }
}
