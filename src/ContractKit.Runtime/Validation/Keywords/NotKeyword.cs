using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>not</c>: the branch must fail; its annotations are dropped.</summary>
internal sealed class NotKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public NotKeyword(SchemaNode schema)
        : base("not")
    {
        _schema = schema;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations) =>
        !Test(ref w, _schema, Name, token, Annotations.None) || (w.Collecting && w.Report(token, Name, "value must not match the schema in 'not'"));
}
