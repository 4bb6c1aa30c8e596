using System;

namespace ContractKit.Runtime.Validation.Formats;

/// <summary>RFC 3986 URI and URI-reference by character classes and structure (no <see cref="Uri"/> allocation).</summary>
internal static class UriFormats
{
    public static bool IsUri(ReadOnlySpan<char> s)
    {
        var colon = SchemeEnd(s);
        return colon > 0 && IsReferenceBody(s[(colon + 1)..]);
    }

    public static bool IsUriReference(ReadOnlySpan<char> s)
    {
        var colon = SchemeEnd(s);
        if (colon < 0)
        {
            // A relative-path reference cannot have a colon in its first segment (it would read as a scheme).
            var firstSegment = s.IndexOfAny("/?#") is var stop and >= 0 ? s[..stop] : s;
            if (firstSegment.Contains(':'))
            {
                return false;
            }
        }

        return IsReferenceBody(colon > 0 ? s[(colon + 1)..] : s);
    }

    private static int SchemeEnd(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
        {
            return -1;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsReferenceBody(ReadOnlySpan<char> s)
    {
        var rest = s;
        if (s.StartsWith("//"))
        {
            var end = s[2..].IndexOfAny("/?#");
            var authority = end < 0 ? s[2..] : s.Slice(2, end);
            rest = end < 0 ? [] : s[(2 + end)..];
            var at = authority.IndexOf('@');
            if (at >= 0 && (authority[(at + 1)..].Contains('@') || authority[..at].ContainsAny("[]")))
            {
                return false;
            }

            var host = at >= 0 ? authority[(at + 1)..] : authority;
            if (host.Length > 0 && host[0] == '[')
            {
                var close = host.IndexOf(']');
                if (close < 0 || !IpFormats.IsIPv6(host[1..close]))
                {
                    return false;
                }

                host = host[(close + 1)..];
                if (host.Length > 0 && host[0] != ':')
                {
                    return false;
                }
            }
            else if (host.Contains('[') || host.Contains(']'))
            {
                return false;
            }

            var port = host.LastIndexOf(':');
            if (port >= 0)
            {
                foreach (var c in host[(port + 1)..])
                {
                    if (!char.IsAsciiDigit(c))
                    {
                        return false;
                    }
                }
            }
        }

        if (rest.ContainsAny("[]"))
        {
            return false;
        }

        var hashes = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (c == '#' && ++hashes > 1)
            {
                return false;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }
}
