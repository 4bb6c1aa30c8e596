using System;
using System.Text;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Property names as UTF-8 with an open-addressing hash, so payload names are looked up without decoding.</summary>
internal sealed class Utf8NameTable
{
    private readonly byte[][] _names;
    private readonly int[] _slots;
    private readonly int _mask;

    public Utf8NameTable(string[] names)
    {
        _names = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _names[i] = Encoding.UTF8.GetBytes(names[i]);
        }

        var size = 4;
        while (size < names.Length * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _slots.AsSpan().Fill(-1);
        _mask = size - 1;
        for (var i = 0; i < _names.Length; i++)
        {
            var slot = Hash(_names[i]) & _mask;
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i;
        }
    }

    public int Count => _names.Length;

    public byte[] this[int index] => _names[index];

    /// <summary>Index of <paramref name="name"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        var slot = Hash(name) & _mask;
        while (true)
        {
            var i = _slots[slot];
            if (i < 0)
            {
                return -1;
            }

            if (name.SequenceEqual(_names[i]))
            {
                return i;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Constant time whatever the name's length: the length and the two bytes at each end, which is what tells
    /// schema property names apart in practice (<c>id</c>, <c>object</c>, <c>created_at</c>). The table is at most
    /// half full and a hit is confirmed byte for byte, so a collision costs a probe, never a wrong answer.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var n = bytes.Length;
        var h = (uint)n * 0x9E3779B1u;
        if (n > 0)
        {
            h ^= (bytes[0] | ((uint)bytes[n - 1] << 8) | ((uint)bytes[n >> 1] << 16)) * 0x85EBCA77u;
            if (n > 2)
            {
                h ^= (bytes[1] | ((uint)bytes[n - 2] << 8)) * 0xC2B2AE3Du;
            }
        }

        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 13;
        return (int)(h & 0x7FFFFFFF);
    }
}
