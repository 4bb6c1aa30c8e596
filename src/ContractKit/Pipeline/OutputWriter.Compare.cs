using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ContractKit.CodeGen;

using ContractKit.Diagnostics;

namespace ContractKit.Pipeline;

/// <summary>Comparing an output folder with the files generated now, file by file.</summary>
public static partial class OutputWriter
{
    /// <summary>True when the folder holds exactly these files with these bytes (and the same manifest).</summary>
    public static bool IsUpToDate(string outputDirectory, IReadOnlyList<GeneratedFile> files, string? manifest = null)
    {
        var target = Path.GetFullPath(outputDirectory);
        manifest ??= Manifest(files);
        if (!HoldsExactly(Path.Combine(target, ManifestName), manifest))
        {
            return false;
        }

        var paths = files.Select(f => Path.Combine(target, ToLocal(f.RelativePath))).ToArray();
        var upToDate = true;
        ParallelWork.For(files.Count, i =>
        {
            if (Volatile.Read(ref upToDate) && !HoldsExactly(paths[i], files[i].Content))
            {
                Volatile.Write(ref upToDate, false);
            }
        });
        return upToDate;
    }

    /// <summary>
    /// The files that differ from what the generator produces now: missing, changed, or listed in the manifest but no
    /// longer produced. Empty when the folder is up to date.
    /// </summary>
    public static IReadOnlyList<string> StaleFiles(string outputDirectory, IReadOnlyList<GeneratedFile> files) =>
        StaleFiles(outputDirectory, files, OutputFolderGuard.WaitLimit).Stale;

    /// <summary>
    /// As <see cref="StaleFiles(string, IReadOnlyList{GeneratedFile})"/>, under the folder's lock, as a run writing it
    /// takes (waiting up to <paramref name="wait"/>), so that a folder in the middle of being written is never compared;
    /// a leftover of a killed run is recovered first, as a writer would. The error (CK3003) when the lock is not had
    /// in time or the folder cannot be read.
    /// </summary>
    internal static (IReadOnlyList<string> Stale, Diagnostic? Error) StaleFiles(string outputDirectory, IReadOnlyList<GeneratedFile> files, TimeSpan wait)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        try
        {
            using var guard = OutputFolderGuard.Acquire(target, wait);
            if (guard is null)
            {
                return ([], Busy(target, wait));
            }

            var owned = Directory.Exists(target) ? ReadOwnership(target) : null;
            var changes = Compare(target, files, Manifest(files), owned ?? []);
            return (Enumerable.Range(0, files.Count)
                .Where(i => !changes.Same[i])
                .Select(i => files[i].RelativePath)
                .Concat(changes.Removed)
                .Order(StringComparer.Ordinal)
                .ToList(), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ([], Error(DiagnosticIds.OutputWriteFailed, target, $"cannot read the output folder ({ex.Message})"));
        }
    }

    /// <summary>
    /// How the folder differs from <paramref name="files"/>: which of them it already holds byte for byte, whether
    /// its manifest is the same, and which files it owned last time that are no longer produced (and still exist).
    /// Every file is compared (both cores), so that only the different ones need writing.
    /// </summary>
    internal static OutputChanges Compare(string target, IReadOnlyList<GeneratedFile> files, string manifest, HashSet<string> previouslyOwned)
    {
        var paths = files.Select(f => Path.Combine(target, ToLocal(f.RelativePath))).ToArray();
        var same = new bool[files.Count];
        ParallelWork.For(files.Count, i => same[i] = HoldsExactly(paths[i], files[i].Content));
        var produced = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = previouslyOwned
            .Where(p => !produced.Contains(p) && File.Exists(Path.Combine(target, ToLocal(p))))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new OutputChanges(same, HoldsExactly(Path.Combine(target, ManifestName), manifest), removed);
    }

    /// <summary>
    /// Whether the file exists and holds exactly <paramref name="content"/> in UTF-8 (no BOM). The length is checked
    /// before anything is read, and both sides go through pooled buffers: comparing thousands of files should cost
    /// their reads, not an array per file.
    /// </summary>
    private static bool HoldsExactly(string path, string content)
    {
        var expected = ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(content.Length));
        byte[]? actual = null;
        try
        {
            var length = Utf8NoBom.GetBytes(content, expected);
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (RandomAccess.GetLength(handle) != length)
            {
                return false;
            }

            actual = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, actual.AsSpan(read, length - read), read);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return actual.AsSpan(0, length).SequenceEqual(expected.AsSpan(0, length));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(expected);
            if (actual is not null)
            {
                ArrayPool<byte>.Shared.Return(actual);
            }
        }
    }

    /// <summary>The result of <see cref="Compare"/>.</summary>
    internal sealed record OutputChanges(bool[] Same, bool ManifestSame, IReadOnlyList<string> Removed)
    {
        /// <summary>How many generated files the folder does not hold as they are now (missing or different).</summary>
        public int Changed { get; } = Same.Count(s => !s);

        /// <summary>The folder is exactly the output: nothing to write.</summary>
        public bool None => ManifestSame && Changed == 0 && Removed.Count == 0;
    }
}
