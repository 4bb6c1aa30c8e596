using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>minLength</c>/<c>maxLength</c> in Unicode code points (a surrogate pair counts once).</summary>
internal sealed class LengthKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly long _limit;
    private readonly bool _upper;

    public LengthKeyword(string name, long limit, bool upper)
        : base(name)
    {
        _limit = limit;
        _upper = upper;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.String)
        {
            return true;
        }

        var bytes = w.Utf8(token);

        // Byte count bounds the code point count from above, and a quarter of it from below: skip counting when decisive.
        if (_upper ? bytes.Length <= _limit : bytes.Length / 4 >= _limit)
        {
            return true;
        }

        var length = Utf8Text.CodePoints(bytes);
        var ok = _upper ? length <= _limit : length >= _limit;
        return ok || (w.Collecting && w.Report(token, Name,
            _upper ? $"string is {length} characters; at most {_limit} are allowed" : $"string is {length} characters; at least {_limit} are required"));
    }
}
