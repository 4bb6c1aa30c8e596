namespace ContractKit.Runtime.Validation.Instance;

internal enum TokenKind : byte
{
    Null,
    False,
    True,
    Number,
    String,
    Object,
    Array,
}

/// <summary>
/// One JSON value (or property name) of a tokenized payload. Containers know where their subtree ends, so
/// keywords step over children by index without re-reading bytes.
/// </summary>
internal struct TapeToken
{
    public TokenKind Kind;

    /// <summary>The string's bytes are unescaped into <see cref="JsonTape.Unescaped"/> rather than the payload.</summary>
    public bool InSideBuffer;

    /// <summary>A property name (kind String); its value is the next token.</summary>
    public bool IsName;

    /// <summary>Byte offset of the value (string content without quotes; number literal).</summary>
    public int Start;

    public int Length;

    /// <summary>Index just past this token's subtree (the next sibling, or the parent's end).</summary>
    public int Next;

    /// <summary>Index of the enclosing object or array; -1 for the root.</summary>
    public int Parent;

    /// <summary>Members of an object or items of an array.</summary>
    public int Count;
}
