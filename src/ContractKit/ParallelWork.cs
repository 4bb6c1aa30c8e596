using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace ContractKit;

/// <summary>Data-parallel loops for the stages that use both cores (emitting, writing files, checking examples).</summary>
internal static class ParallelWork
{
    /// <summary><see cref="Parallel.For(int, int, Action{int})"/>, rethrowing the first failure as itself (not wrapped).</summary>
    public static void For(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
