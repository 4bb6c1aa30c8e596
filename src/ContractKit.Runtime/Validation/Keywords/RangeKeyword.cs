using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c> (draft 4's boolean form compiles to the exclusive ones).</summary>
internal sealed class RangeKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly JsonNumber _limit;
    private readonly bool _upper;
    private readonly bool _exclusive;

    public RangeKeyword(string name, JsonNumber limit, bool upper, bool exclusive)
        : base(name)
    {
        _limit = limit;
        _upper = upper;
        _exclusive = exclusive;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Number)
        {
            return true;
        }

        var n = w.Number(token);
        var c = JsonNumber.Compare(n, _limit);
        var ok = _upper ? (_exclusive ? c < 0 : c <= 0) : (_exclusive ? c > 0 : c >= 0);
        if (ok || !w.Collecting)
        {
            return ok;
        }

        var bound = _upper ? (_exclusive ? "less than" : "at most") : (_exclusive ? "greater than" : "at least");
        return w.Report(token, Name, $"{n} is out of range; the value must be {bound} {_limit}");
    }
}
