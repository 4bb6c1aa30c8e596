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
        if (_names.Length <= 6)
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if (name.SequenceEqual(_names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

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

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 16777619u;
        }

        return (int)(h & 0x7FFFFFFF);
    }
}
