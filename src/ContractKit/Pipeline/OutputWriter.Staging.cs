using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;

namespace ContractKit.Pipeline;

/// <summary>The staging of a first generation, file by file while they are generated (moved out of OutputWriter.cs unchanged).</summary>
public static partial class OutputWriter
{
    /// <summary>
    /// A hidden sibling of the output folder that collects a generation's files while they are generated. Nothing
    /// is visible in the output folder until <see cref="Commit"/>; disposing without committing removes it.
    /// </summary>
    public sealed class OutputStaging : IDisposable
    {
        private readonly string _target;
        private readonly string _staging;
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);
        private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
        private readonly BlockingCollection<GeneratedFile> _queue = [];
        private readonly Thread _writer;
        private readonly OutputFolderGuard _guard;
        private Exception? _failure;
        private bool _disposed;

        internal OutputStaging(string target, string staging, OutputFolderGuard guard)
        {
            _target = target;
            _staging = staging;
            _guard = guard;

            // One thread creates the files, while the generator keeps both cores: creating files in one folder is
            // serialized by the file system anyway, and more threads only spin on its lock.
            _writer = new Thread(WriteQueued) { IsBackground = true, Name = "ContractKit output writer" };
            _writer.Start();
        }

        /// <summary>Queues one file for the staging folder; safe to call from several threads. A failure is kept for <see cref="Commit"/>.</summary>
        public void Add(GeneratedFile file)
        {
            ArgumentNullException.ThrowIfNull(file);
            if (Volatile.Read(ref _failure) is null)
            {
                _queue.Add(file);
            }
        }

        private void WriteQueued()
        {
            foreach (var file in _queue.GetConsumingEnumerable())
            {
                WriteOne(file);
            }
        }

        private void WriteOne(GeneratedFile file)
        {
            if (Volatile.Read(ref _failure) is not null)
            {
                return;
            }

            try
            {
                var path = Path.Combine(_staging, ToLocal(file.RelativePath));
                var directory = Path.GetDirectoryName(path)!;
                if (_directories.Add(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                WriteNew(path, file.Content);
                _written.Add(file.RelativePath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                Volatile.Write(ref _failure, ex);
            }
        }

        /// <summary>Lets the writer finish what is queued.</summary>
        private void Drain()
        {
            if (!_queue.IsAddingCompleted)
            {
                _queue.CompleteAdding();
            }

            _writer.Join();
        }

        /// <summary>Waits for the queued files, writes what <see cref="Add"/> did not get, the manifest, and swaps the folder in; the same outcomes as <see cref="Write(string, IReadOnlyList{GeneratedFile})"/>.</summary>
        public (WriteOutcome Outcome, Diagnostic? Error) Commit(IReadOnlyList<GeneratedFile> files)
        {
            ArgumentNullException.ThrowIfNull(files);
            var manifest = Manifest(files);
            Drain();
            try
            {
                foreach (var file in files)
                {
                    if (!_written.Contains(file.RelativePath))
                    {
                        WriteOne(file);
                    }
                }

                if (_failure is not null)
                {
                    ExceptionDispatchInfo.Capture(_failure).Throw();
                }

                // The folder was empty when staging started; check again before replacing it.
                var previous = ReadOwnership(_target);
                if (previous is null)
                {
                    return (WriteOutcome.Failed, NotOwned(_target));
                }

                SwapIn(_target, _staging, previous, files, manifest);
                return (WriteOutcome.Written, null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                return (WriteOutcome.Failed, WriteFailed(_target, ex));
            }
            finally
            {
                TryDelete(_staging);
            }
        }

        /// <summary>Removes the staging folder (nothing, after <see cref="Commit"/>).</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Drain();
            _queue.Dispose();
            TryDelete(_staging);
            _guard.Dispose();
        }
    }
}
