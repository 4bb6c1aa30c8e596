using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>oneOf</c>: exactly one branch.</summary>
internal sealed class OneOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;
    private readonly int _nullableOf;

    public OneOfKeyword(SchemaNode[] schemas, string[] segments)
        : base("oneOf")
    {
        _schemas = schemas;
        _segments = segments;
        _nullableOf = NullableChoice.OtherBranch(schemas);
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        // [X, null] without annotations to collect: for null exactly one matches when X rejects null; otherwise
        // only X can match. Failures in a collecting walk take the full path below, for its messages.
        if (_nullableOf >= 0 && !annotations.IsActive)
        {
            var x = Test(ref w, _schemas[_nullableOf], _segments[_nullableOf], token, Annotations.None);
            if (x != (w.Tokens[token].Kind == Instance.TokenKind.Null))
            {
                return true;
            }

            if (!w.Collecting)
            {
                return false;
            }
        }

        var first = -1;
        for (var i = 0; i < _schemas.Length; i++)
        {
            var branch = annotations.IsActive ? w.BeginAnnotations(token) : Annotations.None;
            var valid = Test(ref w, _schemas[i], _segments[i], token, branch);
            if (valid)
            {
                w.Merge(annotations, branch);
            }

            w.EndAnnotations(branch);
            if (!valid)
            {
                continue;
            }

            if (first >= 0)
            {
                return w.Collecting && w.Report(token, Name, $"value matches more than one schema in oneOf (branches {first} and {i})");
            }

            first = i;
        }

        return first >= 0 || (w.Collecting && BranchDiagnostics.Report(ref w, _schemas, _segments, token, Name, $"value does not match any of the {_schemas.Length} schemas in oneOf"));
    }
}
