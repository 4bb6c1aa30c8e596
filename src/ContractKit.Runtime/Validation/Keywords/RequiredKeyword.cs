using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// <c>required</c>. With the OpenAPI vocabulary, readOnly properties are not required in requests and writeOnly
/// ones not in responses.
/// </summary>
internal sealed class RequiredKeyword : Keyword
{
    private readonly byte[][] _names;
    private readonly string[] _texts;
    private readonly bool[] _readOnly;
    private readonly bool[] _writeOnly;

    public RequiredKeyword(byte[][] names, string[] texts, bool[] readOnly, bool[] writeOnly)
        : base("required")
    {
        _names = names;
        _texts = texts;
        _readOnly = readOnly;
        _writeOnly = writeOnly;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Object)
        {
            return true;
        }

        var ok = true;
        for (var n = 0; n < _names.Length; n++)
        {
            if ((w.Direction == ValidationDirection.Request && _readOnly[n]) ||
                (w.Direction == ValidationDirection.Response && _writeOnly[n]) ||
                w.FindMember(token, _names[n]) >= 0)
            {
                continue;
            }

            ok = false;
            if (!w.Collecting)
            {
                return false;
            }

            w.Report(token, Name, $"required property '{_texts[n]}' is missing");
        }

        return ok;
    }
}
