using System;
using System.Collections.Generic;
using System.Text;

namespace ContractKit.Reading;

/// <summary>
/// Works around a YamlDotNet 16.3.0 scanner bug without touching the user's file.
/// </summary>
/// <remarks>
/// <para>
/// YamlDotNet rejects a block scalar (<c>|</c>, <c>|+</c>, <c>&gt;+</c>, …) whose content lines are all
/// whitespace-only ("found extra spaces in first line"), although the YAML 1.2.2 spec defines that case: with no
/// indentation indicator and no non-empty line, the content indentation is the length of the longest line
/// (§8.1.1.1), so every such line is an empty line of the scalar, not text. Chomping then decides the value
/// (§8.1.1.2): strip and clip give <c>""</c>; keep gives one <c>"\n"</c> per empty line. Example 8.6 of the spec
/// is exactly this: <c>keep: |+</c> followed by one empty line is <c>"\n"</c>. The OpenAI spec
/// (openapi.yaml line 63,264: <c>example: |+</c> then a line of spaces) depends on it.
/// </para>
/// <para>
/// This pass rewrites only that construct: the header becomes the equivalent double-quoted scalar
/// (<c>"\n"</c>, or <c>""</c>) and the whitespace-only lines become empty, so every line keeps its number and
/// every other byte is untouched. It applies only when all lines up to the next line indented no deeper than the
/// header's line are space-only, and never inside another block scalar's content. Anything it is unsure of is left
/// alone for YamlDotNet to judge.
/// </para>
/// </remarks>
internal static class YamlBlockScalarWorkaround
{
    public static string Apply(string text)
    {
        var lines = SplitLines(text);
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];

            // Only lines with '|' or '>' can start a block scalar.
            if (TextScan.IndexOfAny(text.AsSpan(line.Start, line.Length), '|', '>') < 0)
            {
                i++;
                continue;
            }

            var content = text.AsSpan(line.Start, line.Length);
            if (!TryParseHeader(content, out var indent, out var headerStart, out var headerLength, out var chomping, out var hasIndentIndicator))
            {
                i++;
                continue;
            }

            // Lines of the block scalar: blank ones, or ones indented deeper than the header's line.
            var end = i + 1;
            var allBlank = true;
            var blankCount = 0;
            var anySpaces = false;
            while (end < lines.Count)
            {
                var next = text.AsSpan(lines[end].Start, lines[end].Length);
                var isBlank = TextScan.LeadingSpaces(next) == next.Length;
                if (isBlank)
                {
                    blankCount++;
                    anySpaces |= next.Length > 0;
                }
                else if (TextScan.LeadingSpaces(next) <= indent)
                {
                    break;
                }
                else
                {
                    allBlank = false;
                }

                end++;
            }

            if (allBlank && anySpaces && !hasIndentIndicator)
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copiedUpTo, line.Start + headerStart - copiedUpTo);
                output.Append('"');
                if (chomping == '+')
                {
                    // Only line breaks that exist count; a last line without one adds nothing.
                    var breaks = end == lines.Count && !lines[end - 1].HasBreak ? blankCount - 1 : blankCount;
                    output.Insert(output.Length, "\\n", breaks);
                }

                output.Append('"');
                copiedUpTo = line.Start + headerStart + headerLength;
                for (var j = i + 1; j < end; j++)
                {
                    output.Append(text, copiedUpTo, lines[j].Start - copiedUpTo);
                    copiedUpTo = lines[j].Start + lines[j].Length;
                }
            }

            i = end;
        }

        if (output is null)
        {
            return text;
        }

        output.Append(text, copiedUpTo, text.Length - copiedUpTo);
        return output.ToString();
    }

    /// <summary>
    /// Recognises a line whose node is a block scalar: <c>key: |+</c>, <c>- |</c>, <c>key: &amp;a !!str &gt;-</c>,
    /// optionally followed by a comment. The indicator must start the node (a plain scalar such as
    /// <c>key: a |+</c> is just text).
    /// </summary>
    private static bool TryParseHeader(
        ReadOnlySpan<char> line,
        out int indent,
        out int headerStart,
        out int headerLength,
        out char chomping,
        out bool hasIndentIndicator)
    {
        indent = TextScan.LeadingSpaces(line);
        headerStart = headerLength = 0;
        chomping = ' ';
        hasIndentIndicator = false;

        var body = line;
        var comment = body.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            body = body[..comment];
        }

        body = body.TrimEnd(' ');
        var indicator = body.LastIndexOfAny('|', '>');
        if (indicator < 0 || body.Length - indicator > 3)
        {
            return false;
        }

        foreach (var c in body[(indicator + 1)..])
        {
            if (c is '+' or '-' && chomping == ' ')
            {
                chomping = c;
            }
            else if (c is >= '1' and <= '9' && !hasIndentIndicator)
            {
                hasIndentIndicator = true;
            }
            else
            {
                return false;
            }
        }

        // What precedes the indicator: node properties (tag, anchor), then "key:", "-", "---" or nothing.
        var before = body[..indicator];
        if (before.Length > 0 && before[^1] != ' ')
        {
            return false;
        }

        before = before.TrimEnd(' ');
        while (before.Length > 0)
        {
            var space = before.LastIndexOf(' ');
            var token = before[(space + 1)..];
            if (token[0] is not ('!' or '&'))
            {
                break;
            }

            before = before[..Math.Max(space, 0)].TrimEnd(' ');
        }

        var trimmed = before.TrimStart(' ');
        var isKey = trimmed.Length > 1 && trimmed[^1] == ':';
        var isEntry = trimmed.Length > 0 && trimmed[^1] == '-' && (trimmed.Length == 1 || trimmed[^2] == ' ');
        if (!(trimmed.Length == 0 || isKey || isEntry || trimmed.SequenceEqual("---")))
        {
            return false;
        }

        if (isKey)
        {
            // "- - key: |": the scalar's parent is the mapping whose keys start after the "- " entries.
            while (trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                trimmed = trimmed[2..].TrimStart(' ');
            }

            indent = before.Length - trimmed.Length;
        }

        headerStart = indicator;
        headerLength = body.Length - indicator;
        return true;
    }

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                if (start < text.Length)
                {
                    lines.Add(new Line(start, text.Length - start, HasBreak: false));
                }

                break;
            }

            var length = newline - start;
            if (length > 0 && text[newline - 1] == '\r')
            {
                length--;
            }

            lines.Add(new Line(start, length, HasBreak: true));
            start = newline + 1;
        }

        return lines;
    }

    private readonly record struct Line(int Start, int Length, bool HasBreak);
}
