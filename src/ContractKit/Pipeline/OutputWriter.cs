using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;

namespace ContractKit.Pipeline;

/// <summary>What writing did.</summary>
public enum WriteOutcome
{
    /// <summary>The folder already held exactly these files; nothing was touched (so builds stay incremental).</summary>
    Unchanged,

    /// <summary>The folder was replaced with the new files.</summary>
    Written,

    /// <summary>Nothing was changed; see the diagnostic.</summary>
    Failed,
}

/// <summary>What writing did, and how many generated files it wrote and removed (the others were left as they were).</summary>
public sealed record WriteResult(WriteOutcome Outcome, Diagnostic? Error)
{
    /// <summary>Generated files written (new or changed).</summary>
    public int FilesWritten { get; init; }

    /// <summary>Files of the previous output removed because they are no longer produced.</summary>
    public int FilesRemoved { get; init; }
}

/// <summary>
/// Writes generated files into a folder the generator owns, crash-safe and under a per-folder lock
/// (<see cref="OutputFolderGuard"/>). The folder is first compared file by file with the new output, and only what
/// differs is written: unchanged files keep their bytes and last-write time. A small change set (a few files, the
/// usual edit of a spec) is applied in place through a roll-forward journal (<see cref="OutputJournal"/>); a new
/// folder or a large change set is staged in a sibling folder (unchanged files hard-linked into it) and swapped in
/// at once. Either way a failure or a kill leaves the previous output or the new one, never a mix, once the next run's
/// recovery has run. Ownership is recorded in a manifest; files the generator no longer produces are removed, files it
/// did not write (someone's own additions) are kept, and a folder without a manifest that holds files is refused.
/// </summary>
public static partial class OutputWriter
{
    /// <summary>The manifest's file name inside the output folder.</summary>
    public const string ManifestName = ".contractkit-output";

    private const string ManifestHeader = "# Written by `contractkit generate`, which owns this folder: the files listed below are replaced or removed on every run.";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files (relative paths, '/'-separated) into <paramref name="outputDirectory"/>.</summary>
    public static (WriteOutcome Outcome, Diagnostic? Error) Write(string outputDirectory, IReadOnlyList<GeneratedFile> files) =>
        Write(outputDirectory, files, OutputFolderGuard.WaitLimit);

    /// <summary>As <see cref="Write(string, IReadOnlyList{GeneratedFile})"/>, waiting at most <paramref name="wait"/> for another run writing the folder.</summary>
    internal static (WriteOutcome Outcome, Diagnostic? Error) Write(string outputDirectory, IReadOnlyList<GeneratedFile> files, TimeSpan wait)
    {
        var result = WriteChanges(outputDirectory, files, wait);
        return (result.Outcome, result.Error);
    }

    /// <summary>As <see cref="Write(string, IReadOnlyList{GeneratedFile}, TimeSpan)"/>, also saying how many generated files were written and how many removed.</summary>
    internal static WriteResult WriteChanges(string outputDirectory, IReadOnlyList<GeneratedFile> files, TimeSpan wait)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var manifest = Manifest(files);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var guard = OutputFolderGuard.Acquire(target, wait);
            if (guard is null)
            {
                return new(WriteOutcome.Failed, Busy(target, wait));
            }

            PhaseTrace.Mark("write.lock");
            var previous = ReadOwnership(target);
            if (previous is null)
            {
                return new(WriteOutcome.Failed, NotOwned(target));
            }

            var changes = Compare(target, files, manifest, previous);
            PhaseTrace.Mark("write.compare");
            if (changes.None)
            {
                return new(WriteOutcome.Unchanged, null);
            }

            var writes = new List<GeneratedFile>();
            for (var i = 0; i < files.Count; i++)
            {
                if (!changes.Same[i])
                {
                    writes.Add(files[i]);
                }
            }

            if (!changes.ManifestSame)
            {
                writes.Add(new GeneratedFile(ManifestName, manifest));
            }

