using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>anyOf</c>: at least one branch. All branches run when annotations are collected (unevaluated*).</summary>
internal sealed class AnyOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public AnyOfKeyword(SchemaNode[] schemas, string[] segments)
        : base("anyOf")
    {
        _schemas = schemas;
        _segments = segments;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        var any = false;
        for (var i = 0; i < _schemas.Length; i++)
        {
            var branch = annotations.IsActive ? w.BeginAnnotations(token) : Annotations.None;
            var valid = Test(ref w, _schemas[i], _segments[i], token, branch);
            if (valid)
            {
                w.Merge(annotations, branch);
            }

            w.EndAnnotations(branch);
            any |= valid;
            if (any && !annotations.IsActive)
            {
                return true;
            }
        }

        return any || (w.Collecting && BranchDiagnostics.Report(ref w, _schemas, _segments, token, Name, $"value does not match any of the {_schemas.Length} schemas in anyOf"));
    }
}
