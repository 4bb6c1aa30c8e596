namespace ContractKit.Runtime.Validation.Instance;

/// <summary>
/// The children of a container token, in order: an object's members (each its name token; the value is the next
/// token) or an array's items, found by stepping over subtrees. The one member/item walk of the keywords; a struct
/// enumerator, so <c>foreach</c> over it allocates nothing.
/// </summary>
internal struct TapeChildren
{
    private readonly TapeToken[] _tokens;
    private readonly int _end;

    /// <summary>1 for members (step over the value after the name), 0 for items.</summary>
    private readonly int _valueOffset;
    private int _next;
    private int _current;
    private int _ordinal;

    private TapeChildren(TapeToken[] tokens, int container, int valueOffset)
    {
        _tokens = tokens;
        _end = tokens[container].Next;
        _valueOffset = valueOffset;
        _next = container + 1;
        _current = -1;
        _ordinal = -1;
    }

    /// <summary>The members of the object at <paramref name="obj"/>: (name token, ordinal).</summary>
    public static TapeChildren Members(TapeToken[] tokens, int obj) => new(tokens, obj, 1);

    /// <summary>The items of the array at <paramref name="array"/>: (item token, index).</summary>
    public static TapeChildren Items(TapeToken[] tokens, int array) => new(tokens, array, 0);

    /// <summary>A member's name token or an item's token, and its position (member ordinal, item index).</summary>
    public readonly (int Token, int Ordinal) Current => (_current, _ordinal);

    public readonly TapeChildren GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next >= _end)
        {
            return false;
        }

        _current = _next;
        _ordinal++;
        _next = _tokens[_current + _valueOffset].Next;
        return true;
    }
}
