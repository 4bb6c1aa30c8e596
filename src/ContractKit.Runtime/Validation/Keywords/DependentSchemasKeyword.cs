using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>dependentSchemas</c> and draft 4's schema form of <c>dependencies</c>: the whole object against the schema when a member is present.</summary>
internal sealed class DependentSchemasKeyword : Keyword
{
    private readonly byte[][] _triggers;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public DependentSchemasKeyword(string name, byte[][] triggers, SchemaNode[] schemas, string[] segments)
        : base(name)
    {
        _triggers = triggers;
        _schemas = schemas;
        _segments = segments;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Object)
        {
            return true;
        }

        var ok = true;
        for (var t = 0; t < _triggers.Length; t++)
        {
            if (w.FindMember(token, _triggers[t]) >= 0 && !Apply(ref w, _schemas[t], _segments[t], token, annotations))
            {
                ok = false;
                if (!w.Collecting)
                {
                    return false;
                }
            }
        }

        return ok;
    }
}
