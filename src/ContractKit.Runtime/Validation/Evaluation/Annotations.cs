namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>
/// Which members or items of one object/array have been evaluated (for <c>unevaluated*</c>): a bit range in the
/// walker's per-thread arena, taken and released in stack order. Inactive when no schema above asks.
/// </summary>
internal readonly struct Annotations
{
    public Annotations(int offset, int words)
    {
        Offset = offset;
        Words = words;
    }

    public static Annotations None => new(-1, 0);

    public int Offset { get; }

    public int Words { get; }

    public bool IsActive => Offset >= 0;
}
