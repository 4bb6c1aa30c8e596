using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Pipeline;

/// <summary>
/// Regenerating after a small spec change writes only the files whose bytes change: every other file keeps its
/// bytes and its last-write time (IDEs, <c>dotnet watch</c> and MSBuild's incremental build look at it).
/// </summary>
public sealed class RegenerationTests : IDisposable
{
    /// <summary>Far from any time a write could give a file, so that a rewrite shows whatever the clock's resolution.</summary>
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out => Path.Combine(_temp.Root, "out");

    [Fact]
    public async Task OneOperationSummaryChanged_RewritesOnlyTheClientFile_AndEveryOtherFileKeepsItsLastWriteTime()
    {
        var original = File.ReadAllText(TempSpec.ThreadsSpecPath);
        var spec = _temp.Write("threads.yaml", original);
        var target = new SpecTarget(spec, Out, "Regen.Threads", "ThreadsClient");
        Assert.Equal(WriteOutcome.Written, (await GenerationPipeline.RunAsync(target)).Outcome);
        var before = StampAndRead(Out);

        Assert.Contains("summary: Modifies a thread.", original, StringComparison.Ordinal);
        _temp.Write("threads.yaml", original.Replace("summary: Modifies a thread.", "summary: Modifies one thread.", StringComparison.Ordinal));
        var run = await GenerationPipeline.RunAsync(target);

        Assert.Equal(WriteOutcome.Written, run.Outcome);
        var after = Read(Out);
        Assert.Equal(["ThreadsClient.g.cs"], Differing(before, after, byBytes: true));
        Assert.Equal(["ThreadsClient.g.cs"], Differing(before, after, byBytes: false));
        Assert.Contains("Modifies one thread.", File.ReadAllText(Path.Combine(Out, "ThreadsClient.g.cs")), StringComparison.Ordinal);
        Assert.Equal(await FreshOutput(target), Hashes(after));
        Assert.Equal(["out", "threads.yaml"], Directory.GetFileSystemEntries(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SchemaRemoved_DeletesItsFile_AndRewritesOnlyTheFilesWhoseBytesChange()
    {
        var original = File.ReadAllText(TempSpec.ThreadsSpecPath);
        var spec = _temp.Write("threads.yaml", WithExtraSchema(original));
        var target = new SpecTarget(spec, Out, "Regen.Threads", "ThreadsClient");
        await GenerationPipeline.RunAsync(target);
        Assert.True(File.Exists(Path.Combine(Out, "Models", "RegenExtra.g.cs")));
        var before = StampAndRead(Out);

        _temp.Write("threads.yaml", original);
        var run = await GenerationPipeline.RunAsync(target);

        Assert.Equal(WriteOutcome.Written, run.Outcome);
        var after = Read(Out);
        Assert.False(File.Exists(Path.Combine(Out, "Models", "RegenExtra.g.cs")));
        var fresh = await FreshOutput(target);
        Assert.Equal(fresh, Hashes(after));

        // What had to change: the files a fresh generation gives other bytes than the old output, and the one it no longer gives.
        var expected = before.Keys.Union(fresh.Keys)
            .Where(k => !fresh.TryGetValue(k, out var hash) || !before.TryGetValue(k, out var old) || old.Hash != hash)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Contains("Models/RegenExtra.g.cs", expected);
        Assert.DoesNotContain("Models/ThreadObject.g.cs", expected);
        Assert.Equal(expected, Differing(before, after, byBytes: true));
        Assert.Equal(expected, Differing(before, after, byBytes: false));
    }

    [Fact]
    public void ManyFilesChanged_SwapsInTheWholeFolder_WhereUnchangedAndForeignFilesKeepTheirBytesAndLastWriteTime()
    {
        var files = Enumerable.Range(0, 200).Select(i => new GeneratedFile($"Models/T{i}.g.cs", "v1 " + i)).ToList();
        OutputWriter.Write(Out, files);
        File.WriteAllText(Path.Combine(Out, "Models", "Mine.partial.cs"), "mine");
        var before = StampAndRead(Out);
        var changed = files.Select((f, i) => i < OutputJournal.Limit + 10 ? f with { Content = "v2 " + i } : f).ToList();

        var (outcome, error) = OutputWriter.Write(Out, changed);

        Assert.Null(error);
        Assert.Equal(WriteOutcome.Written, outcome);
        var after = Read(Out);
        var expected = Enumerable.Range(0, OutputJournal.Limit + 10).Select(i => $"Models/T{i}.g.cs").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Differing(before, after, byBytes: true));
        Assert.Equal(expected, Differing(before, after, byBytes: false));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Out, "Models", "Mine.partial.cs")));
        Assert.Equal([Out], Directory.GetFileSystemEntries(_temp.Root));
    }

    [Fact]
    public void FewFilesChangedOrRemoved_AreWrittenInPlace_AndAnEmptiedSubfolderIsRemoved()
    {
        var files = new List<GeneratedFile> { new("A.g.cs", "a"), new("B.g.cs", "b"), new("Gone/C.g.cs", "c") };
        OutputWriter.Write(Out, files);
        var before = StampAndRead(Out);

        var (outcome, error) = OutputWriter.Write(Out, [new("A.g.cs", "a"), new("B.g.cs", "b2"), new("New/D.g.cs", "d")]);

        Assert.Null(error);
        Assert.Equal(WriteOutcome.Written, outcome);
        var after = Read(Out);
        Assert.Equal([OutputWriter.ManifestName, "B.g.cs", "Gone/C.g.cs", "New/D.g.cs"], Differing(before, after, byBytes: false));
        Assert.Equal([OutputWriter.ManifestName, "A.g.cs", "B.g.cs", "New/D.g.cs"], after.Keys.Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(Out, "Gone")));
        Assert.Equal([Out], Directory.GetFileSystemEntries(_temp.Root));
    }

    internal static string WithExtraSchema(string spec)
    {
        const string Anchor = "\n  schemas:\n";
        Assert.Contains(Anchor, spec, StringComparison.Ordinal);
        return spec.Replace(Anchor, Anchor + "    RegenExtra:\n      type: object\n      properties:\n        note: { type: string }\n", StringComparison.Ordinal);
    }

    /// <summary>What a generation into a new folder gives: relative path → hash.</summary>
    private async Task<Dictionary<string, string>> FreshOutput(SpecTarget target)
    {
        var fresh = Path.Combine(_temp.Root, "fresh-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(WriteOutcome.Written, (await GenerationPipeline.RunAsync(target with { OutputPath = fresh })).Outcome);
        var hashes = Hashes(Read(fresh));
        Directory.Delete(fresh, recursive: true);
        return hashes;
    }

    /// <summary>Sets every file's last-write time to <see cref="LongAgo"/>, then reads the folder.</summary>
    internal static Dictionary<string, (DateTime Mtime, string Hash)> StampAndRead(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        return Read(folder);
    }

    /// <summary>Every file under the folder ('/'-separated relative path) with its last-write time and the SHA-256 of its bytes.</summary>
    internal static Dictionary<string, (DateTime Mtime, string Hash)> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
            f => (File.GetLastWriteTimeUtc(f), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

    private static Dictionary<string, string> Hashes(Dictionary<string, (DateTime Mtime, string Hash)> state) =>
        state.ToDictionary(s => s.Key, s => s.Value.Hash, StringComparer.Ordinal);

    /// <summary>The files added, removed, or whose bytes (or last-write time) differ, in ordinal order.</summary>
    internal static List<string> Differing(
        Dictionary<string, (DateTime Mtime, string Hash)> before, Dictionary<string, (DateTime Mtime, string Hash)> after, bool byBytes) =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || (byBytes ? a.Hash != b.Hash : a.Mtime != b.Mtime))
            .Order(StringComparer.Ordinal)
            .ToList();
}
