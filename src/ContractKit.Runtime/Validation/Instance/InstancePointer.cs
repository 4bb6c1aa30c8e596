using System.Collections.Generic;
using System.Text;
using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Instance;

/// <summary>Builds the JSON Pointer of a token by descending the tape from the root; only runs when an error is reported.</summary>
internal static class InstancePointer
{
    public static string Of(in Walker w, int token)
    {
        if (token < 0 || token >= w.State.Tape.Count)
        {
            return "";
        }

        var tokens = w.Tokens;
        if (tokens[token].IsName)
        {
            token++;
        }

        // Down from the root: in each container, step over siblings (a member is its name and value) to the one
        // holding the token. Costs what counting the array index already cost: the siblings before it.
        var segments = new List<string>();
        var current = 0;
        while (current != token)
        {
            var child = current + 1;
            var index = 0;
            while (true)
            {
                var end = tokens[child].IsName ? tokens[child + 1].Next : tokens[child].Next;
                if (token < end)
                {
                    break;
                }

                child = end;
                index++;
            }

            if (tokens[current].Kind == TokenKind.Object)
            {
                segments.Add(JsonPointer.Escape(w.String(child)));
                child++;
            }
            else
            {
                segments.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            current = child;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            sb.Append('/').Append(segments[i]);
        }

        return sb.ToString();
    }
}
