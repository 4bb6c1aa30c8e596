using System;

namespace ContractKit.Runtime.Validation.Formats;

internal static class IpFormats
{
    public static bool IsIPv4(ReadOnlySpan<char> s)
    {
        var parts = 0;
        foreach (var range in s.Split('.'))
        {
            var p = s[range];
            if (++parts > 4 || p.Length is 0 or > 3 || (p.Length > 1 && p[0] == '0'))
            {
                return false;
            }

            var value = 0;
            foreach (var c in p)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    public static bool IsIPv6(ReadOnlySpan<char> s)
    {
        if (s.Length < 2)
        {
            return false;
        }

        var gap = s.IndexOf("::", StringComparison.Ordinal);
        if (gap >= 0 && s[(gap + 1)..].IndexOf("::", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        int groups;
        if (gap < 0)
        {
            return Groups(s, true, out groups) && groups == 8;
        }

        var head = s[..gap];
        var tail = s[(gap + 2)..];
        var headGroups = 0;
        var tailGroups = 0;
        if ((head.Length > 0 && !Groups(head, false, out headGroups)) || (tail.Length > 0 && !Groups(tail, true, out tailGroups)))
        {
            return false;
        }

        return headGroups + tailGroups <= 7;
    }

    private static bool Groups(ReadOnlySpan<char> s, bool ipv4Tail, out int groups)
    {
        groups = 0;
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] != ':')
            {
                continue;
            }

            var g = s[start..i];
            if (i == s.Length && ipv4Tail && g.Contains('.'))
            {
                if (!IsIPv4(g))
                {
                    return false;
                }

                groups += 2;
                return true;
            }

            if (g.Length is 0 or > 4)
            {
                return false;
            }

            foreach (var c in g)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            groups++;
            start = i + 1;
        }

        return true;
    }
}
