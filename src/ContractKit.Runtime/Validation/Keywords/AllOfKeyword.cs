using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>allOf</c>: every branch; branch errors are reported as they are.</summary>
internal sealed class AllOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public AllOfKeyword(SchemaNode[] schemas, string[] segments)
        : base("allOf")
    {
        _schemas = schemas;
        _segments = segments;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        var ok = true;
        for (var i = 0; i < _schemas.Length; i++)
        {
            if (!Apply(ref w, _schemas[i], _segments[i], token, annotations))
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
