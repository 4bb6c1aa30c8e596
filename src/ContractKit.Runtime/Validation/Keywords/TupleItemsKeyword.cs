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
        var index = 0;
        for (var i = token + 1; i < array.Next && index < _schemas.Length; i = w.Tokens[i].Next, index++)
        {
            w.Mark(annotations, index);
            if (!Apply(ref w, _schemas[index], _segments[index], i, Annotations.None))
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
