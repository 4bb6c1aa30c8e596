using System;
using System.Text;

namespace ContractKit.Runtime.Validation.Instance;

internal static class Utf8Text
{
    /// <summary>Unicode code points in valid UTF-8: every byte that does not continue a sequence starts one.</summary>
    public static int CodePoints(ReadOnlySpan<byte> utf8)
    {
        var n = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                n++;
            }
        }

        return n;
    }

    public static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
