using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>; the matching items count as evaluated.</summary>
internal sealed class ContainsKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly long _min;
    private readonly long _max;

    public ContainsKeyword(SchemaNode schema, long min, long max)
        : base("contains")
    {
        _schema = schema;
        _min = min;
        _max = max;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var array = ref w.Tokens[token];
        if (array.Kind != TokenKind.Array)
        {
            return true;
        }

        long matches = 0;
        foreach (var (item, index) in w.Items(token))
        {
            if (Test(ref w, _schema, Name, item, Annotations.None))
            {
                matches++;
                w.Mark(annotations, index);
            }
        }

        if (matches < _min)
        {
            return w.Collecting && w.Report(token, _min == 1 ? Name : "minContains",
                $"array has {matches} items matching 'contains'; at least {_min} are required");
        }

        if (matches > _max)
        {
            return w.Collecting && w.Report(token, "maxContains",
                $"array has {matches} items matching 'contains'; at most {_max} are allowed");
        }

        return true;
    }
}
