using System;
using System.Collections.Generic;

namespace ContractKit.Reading;

/// <summary>
/// Parses RFC 6901 pointers in both spellings the pipeline meets: plain (<c>/a/b</c>) and URI fragment
/// (<c>#/a/b</c>, where the fragment may also be percent-encoded, as Microsoft.OpenApi and <c>$ref</c>s write it).
/// </summary>
internal static class JsonPointerText
{
    public static bool TryParse(string pointer, out string[] segments)
    {
        segments = [];
        var text = pointer;
        if (text.StartsWith('#'))
        {
            text = text.Length == 1 ? string.Empty : UnescapePercent(text[1..]);
        }

        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] != '/')
        {
            return false;
        }

        var parts = text[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = UnescapeToken(parts[i]);
        }

        segments = parts;
        return true;
    }

    /// <summary>The canonical fragment form, <c>#/a/b</c>, that diagnostics and the model use.</summary>
    public static string ToFragment(IReadOnlyList<string> segments, int count)
    {
        if (count == 0)
        {
            return "#";
        }

        var builder = new System.Text.StringBuilder("#");
        for (var i = 0; i < count; i++)
        {
            builder.Append('/').Append(EscapeToken(segments[i]));
        }

        return builder.ToString();
    }

    public static string EscapeToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string UnescapeToken(string token) =>
        token.Contains('~', StringComparison.Ordinal)
            ? token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
            : token;

    private static string UnescapePercent(string fragment)
    {
        if (!fragment.Contains('%', StringComparison.Ordinal))
        {
            return fragment;
        }

        try
        {
            return Uri.UnescapeDataString(fragment);
        }
        catch (UriFormatException)
        {
            return fragment;
        }
    }
}
