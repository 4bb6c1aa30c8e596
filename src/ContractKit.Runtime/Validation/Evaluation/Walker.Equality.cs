using System;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>JSON equality (1 == 1.0, member order irrelevant) between payload values and schema literals.</summary>
internal ref partial struct Walker
{
    public readonly bool AreEqual(int a, int b)
    {
        ref readonly var x = ref Tokens[a];
        ref readonly var y = ref Tokens[b];
        if (x.Kind != y.Kind || x.Count != y.Count)
        {
            return false;
        }

        switch (x.Kind)
        {
            case TokenKind.Number:
                return JsonNumber.AreEqual(Number(a), Number(b));
            case TokenKind.String:
                return Utf8(a).SequenceEqual(Utf8(b));
            case TokenKind.Array:
            {
                var j = b + 1;
                for (var i = a + 1; i < x.Next; i = Tokens[i].Next, j = Tokens[j].Next)
                {
                    if (!AreEqual(i, j))
                    {
                        return false;
                    }
                }

                return true;
            }

            case TokenKind.Object:
                for (var i = a + 1; i < x.Next; i = Tokens[i + 1].Next)
                {
                    var other = FindMember(b, Utf8(i));
                    if (other < 0 || !AreEqual(i + 1, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    public readonly bool AreEqual(int a, ConstValue v)
    {
        ref readonly var x = ref Tokens[a];
        if (x.Kind != v.Kind)
        {
            return false;
        }

        switch (x.Kind)
        {
            case TokenKind.Number:
                return JsonNumber.AreEqual(Number(a), v.Number);
            case TokenKind.String:
                return Utf8(a).SequenceEqual(v.Utf8);
            case TokenKind.Array:
            {
                if (x.Count != v.Items.Length)
                {
                    return false;
                }

                var k = 0;
                for (var i = a + 1; i < x.Next; i = Tokens[i].Next)
                {
                    if (!AreEqual(i, v.Items[k++]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case TokenKind.Object:
            {
                if (x.Count != v.Names.Length)
                {
                    return false;
                }

                for (var k = 0; k < v.Names.Length; k++)
                {
                    var member = FindMember(a, v.Names[k]);
                    if (member < 0 || !AreEqual(member, v.Items[k]))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return true;
        }
    }

    /// <summary>The value token of the member named <paramref name="name"/>, or -1.</summary>
    public readonly int FindMember(int obj, System.ReadOnlySpan<byte> name)
    {
        var end = Tokens[obj].Next;
        for (var i = obj + 1; i < end; i = Tokens[i + 1].Next)
        {
            if (Utf8(i).SequenceEqual(name))
            {
                return i + 1;
            }
        }

        return -1;
    }
}
