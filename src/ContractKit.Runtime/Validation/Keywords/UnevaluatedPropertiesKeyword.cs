using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>unevaluatedProperties</c>: members no sibling or in-place subschema evaluated successfully.</summary>
internal sealed class UnevaluatedPropertiesKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public UnevaluatedPropertiesKeyword(SchemaNode schema)
        : base("unevaluatedProperties")
    {
        _schema = schema;
    }

    public override bool RunsLast => true;

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
            if (w.IsMarked(annotations, ordinal))
            {
                continue;
            }

            var valid = _schema.Constant == false
                ? w.Collecting && w.Report(name, Name, $"property '{w.String(name)}' is not allowed (not evaluated by any subschema)")
                : Apply(ref w, _schema, Name, name + 1, Annotations.None);
            if (w.Stops(valid, ref ok))
            {
                return false;
            }
        }

        if (ok)
        {
            w.MarkAll(annotations);
        }

        return ok;
    }
}
