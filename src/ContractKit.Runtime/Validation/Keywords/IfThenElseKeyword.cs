using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>if</c>/<c>then</c>/<c>else</c>: the condition only selects; its annotations count when it holds.</summary>
internal sealed class IfThenElseKeyword : Keyword
{
    private readonly SchemaNode _if;
    private readonly SchemaNode? _then;
    private readonly SchemaNode? _else;

    public IfThenElseKeyword(SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
        : base("if")
    {
        _if = condition;
        _then = then;
        _else = otherwise;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        var branch = annotations.IsActive ? w.BeginAnnotations(token) : Annotations.None;
        var holds = Test(ref w, _if, "if", token, branch);
        if (holds)
        {
            w.Merge(annotations, branch);
        }

        w.EndAnnotations(branch);
        var next = holds ? _then : _else;
        return next is null || Apply(ref w, next, holds ? "then" : "else", token, annotations);
    }
}
