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
            foreach (var (item, _) in w.Items(token))
            {
                if (!_schema.Evaluate(ref w, item, Annotations.None))
                {
                    return false;
                }
            }

            return true;
        }

        var ok = true;
        foreach (var (item, index) in w.Items(token))
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

            if (w.Stops(Apply(ref w, _schema, Name, item, Annotations.None), ref ok))
            {
                return false;
            }
        }

        return ok;
    }
}