            if (Directory.Exists(target) && OutputJournal.Suits(writes, changes.Removed))
            {
                OutputJournal.Apply(target, writes, changes.Removed);
                PhaseTrace.Mark("write.journal");
            }
            else
            {
                StageAndSwap(target, files, changes, previous, manifest);
                PhaseTrace.Mark("write.swap");
            }

            return new(WriteOutcome.Written, null) { FilesWritten = changes.Changed, FilesRemoved = changes.Removed.Count };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new(WriteOutcome.Failed, WriteFailed(target, ex));
        }
    }

    /// <summary>
    /// Builds the whole new output in a staging folder and swaps it in (<see cref="SwapIn"/>): the way for a new
    /// folder and for large change sets. The files the folder already holds byte for byte are hard-linked from it
    /// rather than written, so they keep their bytes, their inode and their timestamps (IDEs, <c>dotnet watch</c> and
    /// MSBuild's incremental build look at those), and the swap stays one atomic exchange.
    /// </summary>
    private static void StageAndSwap(string target, IReadOnlyList<GeneratedFile> files, OutputChanges changes, HashSet<string> previous, string manifest)
    {
        var staging = StagingFolder(target);
        try
        {
            Directory.CreateDirectory(staging);
            var paths = files.Select(f => Path.Combine(staging, ToLocal(f.RelativePath))).ToArray();
            foreach (var directory in paths.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(directory!);
            }

            // Thousands of small files (3,517 for the OpenAI API): the file system calls, not the bytes, take
            // the time, so both cores make them. The content of each file does not depend on the order.
            ParallelWork.For(files.Count, i =>
            {
                if (changes.Same[i])
                {
                    LinkOrCopy(Path.Combine(target, ToLocal(files[i].RelativePath)), paths[i]);
                }
                else
                {
                    WriteNew(paths[i], files[i].Content);
                }
            });
            if (changes.ManifestSame)
            {
                LinkOrCopy(Path.Combine(target, ManifestName), Path.Combine(staging, ManifestName));
            }

            SwapIn(target, staging, previous, files, manifest);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>
    /// Starts writing into a folder that does not exist yet or is empty (the first generation, a clean build): the
    /// files are staged as they are generated (<see cref="OutputStaging.Add"/>, on a thread of its own), then swapped in at once
    /// (<see cref="OutputStaging.Commit"/>). Null for a folder with content: that one is compared first
    /// (<see cref="Write(string, IReadOnlyList{GeneratedFile})"/>), so that an unchanged output is left untouched.
    /// </summary>
    public static OutputStaging? StartFresh(string outputDirectory)
    {
        try
        {
            var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);

            // Another run writing the folder: Write waits for it (bounded), then compares.
            var guard = OutputFolderGuard.Acquire(target, TimeSpan.Zero);
            if (guard is null)
            {
                return null;
            }

            try
            {
                if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
                {
                    guard.Dispose();
                    return null;
                }

                var staging = StagingFolder(target);
                Directory.CreateDirectory(staging);
                return new OutputStaging(target, staging, guard);
            }
            catch
            {
                guard.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // Write reports the problem, in the same way as for any other folder.
            return null;
        }
    }

    private static string StagingFolder(string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return HiddenSibling(target, "staging");
    }

    /// <summary>A uniquely named hidden folder beside the output folder: <c>.name.staging-…</c>, <c>.name.old-…</c>.</summary>
    private static string HiddenSibling(string target, string role) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{role}-{Guid.NewGuid().ToString("N")[..12]}");

    /// <summary>The manifest: the header, then each generated file's relative path on a line.</summary>
    internal static string Manifest(IReadOnlyList<GeneratedFile> files) =>
        ManifestHeader + "\n" + string.Concat(files.Select(f => f.RelativePath + "\n"));

    /// <summary>
    /// Completes a staged folder (the manifest, files someone else put in the old one) and puts it in place of the
    /// output folder by renames only (<see cref="OutputFolderGuard.Replace"/>), so a killed run leaves the old or the new output.
    /// </summary>
    private static void SwapIn(string target, string staging, HashSet<string> previous, IReadOnlyList<GeneratedFile> files, string manifest)
    {
        // StageAndSwap links an unchanged manifest in already.
        if (!File.Exists(Path.Combine(staging, ManifestName)))
        {
            File.WriteAllText(Path.Combine(staging, ManifestName), manifest, Utf8NoBom);
        }

        CarryOverForeignFiles(target, staging, previous, files);
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var old = HiddenSibling(target, "old");
        OutputFolderGuard.Replace(target, staging, old);
        TryDelete(old);
    }

    /// <summary>
    /// Writes a file that does not exist yet (a staging folder is new): one open, one write, one close; no lock,
    /// truncation or seek, which File.WriteAllText makes for every one of thousands of files.
    /// </summary>
    internal static void WriteNew(string path, string content)
    {
        // Encoded into a pooled buffer: thousands of files would otherwise each leave an array as big as their text.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(content.Length));
        try
        {
            var length = Utf8NoBom.GetBytes(content, buffer);
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The files the generator wrote last time: empty for a missing or empty folder, null for a folder with files
    /// and no manifest (not ours).
    /// </summary>
    private static HashSet<string>? ReadOwnership(string target)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(target))
        {
            return owned;
        }

        var manifestPath = Path.Combine(target, ManifestName);
        if (!File.Exists(manifestPath))
        {
            return Directory.EnumerateFileSystemEntries(target).Any() ? null : owned;
        }

        foreach (var line in File.ReadAllLines(manifestPath))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                owned.Add(line);
            }
        }

        return owned;
    }

    private static void CarryOverForeignFiles(string target, string staging, HashSet<string> previouslyOwned, IReadOnlyList<GeneratedFile> files)
    {
        if (!Directory.Exists(target))
        {
            return;
        }

        var produced = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(target, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ManifestName || previouslyOwned.Contains(relative) || produced.Contains(relative))
            {
                continue;
            }

            var destination = Path.Combine(staging, ToLocal(relative));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            LinkOrCopy(path, destination);
        }
    }

    /// <summary>
    /// Puts the file at <paramref name="source"/> also at <paramref name="destination"/> with its bytes and its
    /// last-write time: a hard link (same inode) where the system and the file system allow one, else a copy with
    /// the time set back (Windows, FAT, some network file systems).
    /// </summary>
    private static void LinkOrCopy(string source, string destination)
    {
        if (OutputFolderGuard.TryHardLink(source, destination))
        {
            return;
        }

        File.Copy(source, destination);
        File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
    }

    private static string ToLocal(string relativePath)
    {
        if (relativePath.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"unsafe generated path '{relativePath}'");
        }

        return relativePath.Replace('/', Path.DirectorySeparatorChar);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden staging folder is harmless; the output itself is already consistent.
        }
    }

    private static Diagnostic WriteFailed(string target, Exception ex) => ex is OutputJournal.PendingException
        ? Error(DiagnosticIds.OutputWriteFailed, target, $"cannot finish updating the output folder ({ex.Message})")
        : Error(DiagnosticIds.OutputWriteFailed, target, $"cannot write the output folder ({ex.Message}); the previous output is unchanged");

    private static Diagnostic Busy(string target, TimeSpan wait) => Error(
        DiagnosticIds.OutputWriteFailed,
        target,
        $"another `contractkit generate` is writing the output folder '{target}' and did not finish within {wait.TotalSeconds:0} s; the folder is unchanged (nothing was compared or written), run again when it is done");

    private static Diagnostic NotOwned(string target) => Error(
        DiagnosticIds.OutputNotOwned,
        target,
        $"the output folder has files but no {ManifestName}, so ContractKit did not create it and will not overwrite it; choose an empty folder or remove it");

    private static Diagnostic Error(string id, string path, string message) =>
        new(id, DiagnosticSeverity.Error, message, new SourceLocation(path, 0, 0));
}
