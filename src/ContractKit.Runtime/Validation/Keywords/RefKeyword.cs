using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>$ref</c>: the target schema, resolved at compile time, on the same value.</summary>
internal sealed class RefKeyword : Keyword
{
    private readonly SchemaNode _target;

    public RefKeyword(SchemaNode target)
        : base("$ref")
    {
        _target = target;
    }

    public SchemaNode Target => _target;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations) => Apply(ref w, _target, Name, token, annotations);
}
