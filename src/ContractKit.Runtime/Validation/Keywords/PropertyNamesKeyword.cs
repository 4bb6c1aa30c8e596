using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>propertyNames</c>: every member name, as a string, against the schema.</summary>
internal sealed class PropertyNamesKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public PropertyNamesKeyword(SchemaNode schema)
        : base("propertyNames")
    {
        _schema = schema;
    }

    public SchemaNode Schema => _schema;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var obj = ref w.Tokens[token];
        if (obj.Kind != TokenKind.Object)
        {
            return true;
        }

        var ok = true;
        foreach (var (name, _) in w.Members(token))
        {
            if (w.Stops(Apply(ref w, _schema, Name, name, Annotations.None), ref ok))
            {
                return false;
            }
        }

        return ok;
    }
}
