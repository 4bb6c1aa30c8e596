using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>multipleOf</c>: exact in decimal where both numbers fit, so 0.0075 is a multiple of 0.0001.</summary>
internal sealed class MultipleOfKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly JsonNumber _divisor;

    public MultipleOfKeyword(JsonNumber divisor)
        : base("multipleOf")
    {
        _divisor = divisor;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Number)
        {
            return true;
        }

        var n = w.Number(token);
        return n.IsMultipleOf(_divisor) || (w.Collecting && w.Report(token, Name, $"{n} is not a multiple of {_divisor}"));
    }
}
