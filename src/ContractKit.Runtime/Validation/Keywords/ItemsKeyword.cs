using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>items</c> (every item from a start index: 0, or after prefixItems) and draft 4's <c>additionalItems</c>.</summary>
internal sealed class ItemsKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly int _start;

    public ItemsKeyword(string name, SchemaNode schema, int start)
        : base(name)
    {
        _schema = schema;
        _start = start;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var array = ref w.Tokens[token];
        if (array.Kind != TokenKind.Array)
        {
            return true;
        }

        if (!w.KeepsPath && _start == 0 && !annotations.IsActive)
        {
            // The verdict walk with nothing to mark: each item against the schema, first failure decides.
            var tokens = w.Tokens;
            for (var i = token + 1; i < array.Next; i = tokens[i].Next)
            {
                if (!_schema.Evaluate(ref w, i, Annotations.None))
                {
                    return false;
                }
            }

            return true;
        }

        var ok = true;
        var index = 0;
        for (var i = token + 1; i < array.Next; i = w.Tokens[i].Next, index++)
        {
            if (index < _start)
            {
                continue;
            }

            w.Mark(annotations, index);
            if (_schema.Constant == false && w.Collecting)
            {
                w.Report(token, Name, $"array has {array.Count} items; at most {_start} are allowed");
                return false;
            }

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
