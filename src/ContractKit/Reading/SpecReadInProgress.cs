using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace ContractKit.Reading;

/// <summary>
/// A read whose last step, Microsoft.OpenApi's validation rules, may still be running on another core.
/// </summary>
/// <param name="Unvalidated">
/// The result before the validation rules: the same document, tree and source map as <paramref name="Complete"/>'s,
/// with the diagnostics found so far (a subset of the complete ones). <see langword="null"/> when
/// <paramref name="Complete"/> has finished already. Work on it is speculative: see <see cref="WhileValidating"/>.
/// </param>
/// <param name="Complete">The result, with every diagnostic: what <see cref="SpecReading.Read"/> returns.</param>
internal sealed record SpecReadInProgress(SpecReadResult? Unvalidated, Task<SpecReadResult> Complete)
{
    /// <summary>A read that has finished.</summary>
    public static SpecReadInProgress Done(SpecReadResult result) => new(Unvalidated: null, Task.FromResult(result));

    /// <summary>
    /// Waits for the complete result, doing <paramref name="work"/> meanwhile on the result before validation when
    /// there is one. The work must depend only on the document, tree and source map, which both results share (not on
    /// diagnostics), and only read them.
    /// </summary>
    /// <param name="wanted">
    /// Whether a result calls for the work; decided again on the complete result, which has every diagnostic.
    /// Holds for the complete result only if it held before validation (which only adds diagnostics, or drops the
    /// document when a rule throws).
    /// </param>
    /// <param name="work">The work; run on the complete result when it could not start early.</param>
    /// <returns>
    /// The complete result, and the work's result when it is wanted. Early work that is not wanted after all is
    /// dropped, and so is its exception; otherwise its exception is rethrown, as the same work would throw later.
    /// </returns>
    public async Task<(SpecReadResult Read, T? Result)> WhileValidating<T>(Func<SpecReadResult, bool> wanted, Func<SpecReadResult, T> work)
        where T : class
    {
        T? early = null;
        ExceptionDispatchInfo? failure = null;
        if (Unvalidated is { } unvalidated && wanted(unvalidated))
        {
            try
            {
                early = work(unvalidated);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }

        var read = await Complete.ConfigureAwait(false);
        if (!wanted(read))
        {
            return (read, null);
        }

        failure?.Throw();
        return (read, early ?? work(read));
    }
}
