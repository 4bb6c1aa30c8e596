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
        foreach (var (name, ordinal) in w.Members(token))
        {
            for (var p = 0; p < _patterns.Length; p++)
            {
                if (!Matches(ref w, _patterns[p], name))
                {
                    continue;
                }

                w.Mark(annotations, ordinal);
                if (w.Stops(Apply(ref w, _schemas[p], _segments[p], name + 1, Annotations.None), ref ok))
                {
                    return false;
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
