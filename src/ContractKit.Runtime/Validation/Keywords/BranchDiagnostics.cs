using System.Collections.Generic;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// When no anyOf/oneOf branch matches, the useful errors are usually those of the one branch of the right type
/// (<c>anyOf: [{type: object, maxProperties: 16}, {type: null}]</c> → "object has 17 properties"). Runs only on
/// the error path, after the verdict is known.
/// </summary>
internal static class BranchDiagnostics
{
    public static bool Report(ref Walker w, SchemaNode[] schemas, string[] segments, int token, string keyword, string summary)
    {
        var here = InstancePointer.Of(w, token);
        List<ValidationError>? chosen = null;
        var candidates = 0;
        for (var i = 0; i < schemas.Length; i++)
        {
            var errors = w.Capture(schemas[i], segments[i], token);
            if (errors.Count == 0 || OnlyTypeMismatch(errors, here))
            {
                continue;
            }

            candidates++;
            chosen = errors;
        }

        if (candidates == 1)
        {
            w.AddAll(chosen!);
            return false;
        }

        return w.Report(token, keyword, summary);
    }

    private static bool OnlyTypeMismatch(List<ValidationError> errors, string here)
    {
        foreach (var e in errors)
        {
            if (!(e.InstanceLocation == here && e.Keyword is "type" or "const" or "enum" or "false"))
            {
                return false;
            }
        }

        return true;
    }
}
