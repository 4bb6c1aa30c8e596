using System.Threading.Tasks;

namespace ContractKit.Reading;

/// <summary>
/// A read whose last step, Microsoft.OpenApi's validation rules, may still be running on another core.
/// </summary>
/// <param name="Unvalidated">
/// The result before the validation rules: the same document, tree and source map as <paramref name="Complete"/>'s,
/// with the diagnostics found so far (a subset of the complete ones). <see langword="null"/> when
/// <paramref name="Complete"/> has finished already. Work on it is speculative: a caller decides nothing from it
/// and uses its output only once the complete result has no errors.
/// </param>
/// <param name="Complete">The result, with every diagnostic: what <see cref="SpecReading.Read"/> returns.</param>
internal sealed record SpecReadInProgress(SpecReadResult? Unvalidated, Task<SpecReadResult> Complete)
{
    /// <summary>A read that has finished.</summary>
    public static SpecReadInProgress Done(SpecReadResult result) => new(Unvalidated: null, Task.FromResult(result));
}
