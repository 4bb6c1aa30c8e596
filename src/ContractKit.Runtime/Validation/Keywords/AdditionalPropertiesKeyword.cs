using System.Text.RegularExpressions;
using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>additionalProperties</c>: members named by neither <c>properties</c> nor <c>patternProperties</c>.</summary>
internal sealed class AdditionalPropertiesKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly Utf8NameTable? _names;
    private readonly Regex[] _patterns;

    public AdditionalPropertiesKeyword(SchemaNode schema, Utf8NameTable? names, Regex[] patterns)
        : base("additionalProperties")
    {
        _schema = schema;
        _names = names;
        _patterns = patterns;
    }

    public SchemaNode Schema => _schema;

    /// <summary>The <c>properties</c> table that declares names (null without <c>properties</c>).</summary>
    public Utf8NameTable? Names => _names;

    public bool HasPatterns => _patterns.Length > 0;

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
            if (IsDeclared(ref w, name))
            {
                continue;
            }

            w.Mark(annotations, ordinal);
            var valid = _schema.Constant == false
                ? w.Collecting && w.Report(name, Name, $"property '{w.String(name)}' is not allowed")
                : Apply(ref w, _schema, Name, name + 1, Annotations.None);
            if (w.Stops(valid, ref ok))
            {
                return false;
            }
        }

        return ok;
    }

    private bool IsDeclared(ref Walker w, int nameToken)
    {
        if (_names is not null && _names.IndexOf(w.Utf8(nameToken)) >= 0)
        {
            return true;
        }

        foreach (var p in _patterns)
        {
            if (PatternPropertiesKeyword.Matches(ref w, p, nameToken))
            {
                return true;
            }
        }

        return false;
    }
}
