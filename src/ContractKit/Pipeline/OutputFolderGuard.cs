using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace ContractKit.Pipeline;

/// <summary>
/// What makes writing an output folder safe against a second writer and against being killed: an exclusive lock per
/// folder, the recovery of what a killed run left beside the folder, and the swap as one atomic exchange of two
/// directory entries where the system has one (Linux), so that the folder is at every instant either the old or the new output.
/// </summary>
internal sealed class OutputFolderGuard : IDisposable
{
    /// <summary>How long a run waits for another one writing the same folder.</summary>
    internal static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);

    private readonly FileStream _lock;

    private OutputFolderGuard(FileStream handle) => _lock = handle;

    /// <summary>
    /// Takes the folder's lock, waiting up to <paramref name="wait"/>, then recovers leftovers of a killed run. Null
    /// when another run still holds it. The lock is a file in the temporary folder named after the output path, so
    /// the output's own folder gets no extra entry; the operating system drops it when the process dies.
    /// </summary>
    public static OutputFolderGuard? Acquire(string target, TimeSpan wait)
    {
        var path = LockPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            FileStream handle;
            try
            {
                handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < wait)
            {
                Thread.Sleep(50);
                continue;
            }
            catch (IOException)
            {
                return null;
            }

            var guard = new OutputFolderGuard(handle);
            try
            {
                Recover(target);
                return guard;
            }
            catch
            {
                guard.Dispose();
                throw;
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    private static string LockPath(string target)
    {
        var key = OperatingSystem.IsLinux() ? target : target.ToUpperInvariant();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        return Path.Combine(Path.GetTempPath(), "contractkit-locks", hash + ".lock");
    }

    /// <summary>
    /// Puts back an old output a killed run had moved aside without putting the new one in place (only possible
    /// where the swap is two renames), then removes every staging or old folder a killed run left. Runs under the lock,
    /// so none of them belongs to a live run.
    /// </summary>
    private static void Recover(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        var name = Path.GetFileName(target);
        var olds = Directory.GetDirectories(parent, $".{name}.old-*");
        if (!Directory.Exists(target) && olds.Length > 0)
        {
            var newest = olds.OrderByDescending(Directory.GetLastWriteTimeUtc).First();
            Directory.Move(newest, target);
        }

        OutputJournal.Recover(target);
        foreach (var leftover in Directory.GetDirectories(parent, $".{name}.staging-*").Concat(Directory.GetDirectories(parent, $".{name}.old-*")))
        {
            Directory.Delete(leftover, recursive: true);
        }
    }

    /// <summary>
    /// Puts <paramref name="staging"/> in place of the existing <paramref name="target"/>; afterwards
    /// <paramref name="aside"/> holds the old output. One atomic exchange on Linux; elsewhere (or where the file
    /// system refuses it) two renames, putting the old one back if the second fails.
    /// </summary>
    public static void Replace(string target, string staging, string aside)
    {
        if (OperatingSystem.IsLinux() && NativeMethods.Exchange(staging, target))
        {
            Directory.Move(staging, aside);
            return;
        }

        Directory.Move(target, aside);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(aside, target);
            throw;
        }
    }

    /// <summary>Makes <paramref name="link"/> a second name of the file <paramref name="existing"/>; false where the system or file system cannot.</summary>
    public static bool TryHardLink(string existing, string link) =>
        !OperatingSystem.IsWindows() && NativeMethods.Link(existing, link);

    private static class NativeMethods
    {
        private const int AtCurrentDirectory = -100;
        private const uint RenameExchange = 2;

        /// <summary>Swaps two directory entries atomically; false when the system or file system cannot.</summary>
        public static bool Exchange(string first, string second)
        {
            try
            {
                return renameat2(AtCurrentDirectory, Terminated(first), AtCurrentDirectory, Terminated(second), RenameExchange) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        /// <summary>link(2) (Linux, macOS and the BSDs); false on any failure, e.g. a file system without hard links.</summary>
        public static bool Link(string existing, string link)
        {
            try
            {
                return NativeLink(Terminated(existing), Terminated(link)) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        private static byte[] Terminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libc", SetLastError = true)]
        private static extern int renameat2(int oldDirectory, byte[] oldPath, int newDirectory, byte[] newPath, uint flags);

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int NativeLink(byte[] existing, byte[] link);
    }
}
