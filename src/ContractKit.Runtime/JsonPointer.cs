using System;
using System.Collections.Generic;
using System.Text;

namespace ContractKit.Runtime;

/// <summary>
/// RFC 6901 JSON Pointers, the one implementation every part of ContractKit uses: validation errors' instance and
/// schema locations, the model's ids and locations (URI-fragment form, <c>#/a/b</c>), diagnostics, <c>$ref</c>s.
/// </summary>
public static class JsonPointer
{
    /// <summary>Escapes one reference token: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>. The same string when there is nothing to escape.</summary>
    /// <param name="token">An unescaped token (a property name, an index).</param>
    /// <returns>The escaped token.</returns>
    public static string Escape(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.AsSpan().IndexOfAny('~', '/') < 0
            ? token
            : token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Unescapes one reference token: <c>~1</c> → <c>/</c>, then <c>~0</c> → <c>~</c>. The same string when there is nothing to unescape.</summary>
    /// <param name="token">An escaped token.</param>
    /// <returns>The token as written in the document.</returns>
    public static string Unescape(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Contains('~', StringComparison.Ordinal)
            ? token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
            : token;
    }

    /// <summary>Appends one unescaped token.</summary>
    /// <param name="pointer">A pointer (either form).</param>
    /// <param name="token">The unescaped token.</param>
    /// <returns><c>pointer/escaped-token</c>.</returns>
    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>Appends two unescaped tokens.</summary>
    /// <param name="pointer">A pointer (either form).</param>
    /// <param name="token1">The first unescaped token.</param>
    /// <param name="token2">The second unescaped token.</param>
    /// <returns><c>pointer/token1/token2</c>, escaped.</returns>
    public static string Append(string pointer, string token1, string token2) => pointer + "/" + Escape(token1) + "/" + Escape(token2);

    /// <summary>
    /// Parses a pointer in either spelling: plain (<c>/a/b</c>) or URI fragment (<c>#/a/b</c>, where the fragment may
    /// also be percent-encoded, as <c>$ref</c>s and Microsoft.OpenApi write it). <c>""</c> and <c>#</c> are the root.
    /// </summary>
    /// <param name="pointer">The pointer.</param>
    /// <param name="tokens">The unescaped tokens (empty for the root).</param>
    /// <returns>False when the text is not a pointer (it does not start with <c>/</c> after the optional <c>#</c>).</returns>
    public static bool TryParse(string pointer, out string[] tokens)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        tokens = [];
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
            parts[i] = Unescape(parts[i]);
        }

        tokens = parts;
        return true;
    }

    /// <summary>The canonical URI-fragment form, <c>#/a/b</c>, of the first <paramref name="count"/> tokens: what diagnostics and the model use.</summary>
    /// <param name="tokens">Unescaped tokens.</param>
    /// <param name="count">How many of them.</param>
    /// <returns><c>#</c> for none, else <c>#/escaped/…</c>.</returns>
    public static string ToFragment(IReadOnlyList<string> tokens, int count)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (count == 0)
        {
            return "#";
        }

        var builder = new StringBuilder("#");
        for (var i = 0; i < count; i++)
        {
            builder.Append('/').Append(Escape(tokens[i]));
        }

        return builder.ToString();
    }

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
