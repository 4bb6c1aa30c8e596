using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// <c>required</c>. With the OpenAPI vocabulary, readOnly properties are not required in requests and writeOnly
/// ones not in responses.
/// </summary>
internal sealed class RequiredKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly byte[][] _names;
    private readonly string[] _texts;
    private readonly bool[] _readOnly;
    private readonly bool[] _writeOnly;

    /// <summary>Up to 64 names: one pass over the members marks which are present, instead of a scan per name.</summary>
    private readonly Utf8NameTable? _table;
    private readonly ulong _neededAnyway;
    private readonly ulong _neededInRequests;
    private readonly ulong _neededInResponses;

    public RequiredKeyword(byte[][] names, string[] texts, bool[] readOnly, bool[] writeOnly)
        : base("required")
    {
        _names = names;
        _texts = texts;
        _readOnly = readOnly;
        _writeOnly = writeOnly;
        if (texts.Length is > 0 and <= 64)
        {
            _table = new Utf8NameTable(texts);
            for (var n = 0; n < texts.Length; n++)
            {
                // A name listed twice maps to its first index, so the bits are those IndexOf can set.
                var bit = 1UL << _table.IndexOf(names[n]);
                _neededAnyway |= bit;
                _neededInRequests |= readOnly[n] ? 0 : bit;
                _neededInResponses |= writeOnly[n] ? 0 : bit;
            }
        }
    }

    /// <summary>The names (UTF-8) with their OpenAPI access flags, for the verdict walk's fused member pass.</summary>
    public byte[][] Names => _names;

    public bool[] ReadOnly => _readOnly;

    public bool[] WriteOnly => _writeOnly;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Object)
        {
            return true;
        }

        if (_table is not null && HasAll(ref w, token))
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

    private bool HasAll(ref Walker w, int token)
    {
        var needed = w.Direction switch
        {
            ValidationDirection.Request => _neededInRequests,
            ValidationDirection.Response => _neededInResponses,
            _ => _neededAnyway,
        };
        var seen = 0UL;
        foreach (var (name, _) in w.Members(token))
        {
            var index = _table!.IndexOf(w.Utf8(name));
            if (index >= 0)
            {
                seen |= 1UL << index;
            }
        }

        return (seen & needed) == needed;
    }
}
