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
/// keywords step over children by index without re-reading bytes. No parent link: only error reports need one,
/// and <see cref="InstancePointer"/> finds it by descending from the root.
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

    /// <summary>
    /// <see cref="Length"/> for strings and numbers, <see cref="Count"/> for objects and arrays: one field, so a token
    /// is 16 bytes and a large payload's tape streams through the cache faster. Writers set it directly.
    /// </summary>
    public int Size;

    /// <summary>Index just past this token's subtree (the next sibling, or the parent's end).</summary>
    public int Next;

    /// <summary>Byte length of a string (unescaped) or number literal; 0 for other tokens.</summary>
    public readonly int Length => Kind is TokenKind.String or TokenKind.Number ? Size : 0;

    /// <summary>Members of an object or items of an array; 0 for other tokens.</summary>
    public readonly int Count => Kind >= TokenKind.Object ? Size : 0;
}
