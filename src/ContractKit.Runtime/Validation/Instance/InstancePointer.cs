using System.Collections.Generic;
using System.Text;
using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Instance;

/// <summary>Builds the JSON Pointer of a token from the tape's parent links; only runs when an error is reported.</summary>
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

        var segments = new List<string>();
        while (tokens[token].Parent >= 0)
        {
            var parent = tokens[token].Parent;
            if (tokens[parent].Kind == TokenKind.Object)
            {
                segments.Add(Utf8Text.EscapePointerToken(w.String(token - 1)));
            }
            else
            {
                var index = 0;
                for (var i = parent + 1; i < token; i = tokens[i].Next)
                {
                    index++;
                }

                segments.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            token = parent;
        }

        var sb = new StringBuilder();
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            sb.Append('/').Append(segments[i]);
        }

        return sb.ToString();
    }
}
