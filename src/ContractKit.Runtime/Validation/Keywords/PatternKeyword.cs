using System.Text.RegularExpressions;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>pattern</c>: an unanchored ECMA-262-style search, bounded in time.</summary>
internal sealed class PatternKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly Regex _regex;
    private readonly string _pattern;

    public PatternKeyword(Regex regex, string pattern)
        : base("pattern")
    {
        _regex = regex;
        _pattern = pattern;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.String)
        {
            return true;
        }

        try
        {
            return _regex.IsMatch(w.Chars(token)) || (w.Collecting && w.Report(token, Name, $"string does not match the pattern '{_pattern}'"));
        }
        catch (RegexMatchTimeoutException)
        {
            return w.Report(token, Name, $"matching the pattern '{_pattern}' took too long; the value is rejected");
        }
    }
}
