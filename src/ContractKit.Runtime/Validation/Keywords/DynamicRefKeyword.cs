using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// <c>$dynamicRef</c>: when the static target is a <c>$dynamicAnchor</c>, the outermost resource in the dynamic
/// scope declaring the same anchor wins; otherwise it behaves like <c>$ref</c>.
/// </summary>
internal sealed class DynamicRefKeyword : Keyword
{
    private readonly SchemaNode _static;
    private readonly string? _anchor;

    public DynamicRefKeyword(SchemaNode target, string? dynamicAnchor)
        : base("$dynamicRef")
    {
        _static = target;
        _anchor = dynamicAnchor;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        var target = _anchor is null ? _static : w.FindDynamicAnchor(_anchor) ?? _static;
        return Apply(ref w, target, Name, token, annotations);
    }
}
