using Xunit;

namespace ContractKit.Tests;

/// <summary>A fact that needs ../shared/corpus; reported as skipped, with the reason, when the corpus is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.Root is null)
        {
            Skip = Corpus.MissingReason;
        }
    }
}

/// <summary>A theory that needs ../shared/corpus; reported as skipped, with the reason, when the corpus is absent.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (Corpus.Root is null)
        {
            Skip = Corpus.MissingReason;
        }
    }
}
