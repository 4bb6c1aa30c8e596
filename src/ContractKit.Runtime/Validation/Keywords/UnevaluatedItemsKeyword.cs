using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>unevaluatedItems</c>: items no prefixItems/items/contains (here or in place) evaluated successfully.</summary>
internal sealed class UnevaluatedItemsKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public UnevaluatedItemsKeyword(SchemaNode schema)
        : base("unevaluatedItems")
    {
        _schema = schema;
    }

    public override bool RunsLast => true;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var array = ref w.Tokens[token];
        if (array.Kind != TokenKind.Array)
        {
            return true;
        }

        var ok = true;
        foreach (var (item, index) in w.Items(token))
        {
            if (w.IsMarked(annotations, index))
            {
                continue;
            }

            var valid = _schema.Constant == false
                ? w.Collecting && w.Report(item, Name, $"item {index} is not allowed (not evaluated by any subschema)")
                : Apply(ref w, _schema, Name, item, Annotations.None);
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
