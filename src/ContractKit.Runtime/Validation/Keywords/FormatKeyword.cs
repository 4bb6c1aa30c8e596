using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Formats;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>format</c> when it asserts; unknown formats and annotation-only dialects never compile to this.</summary>
internal sealed class FormatKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly FormatCheck _check;
    private readonly string _format;
    private readonly bool _numeric;

    public FormatKeyword(string format, FormatCheck check, bool numeric)
        : base("format")
    {
        _format = format;
        _check = check;
        _numeric = numeric;
    }

    /// <summary>int32/int64: numbers pass only when integer-valued (in the 2020-12 sense) and in range.</summary>
    public bool IsIntegerRange => _numeric && _format is "int32" or "int64";

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        var kind = w.Tokens[token].Kind;
        if (_numeric ? kind != TokenKind.Number : kind != TokenKind.String)
        {
            return true;
        }

        return _check(ref w, token) || (w.Collecting && w.Report(token, Name, Message(ref w, token)));
    }

    private string Message(ref Walker w, int token) => _numeric
        ? $"{w.Number(token)} is not a valid {_format}" + NumericFormats.Range(_format)
        : $"'{Truncate(w.String(token))}' is not a valid {_format}";

    private static string Truncate(string s) => s.Length <= 64 ? s : s[..64] + "...";
}
