using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>OpenAPI <c>readOnly</c>/<c>writeOnly</c>: a readOnly property sent in a request, or a writeOnly one in a response, is an error.</summary>
internal sealed class PropertyAccessKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly Utf8NameTable _names;
    private readonly bool[] _readOnly;
    private readonly bool[] _writeOnly;
    private readonly string[] _segments;

    public PropertyAccessKeyword(Utf8NameTable names, string[] segments, bool[] readOnly, bool[] writeOnly)
        : base("properties")
    {
        _names = names;
        _segments = segments;
        _readOnly = readOnly;
        _writeOnly = writeOnly;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var obj = ref w.Tokens[token];
        if (obj.Kind != TokenKind.Object || w.Direction == ValidationDirection.None)
        {
            return true;
        }

        var ok = true;
        foreach (var (name, _) in w.Members(token))
        {
            var index = _names.IndexOf(w.Utf8(name));
            if (index < 0)
            {
                continue;
            }

            if (w.Direction == ValidationDirection.Request && _readOnly[index])
            {
                ok = false;
                Report(ref w, index, name, "readOnly", "read-only; it must not be sent in a request");
            }
            else if (w.Direction == ValidationDirection.Response && _writeOnly[index])
            {
                ok = false;
                Report(ref w, index, name, "writeOnly", "write-only; it must not appear in a response");
            }

            if (!ok && !w.Collecting)
            {
                return false;
            }
        }

        return ok;
    }

    private void Report(ref Walker w, int index, int nameToken, string keyword, string why)
    {
        if (!w.Collecting)
        {
            return;
        }

        w.PushPath(_segments[index]);
        w.Report(nameToken + 1, keyword, $"property '{w.String(nameToken)}' is {why}");
        w.PopPath();
    }
}
