using System;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>A hash consistent with <see cref="AreEqual(int, int)"/>: equal JSON values (1 and 1.0, reordered members) hash alike.</summary>
internal ref partial struct Walker
{
    public readonly int Hash(int token)
    {
        ref readonly var t = ref Tokens[token];
        switch (t.Kind)
        {
            case TokenKind.Number:
            {
                var d = Number(token).Double;
                return d == 0 ? 0 : d.GetHashCode();
            }

            case TokenKind.String:
                return Fnv(Utf8(token));
            case TokenKind.Array:
            {
                var h = 17;
                for (var i = token + 1; i < t.Next; i = Tokens[i].Next)
                {
                    h = unchecked((h * 31) + Hash(i));
                }

                return h;
            }

            case TokenKind.Object:
            {
                // Member order is irrelevant to equality, so members combine with a commutative sum.
                var h = 23;
                for (var i = token + 1; i < t.Next; i = Tokens[i + 1].Next)
                {
                    h = unchecked(h + ((Fnv(Utf8(i)) * 31) ^ Hash(i + 1)));
                }

                return h;
            }

            default:
                return (int)t.Kind + 1;
        }
    }

    private static int Fnv(ReadOnlySpan<byte> bytes)
    {
        var h = unchecked((int)2166136261);
        foreach (var b in bytes)
        {
            h = unchecked((h ^ b) * 16777619);
        }

        return h;
    }
}
