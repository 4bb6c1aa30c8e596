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
}
