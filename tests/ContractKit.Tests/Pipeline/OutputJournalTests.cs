using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ContractKit.CodeGen;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Pipeline;

/// <summary>
/// A run killed while it applies a small change set in place: before the journal's commit the next run's recovery
/// leaves exactly the old output, after it (at any step) exactly the new one. The states are made with the
/// journal's own steps, stopped where a kill would stop them; the recovery is the one every run does when it takes
/// the folder's lock.
/// </summary>
public sealed class OutputJournalTests : IDisposable
{
    private static readonly GeneratedFile[] OldFiles =
        [new("A.g.cs", "a1"), new("B.g.cs", "b1"), new("Sub/C.g.cs", "c1"), new("D.g.cs", "d1")];

    private static readonly GeneratedFile[] NewFiles =
        [new("A.g.cs", "a1"), new("B.g.cs", "b2"), new("Sub/C.g.cs", "c2"), new("New/E.g.cs", "e")];

    private readonly TempFiles _temp = new();

    public OutputJournalTests()
    {
        Assert.Equal(WriteOutcome.Written, OutputWriter.Write(Out, OldFiles).Outcome);
        Assert.Equal(WriteOutcome.Written, OutputWriter.Write(Reference("old"), OldFiles).Outcome);
        Assert.Equal(WriteOutcome.Written, OutputWriter.Write(Reference("new"), NewFiles).Outcome);
    }

    public void Dispose() => _temp.Dispose();

    private string Out => Path.Combine(_temp.Root, "out");

    /// <summary>The change set from the old output to the new one, as the writer makes it: changed files and the manifest; the removed file.</summary>
    private static List<GeneratedFile> Writes => [NewFiles[1], NewFiles[2], NewFiles[3], new(OutputWriter.ManifestName, OutputWriter.Manifest(NewFiles))];

    private static string[] Deletes => ["D.g.cs"];

    [Fact]
    public void KilledBeforeTheCommit_TheNextRunsRecoveryLeavesExactlyTheOldOutput()
    {
        var journal = OutputJournal.Prepare(Out, Writes, Deletes);
        Assert.True(Directory.Exists(journal));
        Assert.Equal(Files(Reference("old")), Files(Out));

        RecoverAsTheNextRunDoes();

        Assert.Equal(Files(Reference("old")), Files(Out));
        Assert.False(Directory.Exists(journal));
        Assert.Equal(["new", "old", "out"], Directory.GetFileSystemEntries(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void KilledAfterAnyStepOfACommittedJournal_TheNextRunsRecoveryCompletesExactlyTheNewOutput(int steps)
    {
        var journal = OutputJournal.Prepare(Out, Writes, Deletes);
        OutputJournal.Commit(journal);
        OutputJournal.Replay(Out, journal, steps);
        Assert.Equal(steps < Writes.Count + Deletes.Length, Directory.Exists(journal));

        RecoverAsTheNextRunDoes();

        Assert.Equal(Files(Reference("new")), Files(Out));
        Assert.False(Directory.Exists(journal));
        Assert.Equal(["new", "old", "out"], Directory.GetFileSystemEntries(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ACommittedJournalThatCannotBeCarriedOut_IsKept_AndTheFirstRunAfterTheObstacleIsGoneCompletesIt()
    {
        var journal = OutputJournal.Prepare(Out, Writes, Deletes);
        OutputJournal.Commit(journal);
        File.Delete(Path.Combine(Out, "B.g.cs"));
        Directory.CreateDirectory(Path.Combine(Out, "B.g.cs", "in-the-way"));

        var (outcome, error) = OutputWriter.Write(Out, NewFiles);

        Assert.Equal(WriteOutcome.Failed, outcome);
        Assert.StartsWith("cannot finish updating the output folder (", error!.Message, StringComparison.Ordinal);
        Assert.EndsWith($"the update is journaled in '{journal}' and the next run completes it)", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(journal, "journal")));

        Directory.Delete(Path.Combine(Out, "B.g.cs"), recursive: true);
        Assert.Equal(WriteOutcome.Unchanged, OutputWriter.Write(Out, NewFiles).Outcome);
        Assert.Equal(Files(Reference("new")), Files(Out));
        Assert.False(Directory.Exists(journal));
    }

    [Fact]
    public void ACommittedJournalNamingAPathOutsideTheFolder_IsRefusedByTheRecovery_AndNothingOutsideIsTouched()
    {
        var journal = OutputJournal.Prepare(Out, Writes, Deletes);
        OutputJournal.Commit(journal);
        File.WriteAllText(Path.Combine(journal, "journal"), "delete\t../new/A.g.cs\n");

        var (outcome, error) = OutputWriter.Write(Out, NewFiles);

        Assert.Equal(WriteOutcome.Failed, outcome);
        Assert.Equal("CK3003", error!.Id);
        Assert.Contains("cannot finish updating the output folder (the output journal names an unsafe path '../new/A.g.cs'; the update is journaled in", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Reference("new"), "A.g.cs")));
    }

    [Fact]
    public void ChangeSetsLargerThanTheLimit_OrDeletingWhatTheyWriteInAnotherCase_DoNotSuitTheJournal()
    {
        var many = Enumerable.Range(0, OutputJournal.Limit).Select(i => new GeneratedFile($"F{i}.g.cs", "x")).ToList();

        Assert.True(OutputJournal.Suits(many, []));
        Assert.False(OutputJournal.Suits(many, ["Old.g.cs"]));
        Assert.False(OutputJournal.Suits([new("Models/Foo.g.cs", "x")], ["Models/FOO.g.cs"]));
    }

    private string Reference(string name) => Path.Combine(_temp.Root, name);

    private void RecoverAsTheNextRunDoes()
    {
        using var guard = OutputFolderGuard.Acquire(Path.GetFullPath(Out), TimeSpan.FromSeconds(10));
        Assert.NotNull(guard);
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f), File.ReadAllText, StringComparer.Ordinal);
}
