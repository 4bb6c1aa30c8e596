using System;

namespace ContractKit;

/// <summary>
/// Character searches for the text the reader scans and the emitter writes by the megabyte, as plain loops. The framework's vectorized
/// searches (<c>SearchValues</c>, <c>IndexOfAny</c>, <c>Append(char, count)</c>) pick their code by the CPU's vector width
/// at run time; ReadyToRun cannot precompile the AVX-512 paths, so on such machines the published tool JIT-compiles
/// them at the unoptimized first tier, which a run of a second never leaves, and they end up slower than this.
/// </summary>
internal static class TextScan
{
    /// <summary>Spaces to copy indentation from.</summary>
    private const string Spaces = "                                                                                                                                ";

    /// <summary>Whether a C# string literal must escape <paramref name="c"/>: quotes, backslashes, control and line-separator characters, surrogates.</summary>
    public static bool IsLiteralEscape(char c) =>
        c < 0x20 || c is '"' or '\\' or '\u2028' or '\u2029' || (c >= 0x7F && c < 0xA0) || char.IsSurrogate(c) || IsBidiControl(c);

    /// <summary>Whether doc-comment text must escape <paramref name="c"/>: XML's specials and control characters.</summary>
    public static bool IsDocEscape(char c) => c < 0x20 || c is '&' or '<' or '>' || (c >= 0x7F && c < 0xA0) || IsBidiControl(c);

    /// <summary>
    /// Whether <paramref name="c"/> is a bidirectional formatting character ("Trojan Source", CVE-2021-42574): it
    /// reorders how code is displayed, so generated code never contains one raw.
    /// </summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Whether C# ends a comment line at <paramref name="c"/>.</summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>RFC 3986's unreserved characters, plus '/'.</summary>
    public static bool IsUnreservedOrSlash(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' or '/';

    public static bool AnyLiteralEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsLiteralEscape(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool AnyDocEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsDocEscape(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool AllUnreservedOrSlash(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsUnreservedOrSlash(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the first line break (see <see cref="IsLineBreak"/>), or -1.</summary>
    public static int IndexOfLineBreak(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsLineBreak(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first of the line breaks <c>EnumerateLines</c> splits at (CR, LF, FF, NEL, LS, PS), or -1.</summary>
    public static int IndexOfNewLine(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first <paramref name="a"/> or <paramref name="b"/> in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfAny(ReadOnlySpan<char> text, char a, char b)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == a || text[i] == b)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How many spaces <paramref name="text"/> starts with.</summary>
    public static int LeadingSpaces(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && text[count] == ' ')
        {
            count++;
        }

        return count;
    }

    /// <summary>Appends <paramref name="count"/> spaces.</summary>
    public static System.Text.StringBuilder AppendSpaces(this System.Text.StringBuilder builder, int count)
    {
        for (; count > Spaces.Length; count -= Spaces.Length)
        {
            builder.Append(Spaces);
        }

        return builder.Append(Spaces, 0, count);
    }
}
