using System.Text.RegularExpressions;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>patternProperties</c>: members whose name matches a pattern against that pattern's schema.</summary>
internal sealed class PatternPropertiesKeyword : Keyword
{
    private readonly Regex[] _patterns;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public PatternPropertiesKeyword(Regex[] patterns, SchemaNode[] schemas, string[] segments)
        : base("patternProperties")
    {
        _patterns = patterns;
        _schemas = schemas;
        _segments = segments;
    }

    public Regex[] Patterns => _patterns;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var obj = ref w.Tokens[token];
        if (obj.Kind != TokenKind.Object)
        {
            return true;
        }

        var ok = true;
        var ordinal = 0;
        for (var i = token + 1; i < obj.Next; i = w.Tokens[i + 1].Next, ordinal++)
        {
            for (var p = 0; p < _patterns.Length; p++)
            {
                if (!Matches(ref w, _patterns[p], i))
                {
                    continue;
                }

                w.Mark(annotations, ordinal);
                if (!Apply(ref w, _schemas[p], _segments[p], i + 1, Annotations.None))
                {
                    ok = false;
                    if (!w.Collecting)
                    {
                        return false;
                    }
                }
            }
        }

        return ok;
    }

    internal static bool Matches(ref Walker w, Regex regex, int nameToken)
    {
        try
        {
            return regex.IsMatch(w.Chars(nameToken));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
