using System;

namespace ContractKit.Reading;

// The line scan's lexing: a line's text, <c>key:</c> at its start (plain, single- or double-quoted), sequence items.
internal sealed partial class YamlSplitParser
{
    private ReadOnlySpan<char> Line(int line)
    {
        var end = _lineStarts[line + 1];
        while (end > _lineStarts[line] && _yaml[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return _yaml.AsSpan(_lineStarts[line], end - _lineStarts[line]);
    }

    /// <summary>
    /// Reads <c>key:</c> at the start of <paramref name="text"/>: a plain, single- or double-quoted key followed by
    /// <c>:</c> and a space or the end of the line. <paramref name="plainKey"/> is the key when it is plain and made
    /// only of characters that need no interpretation; <paramref name="emptyValue"/> when nothing but a comment follows.
    /// </summary>
    private static bool ReadKey(ReadOnlySpan<char> text, out string? plainKey, out bool emptyValue)
    {
        plainKey = null;
        emptyValue = false;
        var colon = text[0] switch
        {
            '"' => DoubleQuotedEnd(text),
            '\'' => SingleQuotedEnd(text),
            _ => PlainKeyEnd(text),
        };
        if (colon < 0 || colon >= text.Length || text[colon] != ':' || (colon + 1 < text.Length && text[colon + 1] != ' '))
        {
            return false;
        }

        var value = text[(colon + 1)..].TrimStart(' ');
        emptyValue = value.Length == 0 || value[0] == '#';
        var key = text[..colon];
        if (text[0] is not ('"' or '\'') && IsSimplePlainKey(key))
        {
            plainKey = key.ToString();
        }

        return true;
    }

    /// <summary>A plain key whose text is its value with no doubt: letters, digits and <c>_-./${}</c>, not a merge key.</summary>
    private static bool IsSimplePlainKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '$' or '{' or '}'))
            {
                return false;
            }
        }

        return true;
    }

    private static int DoubleQuotedEnd(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static int SingleQuotedEnd(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>The first <c>:</c> followed by a space or the end of the line, if the text starts like a plain key and has no comment before it.</summary>
    private static int PlainKeyEnd(ReadOnlySpan<char> text)
    {
        if (text[0] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
        {
            return -1;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }

            if (text[i] == '#' && text[i - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsSequenceItem(ReadOnlySpan<char> text) => text[0] == '-' && (text.Length == 1 || text[1] == ' ');
}
