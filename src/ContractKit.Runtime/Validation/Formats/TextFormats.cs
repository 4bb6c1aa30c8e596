using System;

namespace ContractKit.Runtime.Validation.Formats;

/// <summary>uuid, email, hostname, JSON pointers and base64 (OpenAPI <c>byte</c>).</summary>
internal static class TextFormats
{
    public static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? s[i] == '-' : char.IsAsciiHexDigit(s[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsEmail(ReadOnlySpan<char> s)
    {
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1)
        {
            return false;
        }

        var local = s[..at];
        var domain = s[(at + 1)..];
        if (local.Length > 64 || !IsLocalPart(local))
        {
            return false;
        }

        if (domain[0] == '[' && domain[^1] == ']')
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IpFormats.IsIPv6(literal[5..]) : IpFormats.IsIPv4(literal);
        }

        return IsHostname(domain);
    }

    private static bool IsLocalPart(ReadOnlySpan<char> s)
    {
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"')
        {
            foreach (var c in s[1..^1])
            {
                if (c < 0x20 || c == 0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        if (s[0] == '.' || s[^1] == '.' || s.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c) || c > 0x7F))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsHostname(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var range in s.Split('.'))
        {
            var label = s[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsJsonPointer(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '~' && (i + 1 >= s.Length || s[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsRelativeJsonPointer(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == 0 || (i > 1 && s[0] == '0'))
        {
            return false;
        }

        var rest = s[i..];
        if (rest.Length > 0 && (rest[0] is '+' or '-'))
        {
            var j = 1;
            while (j < rest.Length && char.IsAsciiDigit(rest[j]))
            {
                j++;
            }

            if (j == 1 || (j > 2 && rest[1] == '0'))
            {
                return false;
            }

            rest = rest[j..];
        }

        return rest.SequenceEqual("#") || IsJsonPointer(rest);
    }

    public static bool IsBase64(ReadOnlySpan<char> s)
    {
        if (s.Length % 4 != 0)
        {
            return false;
        }

        var padding = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '=')
            {
                padding++;
                if (i < s.Length - 2)
                {
                    return false;
                }
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
            {
                return false;
            }
        }

        return padding <= 2;
    }
}
