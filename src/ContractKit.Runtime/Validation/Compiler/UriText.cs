using System;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>URI handling on strings, so identifiers like <c>urn:</c> and <c>tag:</c> survive and "/x" is never a file path.</summary>
internal static class UriText
{
    public static bool HasScheme(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return false;
    }

    public static string Normalize(string uri)
    {
        if (uri.EndsWith('#'))
        {
            uri = uri[..^1];
        }

        if (HasScheme(uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) &&
            (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeFile))
        {
            var text = parsed.AbsoluteUri;
            return text.EndsWith('#') ? text[..^1] : text;
        }

        return uri;
    }

    public static string WithoutFragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? uri : uri[..hash];
    }

    public static string Fragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? "" : uri[(hash + 1)..];
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/> (RFC 3986), or null when it cannot.</summary>
    public static string? Resolve(string baseUri, string reference)
    {
        if (reference.StartsWith('#'))
        {
            return WithoutFragment(baseUri) + reference;
        }

        if (HasScheme(reference))
        {
            return Normalize(reference);
        }

        if (!Uri.TryCreate(WithoutFragment(baseUri), UriKind.Absolute, out var b))
        {
            return null;
        }

        try
        {
            var combined = new Uri(b, reference);
            var text = combined.AbsoluteUri;
            return text.EndsWith('#') ? text[..^1] : text;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
