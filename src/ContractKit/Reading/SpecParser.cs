using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;

namespace ContractKit.Reading;

/// <summary>Turns the bytes of a spec file into a <see cref="ParsedDocument"/>, choosing JSON or YAML by content.</summary>
internal static class SpecParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (BOM optional) or BOM-marked UTF-16/32; <see langword="null"/> when the bytes are not text.</summary>
    public static string? Decode(byte[] bytes)
    {
        try
        {
            var encoding = DetectBomEncoding(bytes, out var bomLength) ?? StrictUtf8;
            return encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public static ParsedDocument Parse(string filePath, string text)
    {
        // JSON is a subset of YAML, but System.Text.Json is far faster and gives exact error positions, so a file
        // that looks like JSON is read as JSON. If that fails, YAML flow syntax ({a: b}) gets its chance, and the
        // JSON error is reported only if YAML cannot read it either.
        if (LooksLikeJson(text))
        {
            var json = ParseJson(filePath, text);
            if (!json.IsFatal)
            {
                return json;
            }

            var yaml = YamlToJson.Convert(filePath, text);
            return yaml.IsFatal ? json : yaml;
        }

        return YamlToJson.Convert(filePath, text);
    }

    private static ParsedDocument ParseJson(string filePath, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var locator = new JsonSourceLocator(utf8);
        try
        {
            var root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = SpecLimits.Current.MaxDepth });
            if (FindBadString(utf8) is { } bad)
            {
                // Fatal: JsonNode keeps both properties of a duplicate key, and JsonObject throws on them later, at some
                // random access; a string escaping half a surrogate pair throws wherever it is read as text.
                return new ParsedDocument
                {
                    Root = null,
                    Locator = locator,
                    Problems = [Problem(filePath, locator.PositionOf(bad.Offset), bad.Message)],
                    Format = "json",
                };
            }

            return new ParsedDocument { Root = root, Locator = locator, Problems = [], Format = "json" };
        }
        catch (JsonException ex)
        {
            var position = locator.PositionOf(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return new ParsedDocument
            {
                Root = null,
                Locator = null,
                Problems = [IsDepthLimit(ex)
                    ? Problem(filePath, position, $"The document is nested more than {SpecLimits.Current.MaxDepth} levels deep.", DiagnosticIds.LimitExceeded)
                    : Problem(filePath, position, "Invalid JSON: " + CleanJsonMessage(ex.Message))],
                Format = "json",
            };
        }
    }

    /// <summary>
    /// JsonNode.Parse accepts duplicate keys silently (with AllowDuplicateProperties = false it reports them without a
    /// position), and strings escaping an unpaired surrogate (<c>"\ud800"</c>) until they are read: find the first such
    /// key or string here, with its offset.
    /// </summary>
    private static (long Offset, string Message)? FindBadString(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, JsonSourceLocator.ReaderOptions);
        var scopes = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    if (!TryGetString(ref reader, out var name))
                    {
                        return (reader.TokenStartIndex, UnpairedSurrogate);
                    }

                    if (!scopes.Peek()!.Add(name))
                    {
                        return (reader.TokenStartIndex, $"Duplicate key '{name}'; each key may appear only once in an object.");
                    }

                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    if (!TryGetString(ref reader, out _))
                    {
                        return (reader.TokenStartIndex, UnpairedSurrogate);
                    }

                    break;
            }
        }

        return null;
    }

    private const string UnpairedSurrogate = "A string escapes half of a UTF-16 surrogate pair (such as \"\\ud800\" alone); that is not Unicode text.";

    private static bool TryGetString(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool LooksLikeJson(string text)
    {
        var first = text.AsSpan().TrimStart(" \t\r\n\uFEFF");
        return first.Length > 0 && first[0] is '{' or '[';
    }

    /// <summary>Drops System.Text.Json's " LineNumber: 3 | BytePositionInLine: 7." tail: the location says that.</summary>
    private static string CleanJsonMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (path >= 0 && (cut < 0 || path < cut))
        {
            cut = path;
        }

        var text = (cut >= 0 ? message[..cut] : message).Trim();
        return text.Length == 0 ? "syntax error." : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static Encoding? DetectBomEncoding(byte[] bytes, out int bomLength)
    {
        ReadOnlySpan<byte> span = bytes;
        (Encoding? encoding, bomLength) = span switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, true, true), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, true, true), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, true, true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, true, true), 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    private static Diagnostic Problem(string filePath, TextPosition position, string message, string id = DiagnosticIds.SyntaxError) =>
        new(id, DiagnosticSeverity.Error, message, new SourceLocation(filePath, position.Line, position.Column));

    /// <summary>
    /// System.Text.Json reports its depth limit as any other JsonException; only its message tells (the runtime's own
    /// English resource: "The maximum configured depth of 1000 has been exceeded"). The YAML reader counts depth itself.
    /// </summary>
    private static bool IsDepthLimit(JsonException ex) =>
        ex.Message.Contains($"depth of {SpecLimits.Current.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
}
