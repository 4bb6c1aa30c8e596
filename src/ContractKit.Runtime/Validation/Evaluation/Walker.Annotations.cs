using System;

namespace ContractKit.Runtime.Validation.Evaluation;

internal ref partial struct Walker
{
    /// <summary>Takes a cleared bit range for the members/items of <paramref name="token"/>.</summary>
    public readonly Annotations BeginAnnotations(int token)
    {
        var s = State;
        var words = Math.Max(1, (Tokens[token].Count + 63) >> 6);
        var offset = s.BitsTop;
        if (offset + words > s.Bits.Length)
        {
            Array.Resize(ref s.Bits, Math.Max(offset + words, s.Bits.Length * 2));
        }

        s.Bits.AsSpan(offset, words).Clear();
        s.BitsTop = offset + words;
        return new Annotations(offset, words);
    }

    public readonly void EndAnnotations(in Annotations a)
    {
        if (a.IsActive)
        {
            State.BitsTop = a.Offset;
        }
    }

    public readonly void Mark(in Annotations a, int ordinal)
    {
        if (a.IsActive)
        {
            State.Bits[a.Offset + (ordinal >> 6)] |= 1UL << (ordinal & 63);
        }
    }

    public readonly void MarkAll(in Annotations a)
    {
        if (a.IsActive)
        {
            State.Bits.AsSpan(a.Offset, a.Words).Fill(ulong.MaxValue);
        }
    }

    public readonly bool IsMarked(in Annotations a, int ordinal) =>
        a.IsActive && (State.Bits[a.Offset + (ordinal >> 6)] & (1UL << (ordinal & 63))) != 0;

    public readonly void Merge(in Annotations into, in Annotations from)
    {
        if (!into.IsActive || !from.IsActive)
        {
            return;
        }

        var bits = State.Bits;
        for (var i = 0; i < into.Words && i < from.Words; i++)
        {
            bits[into.Offset + i] |= bits[from.Offset + i];
        }
    }
}
