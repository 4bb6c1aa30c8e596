using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>minItems</c>/<c>maxItems</c> and <c>minProperties</c>/<c>maxProperties</c>.</summary>
internal sealed class CountKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly long _limit;
    private readonly bool _upper;
    private readonly TokenKind _kind;

    public CountKeyword(string name, long limit, bool upper, TokenKind kind)
        : base(name)
    {
        _limit = limit;
        _upper = upper;
        _kind = kind;
    }

    public long Limit => _limit;

    public bool Upper => _upper;

    public TokenKind Kind => _kind;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var t = ref w.Tokens[token];
        if (t.Kind != _kind)
        {
            return true;
        }

        var ok = _upper ? t.Count <= _limit : t.Count >= _limit;
        if (ok || !w.Collecting)
        {
            return ok;
        }

        var what = _kind == TokenKind.Array ? "array" : "object";
        var unit = _kind == TokenKind.Array ? "items" : "properties";
        return w.Report(token, Name, $"{what} has {t.Count} {unit}; {(_upper ? "at most" : "at least")} {_limit} {(_upper ? "are allowed" : "are required")}");
    }
}
