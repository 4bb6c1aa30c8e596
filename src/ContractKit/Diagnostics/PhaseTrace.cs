using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Threading;

namespace ContractKit.Diagnostics;

/// <summary>
/// Where a run's time goes: with <c>CONTRACTKIT_TRACE=1</c> each stage writes one line to stderr with the time since
/// the process started (so the runtime's own start-up shows as the first gap) and since the previous mark on the
/// same thread, with the garbage collections (and the time they paused the program) and JIT compilations so far. Off by default, and then a mark costs one
/// static field read.
/// </summary>
public static class PhaseTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CONTRACTKIT_TRACE") is "1" or "true";
    private static readonly DateTime ProcessStart = Enabled ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;
    private static readonly ThreadLocal<long> Last = new();

    /// <summary>Records that <paramref name="phase"/> has just finished.</summary>
    /// <param name="phase">A short name: <c>read.yaml</c>, <c>model</c>, <c>lint.rules</c>….</param>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var since = Last.Value == 0 ? 0 : Stopwatch.GetElapsedTime(Last.Value, now).TotalMilliseconds;
        Last.Value = now;
        var total = (DateTime.UtcNow - ProcessStart).TotalMilliseconds;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"trace: {total,7:F0} ms  +{since,6:F0} ms  {phase} (thread {Environment.CurrentManagedThreadId}, GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, JIT {JitInfo.GetCompiledMethodCount()} methods {JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms)"));
    }
}
