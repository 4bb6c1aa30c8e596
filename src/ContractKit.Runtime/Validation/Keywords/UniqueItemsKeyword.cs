using System;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>uniqueItems: true</c> by JSON equality; large arrays are sorted by hash first so the check stays near-linear.</summary>
internal sealed class UniqueItemsKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private const int PairwiseLimit = 16;

    public UniqueItemsKeyword()
        : base("uniqueItems")
    {
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var array = ref w.Tokens[token];
        if (array.Kind != TokenKind.Array || array.Count < 2)
        {
            return true;
        }

        return array.Count <= PairwiseLimit ? Pairwise(ref w, token) : Hashed(ref w, token);
    }

    private bool Pairwise(ref Walker w, int token)
    {
        var end = w.Tokens[token].Next;
        var a = 0;
        for (var i = token + 1; i < end; i = w.Tokens[i].Next, a++)
        {
            var b = a + 1;
            for (var j = w.Tokens[i].Next; j < end; j = w.Tokens[j].Next, b++)
            {
                if (w.AreEqual(i, j))
                {
                    return Fail(ref w, token, a, b);
                }
            }
        }

        return true;
    }

    private bool Hashed(ref Walker w, int token)
    {
        var state = w.State;
        var count = w.Tokens[token].Count;
        if (state.Items.Length < count)
        {
            state.Items = new int[Math.Max(count, state.Items.Length * 2)];
            state.ItemHashes = new int[state.Items.Length];
        }

        var items = state.Items.AsSpan(0, count);
        var hashes = state.ItemHashes.AsSpan(0, count);
        var n = 0;
        for (var i = token + 1; i < w.Tokens[token].Next; i = w.Tokens[i].Next, n++)
        {
            items[n] = i;
            hashes[n] = w.Hash(i);
        }

        hashes.Sort(items);
        for (var i = 1; i < count; i++)
        {
            for (var j = i - 1; j >= 0 && hashes[j] == hashes[i]; j--)
            {
                if (w.AreEqual(items[i], items[j]))
                {
                    return Fail(ref w, token, Ordinal(ref w, token, Math.Min(items[i], items[j])), Ordinal(ref w, token, Math.Max(items[i], items[j])));
                }
            }
        }

        return true;
    }

    private bool Fail(ref Walker w, int token, int a, int b) =>
        w.Collecting && w.Report(token, Name, $"array items {a} and {b} are equal; items must be unique");

    private static int Ordinal(ref Walker w, int array, int item)
    {
        var index = 0;
        for (var i = array + 1; i < item; i = w.Tokens[i].Next)
        {
            index++;
        }

        return index;
    }
}
