using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>prefixItems</c> (2020-12) and draft 4's array form of <c>items</c>: item i against schema i.</summary>
internal sealed class TupleItemsKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public TupleItemsKeyword(string name, SchemaNode[] schemas)
        : base(name)
    {
        _schemas = schemas;
        _segments = new string[schemas.Length];
        for (var i = 0; i < schemas.Length; i++)
        {
            _segments[i] = name + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

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
            if (index >= _schemas.Length)
            {
                break;
            }

            w.Mark(annotations, index);
            if (w.Stops(Apply(ref w, _schemas[index], _segments[index], item, Annotations.None), ref ok))
            {
                return false;
            }
        }

        return ok;
    }
}
