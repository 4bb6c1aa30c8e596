using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContractKit.CodeGen;

/// <summary>
/// Everything from the spec that lands in C# goes through here: identifiers are sanitized, string literals
/// and XML doc text escaped. Spec text is untrusted input.
/// </summary>
internal static class CSharpSyntax
{
    private static readonly FrozenSet<string> Keywords = new[]
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // Contextual keywords that break code where generated names are used.
        "async", "await", "dynamic", "nameof", "var", "when", "value", "yield", "record", "required", "field",
        "scoped", "file", "partial", "global", "cancellationToken",
    }.ToFrozenSet(StringComparer.Ordinal);

    [ThreadStatic]
    private static StringBuilder? s_scratch;

    /// <summary>An empty builder for one escaped string at a time (not nested): this thread's, reused.</summary>
    private static StringBuilder Scratch() => (s_scratch ??= new StringBuilder(256)).Clear();

    /// <summary>
    /// PascalCase from any spec name: words are split at characters that cannot be in an identifier and
    /// at '_'; each word's first letter is upper-cased, the rest kept (<c>modifyThread</c> → <c>ModifyThread</c>,
    /// <c>tool_resources</c> → <c>ToolResources</c>).
    /// </summary>
    public static string Pascal(string name, string fallback = "Value")
    {
        // Index 0 is kept for the '_' that a leading digit needs; an upper-cased rune may take two chars.
        var buffer = name.Length <= 256 ? stackalloc char[(2 * name.Length) + 1] : new char[(2 * name.Length) + 1];
        var length = 1;
        var startWord = true;
        for (var i = 0; i < name.Length;)
        {
            // ASCII (almost every spec name) without decoding; the rest rune by rune (a lone surrogate reads as U+FFFD).
            Rune rune;
            if (char.IsAscii(name[i]))
            {
                rune = new Rune(name[i]);
                i++;
            }
            else
            {
                Rune.DecodeFromUtf16(name.AsSpan(i), out rune, out var consumed);
                i += consumed;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                startWord = true;
                continue;
            }

            length += (startWord && Rune.IsLetter(rune) ? Rune.ToUpperInvariant(rune) : rune).EncodeToUtf16(buffer[length..]);
            startWord = false;
        }

        if (length == 1)
        {
            return fallback;
        }

        if (char.IsDigit(buffer[1]))
        {
            buffer[0] = '_';
            return new string(buffer[..length]);
        }

        var pascal = buffer[1..length];
        return pascal.SequenceEqual(name) ? name : new string(pascal);
    }

    /// <summary>
    /// A name cut to at most <paramref name="maxUtf8Bytes"/> bytes of UTF-8 (whole characters), ending in a hash of the
    /// whole name so that two long names sharing a prefix stay apart: file names stop at 255 bytes, C# identifiers at 512
    /// characters.
    /// </summary>
    public static string Shorten(string name, int maxUtf8Bytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxUtf8Bytes)
        {
            return name;
        }

        var suffix = "_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 4);
        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxUtf8Bytes - suffix.Length)
            {
                break;
            }

            builder.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        return builder.Append(suffix).ToString();
    }

    /// <summary>camelCase, escaped with '@' when it is a keyword.</summary>
    public static string Camel(string name, string fallback = "value")
    {
        var pascal = Pascal(name, Pascal(fallback));
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>A C# string literal for any text: quotes, backslashes, control and line-separator characters escaped.</summary>
    public static string Literal(string value)
    {
        if (!TextScan.AnyLiteralEscape(value))
        {
            return string.Concat("\"", value, "\"");
        }

        var builder = Scratch().Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' || TextScan.IsBidiControl(c) || char.IsSurrogate(c) && !IsPaired(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Doc-comment lines (without the <c>///</c>): XML-escaped, split at every character C# treats as a line break
    /// (including U+0085, U+2028, U+2029, which would otherwise end the comment and let text become code).
    /// </summary>
    public static IReadOnlyList<string> DocLines(string? text)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        var rest = text.AsSpan();
        while (true)
        {
            var end = TextScan.IndexOfLineBreak(rest);
            lines.Add(DocLine(end < 0 ? rest : rest[..end]));
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        var last = lines.Count;
        while (last > 0 && lines[last - 1].Length == 0)
        {
            last--;
        }

        var first = 0;
        while (first < last && lines[first].Length == 0)
        {
            first++;
        }

        return first == 0 && last == lines.Count ? lines : lines.GetRange(first, last - first);
    }

    /// <summary>One line of doc text (no line breaks in it): XML-escaped, control characters as spaces, trailing space cut.</summary>
    private static string DocLine(ReadOnlySpan<char> line)
    {
        if (!TextScan.AnyDocEscape(line))
        {
            return new string(line.TrimEnd());
        }

        var escaped = Scratch();
        foreach (var c in line)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                default:
                    escaped.Append((char.IsControl(c) && c != '\t') || TextScan.IsBidiControl(c) ? ' ' : c);
                    break;
            }
        }

        var length = escaped.Length;
        while (length > 0 && char.IsWhiteSpace(escaped[length - 1]))
        {
            length--;
        }

        return escaped.ToString(0, length);
    }

    /// <summary>Spec text for one line of a doc comment: XML-escaped, every line break folded into a space.</summary>
    public static string XmlText(string text) => string.Join(" ", DocLines(text));

    /// <summary>
    /// Writes a <c>&lt;summary&gt;</c> doc comment from spec text, plus optional remarks lines that are already
    /// XML (the caller escapes any spec text in them with <see cref="XmlText"/>).
    /// </summary>
    public static void WriteSummary(SourceWriter writer, string? text, IReadOnlyList<string>? remarks = null)
    {
        var lines = DocLines(text);
        if (lines.Count > 0)
        {
            writer.Line("/// <summary>");
            foreach (var line in lines)
            {
                if (line.Length == 0)
                {
                    writer.Line("///");
                }
                else
                {
                    writer.Line($"/// {line}");
                }
            }

            writer.Line("/// </summary>");
        }

        if (remarks is { Count: > 0 })
        {
            writer.Line("/// <remarks>");
            foreach (var remark in remarks)
            {
                writer.Line($"/// {remark}");
            }

            writer.Line("/// </remarks>");
        }
    }

    /// <summary>A lone surrogate cannot be written to a UTF-8 file and is escaped; a well-formed pair is left as is.</summary>
    private static bool IsPaired(string value, int index) =>
        char.IsHighSurrogate(value[index])
            ? index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            : index > 0 && char.IsHighSurrogate(value[index - 1]);
}

/// <summary>Hands out unique names within one scope, case-insensitively (generated files must not collide on Windows or macOS).</summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public UniqueNames(IEnumerable<string>? reserved = null)
    {
        if (reserved is not null)
        {
            _taken.UnionWith(reserved);
        }
    }

    /// <summary>The name itself when free, otherwise the name with the smallest numeric suffix that is free.</summary>
    public string Claim(string name)
    {
        if (_taken.Add(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
