using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>properties</c>: each named member against its schema; names matched on UTF-8 bytes.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    private readonly Utf8NameTable _names;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public PropertiesKeyword(Utf8NameTable names, SchemaNode[] schemas, string[] segments)
        : base("properties")
    {
        _names = names;
        _schemas = schemas;
        _segments = segments;
    }

    public Utf8NameTable Names => _names;

    public SchemaNode[] Schemas => _schemas;

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
            var index = _names.IndexOf(w.Utf8(name));
            if (index < 0)
            {
                continue;
            }

            w.Mark(annotations, ordinal);
            if (w.Stops(Apply(ref w, _schemas[index], _segments[index], name + 1, Annotations.None), ref ok))
            {
                return false;
            }
        }

        return ok;
    }
}
