using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ContractKit.CodeGen;

namespace ContractKit.Pipeline;

/// <summary>
/// Applies a small change set to an output folder in place, crash-safe through a roll-forward journal. The new files
/// are first written into a hidden sibling folder (<c>.name.journal-…</c>) together with a list of what to do, and
/// the list is committed by one rename. Before that rename nothing in the output folder has changed, and the next
/// run's recovery deletes the sibling: the old output. After it, each file is renamed over the old one
/// (<c>rename(2)</c> replaces a file atomically) and the files no longer produced are deleted; a run killed in
/// between leaves a mix that the next run (<see cref="Recover"/>, under the folder's lock) completes before it
/// does anything else: the new output. Replaying is idempotent: a staged file that is gone was renamed already.
/// </summary>
/// <remarks>
/// Why a journal for small change sets rather than a whole new folder swapped in (with hard links to the
/// unchanged files, as <see cref="OutputWriter"/> does for large ones): its cost is that of the changed files only.
/// Linking the 3,517 unchanged files of the OpenAI client into a staging folder, swapping and unlinking the old
/// folder costs about 50 ms of system time on ext4 (<c>cp -al</c> and <c>rm -rf</c> of that tree: 30–40 ms + 20 ms; more under
/// load, see <c>--bench regenerate</c>), which alone
/// is the whole budget of a one-line change (≤ the up-to-date run + 50 ms, issue #13); renaming one file costs
/// microseconds. The folder also stays the same directory, so watchers (IDEs, <c>dotnet watch</c>) keep their
/// watch on it. The price is the window of the renames: a kill there leaves a mix until the next run, and that
/// window grows with the change set, which is why large change sets take the swap (see <see cref="Limit"/>).
/// </remarks>
internal static class OutputJournal
{
    /// <summary>
    /// The most files a change set may write or delete to go through the journal. Renaming or deleting 64 files takes
    /// well under a few milliseconds, so a kill is unlikely to land in that window, and the next run completes it
    /// when one does; a larger change set costs writing that many files anyway, beside which the swap's linking
    /// (10–50 µs a file) is small, and the swap is atomic at every instant.
    /// </summary>
    public const int Limit = 64;

    private const string JournalName = "journal";
    private const string PendingName = "journal.pending";
    private const string WriteOperation = "write";
    private const string DeleteOperation = "delete";

    /// <summary>
    /// Whether the change set can go through the journal: small enough, and no deleted path that a written one
    /// would meet on a case-insensitive file system (a replay deletes before it writes, and must not delete a file it
    /// has already renamed into place).
    /// </summary>
    public static bool Suits(IReadOnlyList<GeneratedFile> writes, IReadOnlyList<string> deletes)
    {
        if (writes.Count + deletes.Count > Limit)
        {
            return false;
        }

        foreach (var deleted in deletes)
        {
            foreach (var written in writes)
            {
                if (string.Equals(deleted, written.RelativePath, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="writes"/> and deletes <paramref name="deletes"/> (relative paths) in <paramref name="target"/>, journaled.</summary>
    public static void Apply(string target, IReadOnlyList<GeneratedFile> writes, IReadOnlyList<string> deletes)
    {
        var folder = Prepare(target, writes, deletes);
        try
        {
            Commit(folder);
        }
        catch
        {
            // Not committed: the output folder is untouched, and nothing of this run is left.
            TryDelete(folder);
            throw;
        }

        // Committed: from here a failure leaves the journal for the next run to complete.
        ReplayOrKeep(target, folder);
    }

    /// <summary>Replays a committed journal; a failure says that the folder is part-way and the journal kept.</summary>
    private static void ReplayOrKeep(string target, string folder)
    {
        try
        {
            Replay(target, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PendingException(folder, ex);
        }
    }

    /// <summary>
    /// Stages the change set beside the output folder: each new file under a number, and the list of operations,
    /// deletions first, not yet committed. Returns the staging folder.
    /// </summary>
    internal static string Prepare(string target, IReadOnlyList<GeneratedFile> writes, IReadOnlyList<string> deletes)
    {
        var folder = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.journal-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(folder);
        try
        {
            var lines = deletes.Select(d => $"{DeleteOperation}\t{Checked(d)}").ToList();
            foreach (var file in writes)
            {
                OutputWriter.WriteNew(Path.Combine(folder, lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), file.Content);
                lines.Add($"{WriteOperation}\t{Checked(file.RelativePath)}");
            }

            File.WriteAllLines(Path.Combine(folder, PendingName), lines);
            return folder;
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>The commit point: one rename makes the journal complete and decided.</summary>
    internal static void Commit(string folder) => File.Move(Path.Combine(folder, PendingName), Path.Combine(folder, JournalName));

    /// <summary>
    /// Carries out a committed journal (all of it, or its first <paramref name="steps"/> operations, which is what a
    /// run killed after them leaves), then removes it.
    /// </summary>
    internal static void Replay(string target, string folder, int? steps = null)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, JournalName));
        var count = Math.Min(steps ?? lines.Length, lines.Length);
        for (var i = 0; i < count; i++)
        {
            var parts = lines[i].Split('\t', 2);
            var path = Path.Combine(target, Local(parts[^1]));
            var operation = parts[0];
            if (operation == DeleteOperation)
            {
                File.Delete(path);
                RemoveEmptyFolders(target, Path.GetDirectoryName(path)!);
                continue;
            }

            var staged = Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (File.Exists(staged))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Move(staged, path, overwrite: true);
            }
        }

        if (count == lines.Length)
        {
            // Every staged file has been renamed away: only the journal is left. (Not Directory.Delete(recursive),
            // whose enumeration the published tool would compile at run time, for a folder known to hold one file.)
            File.Delete(Path.Combine(folder, JournalName));
            Directory.Delete(folder);
        }
    }

    /// <summary>
    /// Completes the committed journal a killed run left beside <paramref name="target"/> and deletes uncommitted
    /// ones. Runs under the folder's lock (<see cref="OutputFolderGuard"/>), so none belongs to a live run.
    /// </summary>
    public static void Recover(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        foreach (var folder in Directory.GetDirectories(parent, $".{Path.GetFileName(target)}.journal-*"))
        {
            if (File.Exists(Path.Combine(folder, JournalName)) && Directory.Exists(target))
            {
                ReplayOrKeep(target, folder);
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Removes <paramref name="folder"/> and its parents up to <paramref name="target"/> (excluded) while they are empty.</summary>
    private static void RemoveEmptyFolders(string target, string folder)
    {
        while (folder.Length > target.Length && folder.StartsWith(target, StringComparison.Ordinal) &&
               Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private static string Checked(string relative) =>
        relative.Contains('\t', StringComparison.Ordinal) || relative.Contains('\n', StringComparison.Ordinal) || relative.Contains('\r', StringComparison.Ordinal)
            ? throw new ArgumentException($"unsafe generated path '{relative}'")
            : relative;

    /// <summary>A journal line's path, checked as the writer checks generated paths (the journal is read back from disk).</summary>
    private static string Local(string relative) =>
        relative.Split('/').Any(s => s is "" or "." or "..")
            ? throw new IOException($"the output journal names an unsafe path '{relative}'")
            : relative.Replace('/', Path.DirectorySeparatorChar);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next run's recovery deletes an uncommitted journal.
        }
    }

    /// <summary>A committed journal could not be carried out: the folder is part-way between the two outputs until it is.</summary>
    internal sealed class PendingException(string folder, Exception inner)
        : IOException($"{inner.Message}; the update is journaled in '{folder}' and the next run completes it", inner);
}
