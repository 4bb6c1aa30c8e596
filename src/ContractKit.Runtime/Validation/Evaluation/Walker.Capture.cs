using System.Collections.Generic;

namespace ContractKit.Runtime.Validation.Evaluation;

internal ref partial struct Walker
{
    /// <summary>Evaluates <paramref name="node"/> collecting its errors into a separate list (error path only).</summary>
    public List<ValidationError> Capture(SchemaNode node, string segment, int token)
    {
        var saved = Errors;
        var savedTruncated = Truncated;
        var savedSuppress = Suppress;
        var captured = new List<ValidationError>();
        Errors = captured;
        Truncated = false;
        Suppress = 0;
        PushPath(segment);
        node.Evaluate(ref this, token, Annotations.None);
        PopPath();
        Errors = saved;
        Truncated = savedTruncated;
        Suppress = savedSuppress;
        return captured;
    }

    public void AddAll(List<ValidationError> errors)
    {
        Errors ??= new List<ValidationError>();
        foreach (var e in errors)
        {
            if (Errors.Count >= _maxErrors)
            {
                Truncated = true;
                return;
            }

            Errors.Add(e);
        }
    }
}
