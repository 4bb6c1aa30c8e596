using System.IO;
using System.Linq;
using ContractKit.CodeGen;
using ContractKit.Pipeline;
using Xunit;

namespace ContractKit.Tests.Pipeline;

public sealed class OutputWriterTests : System.IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ck-out-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Out => Path.Combine(_root, "out");

    [Fact]
    public void Write_CreatesFilesAndManifest()
    {
        var (outcome, error) = OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "a"), new GeneratedFile("Models/B.g.cs", "b")]);

        Assert.Null(error);
        Assert.Equal(WriteOutcome.Written, outcome);
        Assert.Equal("a", File.ReadAllText(Path.Combine(Out, "A.g.cs")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(Out, "Models", "B.g.cs")));
        Assert.Contains("Models/B.g.cs", File.ReadAllText(Path.Combine(Out, OutputWriter.ManifestName)), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameContentAgain_TouchesNothing()
    {
        OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "a")]);
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(Out, "A.g.cs"));

        var (outcome, _) = OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "a")]);

        Assert.Equal(WriteOutcome.Unchanged, outcome);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(Out, "A.g.cs")));
    }

    [Fact]
    public void Write_RemovesFilesNoLongerProduced_AndKeepsFilesItDidNotWrite()
    {
        OutputWriter.Write(Out, [new GeneratedFile("Old.g.cs", "old"), new GeneratedFile("Kept.g.cs", "1")]);
        File.WriteAllText(Path.Combine(Out, "MyPartial.cs"), "mine");

        OutputWriter.Write(Out, [new GeneratedFile("Kept.g.cs", "2")]);

        Assert.False(File.Exists(Path.Combine(Out, "Old.g.cs")));
        Assert.Equal("2", File.ReadAllText(Path.Combine(Out, "Kept.g.cs")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Out, "MyPartial.cs")));
        Assert.Single(Directory.GetDirectories(_root));
    }

    [Fact]
    public void Write_IntoAFolderItDoesNotOwn_IsRefused_AndTheFolderIsUntouched()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "important.txt"), "data");

        var (outcome, error) = OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "a")]);

        Assert.Equal(WriteOutcome.Failed, outcome);
        Assert.Equal("CK3002", error!.Id);
        Assert.Equal(["important.txt"], Directory.GetFiles(Out).Select(Path.GetFileName));
    }

    /// <summary>
    /// <c>check</c> compares under the same lock as a writer: it never reads a folder in the middle of being written,
    /// and fails clearly (CK3003) when the writer does not finish in time.
    /// </summary>
    [Fact]
    public void StaleFiles_WaitsForTheFoldersLock_LikeAWriter()
    {
        OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "a")]);
        var now = new[] { new GeneratedFile("A.g.cs", "changed") };

        using (OutputFolderGuard.Acquire(Path.GetFullPath(Out), System.TimeSpan.Zero))
        {
            var (stale, error) = OutputWriter.StaleFiles(Out, now, System.TimeSpan.Zero);

            Assert.Empty(stale);
            Assert.Equal("CK3003", error!.Id);
        }

        var (afterwards, none) = OutputWriter.StaleFiles(Out, now, System.TimeSpan.Zero);
        Assert.Null(none);
        Assert.Equal(["A.g.cs"], afterwards);
    }

    [Fact]
    public void Write_WhenTheFolderCannotBeCreated_FailsWithAnError_AndLeavesNoDebris()
    {
        var blocker = Path.Combine(_root, "file");
        File.WriteAllText(blocker, "x");

        var (outcome, error) = OutputWriter.Write(Path.Combine(blocker, "out"), [new GeneratedFile("A.g.cs", "a")]);

        Assert.Equal(WriteOutcome.Failed, outcome);
        Assert.Equal("CK3003", error!.Id);
        Assert.Contains("previous output is unchanged", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RejectsPathsThatLeaveTheFolder()
    {
        var (outcome, error) = OutputWriter.Write(Out, [new GeneratedFile("../escape.cs", "x")]);

        Assert.Equal(WriteOutcome.Failed, outcome);
        Assert.NotNull(error);
        Assert.False(File.Exists(Path.Combine(_root, "escape.cs")));
    }

    [Fact]
    public void Staging_WritesFilesAsTheyCome_AndCommitGivesWhatWriteGives()
    {
        var files = Enumerable.Range(0, 200).Select(i => new GeneratedFile($"Models/T{i}.g.cs", "é" + i)).Append(new GeneratedFile("A.g.cs", "a")).ToList();
        using (var staging = OutputWriter.StartFresh(Out)!)
        {
            System.Threading.Tasks.Parallel.ForEach(files.Take(150), staging.Add);
            Assert.False(Directory.Exists(Out));

            // The rest were not handed over: Commit writes them.
            var (outcome, error) = staging.Commit(files);

            Assert.Null(error);
            Assert.Equal(WriteOutcome.Written, outcome);
        }

        var other = Path.Combine(_root, "other");
        OutputWriter.Write(other, files);
        foreach (var path in Directory.GetFiles(other, "*", SearchOption.AllDirectories))
        {
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(Out, Path.GetRelativePath(other, path))));
        }

        Assert.Equal(202, Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(2, Directory.GetDirectories(_root).Length);
    }

    [Fact]
    public void Staging_OnlyForAnEmptyOrNewFolder()
    {
        Directory.CreateDirectory(Out);
        using (var empty = OutputWriter.StartFresh(Out))
        {
            Assert.NotNull(empty);
        }

        File.WriteAllText(Path.Combine(Out, "x.txt"), "x");
        Assert.Null(OutputWriter.StartFresh(Out));
        Assert.Equal([Out], Directory.GetDirectories(_root));
    }

    [Fact]
    public void Staging_DisposedWithoutCommit_LeavesNothing()
    {
        using (var staging = OutputWriter.StartFresh(Out)!)
        {
            staging.Add(new GeneratedFile("A.g.cs", "a"));
        }

        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Staging_AFileThatCannotBeWritten_FailsTheCommit_AndLeavesNothing()
    {
        using (var staging = OutputWriter.StartFresh(Out)!)
        {
            staging.Add(new GeneratedFile("../escape.cs", "x"));
            staging.Add(new GeneratedFile("A.g.cs", "a"));

            var (outcome, error) = staging.Commit([new GeneratedFile("../escape.cs", "x"), new GeneratedFile("A.g.cs", "a")]);

            Assert.Equal(WriteOutcome.Failed, outcome);
            Assert.Equal("CK3003", error!.Id);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Staging_WhenSomeoneFillsTheFolderMeanwhile_IsRefused_AndTheFolderIsUntouched()
    {
        using (var staging = OutputWriter.StartFresh(Out)!)
        {
            staging.Add(new GeneratedFile("A.g.cs", "a"));
            Directory.CreateDirectory(Out);
            File.WriteAllText(Path.Combine(Out, "important.txt"), "data");

            var (outcome, error) = staging.Commit([new GeneratedFile("A.g.cs", "a")]);

            Assert.Equal(WriteOutcome.Failed, outcome);
            Assert.Equal("CK3002", error!.Id);
        }

        Assert.Equal(["important.txt"], Directory.GetFiles(Out).Select(Path.GetFileName));
        Assert.Equal([Out], Directory.GetDirectories(_root));
    }

    [Fact]
    public void Write_WhileAnotherRunWritesTheFolder_FailsClearly_AfterABoundedWait_AndTheFolderIsUntouched()
    {
        OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "old")]);
        Directory.Delete(Out, recursive: true);
        using (var other = OutputWriter.StartFresh(Out)!)
        {
            var (outcome, error) = OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "new")], System.TimeSpan.FromMilliseconds(200));

            Assert.Equal(WriteOutcome.Failed, outcome);
            Assert.Equal("CK3003", error!.Id);
            Assert.Contains("another `contractkit generate` is writing the output folder '" + Out + "'", error.Message, System.StringComparison.Ordinal);
            Assert.False(Directory.Exists(Out));
        }

        Assert.Equal(WriteOutcome.Written, OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "new")], System.TimeSpan.FromMilliseconds(200)).Outcome);
    }

    [Fact]
    public void Write_AfterARunKilledBetweenTheTwoRenames_PutsTheOldOutputBack_AndRemovesTheLeftovers()
    {
        OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "old"), new GeneratedFile("Mine.txt", "kept")]);
        Directory.Move(Out, Path.Combine(_root, ".out.old-0123456789ab"));
        Directory.CreateDirectory(Path.Combine(_root, ".out.staging-0123456789ab", "Models"));
        File.WriteAllText(Path.Combine(_root, ".out.staging-0123456789ab", "Models", "Half.g.cs"), "half");

        var (outcome, error) = OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "old"), new GeneratedFile("Mine.txt", "kept")]);

        Assert.Null(error);
        Assert.Equal(WriteOutcome.Unchanged, outcome);
        Assert.Equal("old", File.ReadAllText(Path.Combine(Out, "A.g.cs")));
        Assert.Equal([Out], Directory.GetDirectories(_root));
    }

    [Fact]
    public void Write_OverAnExistingOutput_LeavesNothingBesideTheFolder()
    {
        OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "a")]);

        var (outcome, _) = OutputWriter.Write(Out, [new GeneratedFile("A.g.cs", "b"), new GeneratedFile("B.g.cs", "b")]);

        Assert.Equal(WriteOutcome.Written, outcome);
        Assert.Equal("b", File.ReadAllText(Path.Combine(Out, "A.g.cs")));
        Assert.Equal([Out], Directory.GetDirectories(_root));
        Assert.Empty(Directory.GetFiles(_root));
    }
}
