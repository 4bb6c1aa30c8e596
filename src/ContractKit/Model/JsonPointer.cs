namespace ContractKit.Model;

/// <summary>RFC 6901 pointers in URI-fragment form (<c>#/a/b</c>), as the model uses them for ids and locations.</summary>
public static class JsonPointer
{
    /// <summary>Escapes one reference token: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", System.StringComparison.Ordinal).Replace("/", "~1", System.StringComparison.Ordinal);

    /// <summary>Appends one unescaped token.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>Appends several unescaped tokens.</summary>
    public static string Append(string pointer, string token1, string token2) => Append(Append(pointer, token1), token2);
}
