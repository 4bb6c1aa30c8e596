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
        for (var i = token + 1; i < obj.Next; i = w.Tokens[i + 1].Next)
        {
            if (!Apply(ref w, _schema, Name, i, Annotations.None))
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
