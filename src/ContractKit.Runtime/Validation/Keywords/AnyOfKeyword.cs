using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>anyOf</c>: at least one branch. All branches run when annotations are collected (unevaluated*).</summary>
internal sealed class AnyOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;
    private readonly int _nullableOf;

    public AnyOfKeyword(SchemaNode[] schemas, string[] segments)
        : base("anyOf")
    {
        _schemas = schemas;
        _segments = segments;
        _nullableOf = NullableChoice.OtherBranch(schemas);
    }

    /// <summary>X of an <c>anyOf: [X, {"type":"null"}]</c>; null for any other anyOf.</summary>
    public SchemaNode? NonNullBranch => _nullableOf >= 0 ? _schemas[_nullableOf] : null;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        // [X, null] without annotations to collect: null passes by the null branch, anything else is X's verdict.
        // A failure in a collecting walk takes the full path below, for the diagnostics of both branches.
        if (_nullableOf >= 0 && !annotations.IsActive)
        {
            if (w.Tokens[token].Kind == Instance.TokenKind.Null ||
                Test(ref w, _schemas[_nullableOf], _segments[_nullableOf], token, Annotations.None))
            {
                return true;
            }

            if (!w.Collecting)
            {
                return false;
            }
        }

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
