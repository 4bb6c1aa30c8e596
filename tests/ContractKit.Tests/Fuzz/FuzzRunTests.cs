using System;
using System.IO;
using System.Linq;
using ContractKit.Fuzz;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Fuzz;

/// <summary>
/// The short, fixed-seed fuzz run of CI (docs/fuzzing.md): a few hundred structure- and byte-mutated cases of the
/// repository's specs (and the corpus's small ones when present) through read, model, generate (a few compiled),
/// lint, validate and diff, and mutated JSON Schemas through the validator. Any unhandled exception, hang, unlocated
/// diagnostic or uncompilable output fails it, naming the reproducer folder. Bounded by time as well as count, for
/// loaded machines; the long mode runs the same loop by hand.
/// </summary>
public sealed class FuzzRunTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void FixedSeedRun_EveryCaseGetsAVerdictWithoutAnUnhandledProblem()
    {
        var report = FuzzRunner.Run(new FuzzSettings
        {
            Seed = 20261207,
            Iterations = 250,
            Duration = TimeSpan.FromSeconds(45),
            CaseTimeout = TimeSpan.FromSeconds(60),
            CompileEvery = 80,
            RepoRoot = Corpus.RepoRoot,
            Corpus = Corpus.Root,
            OutputFolder = _files.Root,
        });

        Assert.True(report.Findings.Count == 0 && !report.Hung, report.ToString() + "\n" + string.Join("\n", report.Findings.Select(f => f.Problem.Message)));
        Assert.True(report.Iterations >= 20, $"only {report.Iterations} cases ran");
        Assert.True(File.Exists(Path.Combine(FuzzRunner.CurrentFolder(_files.Root), "case.txt")), "the case in flight is written before it runs (the crash reproducer)");
    }
}
