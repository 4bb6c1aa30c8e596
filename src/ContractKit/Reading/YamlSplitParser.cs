using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Reading;

/// <summary>
/// Converts a large YAML file on all cores: the text is cut between entries of its top-level block mappings
/// (and, where one entry is itself too big, between the entries of its own block mapping, such as
/// <c>components</c> → <c>schemas</c>), each part is converted by <see cref="YamlToJson"/> with the file's line
/// numbers, and the parts are joined in file order into the same tree, with the same positions, the one-pass
/// conversion gives.
/// </summary>
/// <remarks>
/// <para>
/// The cut points come from a line scan that trusts nothing it is unsure of: a cut is only made before a line
/// <c>key:</c> at the exact indentation of the entries of a block mapping, and a key whose value starts on its own
/// line (a scalar, a block scalar, a flow collection, an anchor or tag) owns every deeper line after it, so a block
/// scalar is never cut. Each part must then convert cleanly into a mapping whose keys are exactly on the lines the
/// scan predicted, which catches a multi-line quoted or flow value the scan read as keys (a part cut inside one
/// ends unclosed, which is an error).
/// </para>
/// <para>
/// Anything unusual returns <see langword="null"/> and the caller converts the whole text in one pass, so errors,
/// duplicate keys, anchors and aliases, tags, merge keys, directives, several documents, tabs and unusual line
/// breaks are all reported exactly as before.
/// </para>
/// </remarks>
internal sealed class YamlSplitParser
{
    /// <summary>Below this many characters the one-pass conversion is fast enough that splitting is not worth it.</summary>
    public const int MinLength = 256 * 1024;

    /// <summary>
    /// Parts per core. Sections differ in cost per character (OpenAI's schemas take about twice as long as its paths,
    /// which are mostly example text), so more, smaller parts than cores keep the cores finishing together.
    /// </summary>
    public const int PartsPerCore = 4;

    /// <summary>
    /// How deep entries are split into their own entries. Real specs need two levels (<c>components</c> →
    /// <c>schemas</c>); the cap keeps the recursion shallow on a hostile, deeply nested file.
    /// </summary>
    private const int MaxSplitDepth = 8;

    private readonly string _filePath;
    private readonly string _yaml;
    private readonly int[] _lineStarts;

    /// <summary>Each line's indentation, or -1 for a blank or comment line.</summary>
    private readonly int[] _indents;
    private readonly int _target;
    private readonly List<Step> _steps = [];
    private int _containers = 1;

    private YamlSplitParser(string filePath, string yaml, int[] lineStarts, int[] indents, int parts)
    {
        _filePath = filePath;
        _yaml = yaml;
        _lineStarts = lineStarts;
        _indents = indents;
        _target = Math.Max(1, yaml.Length / parts);
    }

    private int LineCount => _indents.Length;

    /// <summary>
    /// Converts <paramref name="yaml"/> (already passed through <see cref="YamlBlockScalarWorkaround"/>) in about
    /// <paramref name="parts"/> parts of similar size, or returns <see langword="null"/> when it should be converted
    /// in one pass: the file is unusual in any way, or it does not split into at least two parts.
    /// </summary>
    public static ParsedDocument? TryConvert(string filePath, string yaml, int parts)
    {
        if (!ScanLines(yaml, out var lineStarts, out var indents))
        {
            return null;
        }

        var splitter = new YamlSplitParser(filePath, yaml, lineStarts, indents, parts);
        if (splitter.ScanMapping(0, splitter.LineCount, indent: 0) is not { } entries)
        {
            return null;
        }

        splitter.Plan(entries, parent: 0, depth: 0, indent: 0);
        var chunks = new List<Chunk>();
        foreach (var step in splitter._steps)
        {
            if (step.Chunk is { } chunk)
            {
                chunks.Add(chunk);
            }
        }

        return chunks.Count < 2 ? null : splitter.Join(entries[0].KeyLine, chunks);
    }

    /// <summary>
    /// Where each line starts (plus the text's length) and how far it is indented; <see langword="false"/> when the
    /// text has a character the scan does not handle or a line indented with a tab.
    /// </summary>
    // The scan uses plain loops and string.IndexOf(char): see TextScan for why not the vectorized span helpers.
    private static bool ScanLines(string yaml, out int[] lineStarts, out int[] indents)
    {
        lineStarts = indents = [];
        for (var at = 0; at < yaml.Length; at++)
        {
            // Line breaks other than LF and CRLF (which YamlDotNet counts as one, as the scan does) and a byte-order
            // mark make the scan unsure.
            if (yaml[at] is '\r' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' &&
                (yaml[at] != '\r' || at + 1 >= yaml.Length || yaml[at + 1] != '\n'))
            {
                return false;
            }
        }

        var lineCount = yaml.Length == 0 || yaml[^1] != '\n' ? 1 : 0;
        for (var newline = yaml.IndexOf('\n'); newline >= 0; newline = yaml.IndexOf('\n', newline + 1))
        {
            lineCount++;
        }

        lineStarts = new int[lineCount + 1];
        indents = new int[lineCount];
        var start = 0;
        for (var line = 0; line < lineCount; line++)
        {
            lineStarts[line] = start;
            var indent = start + TextScan.LeadingSpaces(yaml.AsSpan(start));

            var first = indent < yaml.Length ? yaml[indent] : '\n';
            if (first == '\t')
            {
                return false;
            }

            indents[line] = first is '\n' or '\r' or '#' ? -1 : indent - start;
            var newline = yaml.IndexOf('\n', indent);
            start = newline < 0 ? yaml.Length : newline + 1;
        }

        lineStarts[lineCount] = yaml.Length;
        return true;
    }

    /// <summary>
    /// The entries of the block mapping whose keys are at <paramref name="indent"/> within lines
    /// [<paramref name="from"/>, <paramref name="to"/>); <see langword="null"/> unless every line there is blank,
    /// a comment, deeper than the keys, a key, or a compact sequence item (<c>- x</c> at the keys' indentation,
    /// which belongs to the key before it).
    /// </summary>
    private List<Entry>? ScanMapping(int from, int to, int indent)
    {
        var entries = new List<Entry>();
        for (var line = from; line < to; line++)
        {
            var spaces = _indents[line];
            if (spaces < 0 || (spaces > indent && entries.Count > 0))
            {
                continue;
            }

            if (spaces != indent)
            {
                return null;
            }

            var content = Line(line)[spaces..];
            if (ReadKey(content, out var plainKey, out var emptyValue))
            {
                if (entries.Count > 0)
                {
                    entries[^1].End = line;
                }

                entries.Add(new Entry(line, plainKey, emptyValue) { End = to });
            }
            else if (entries.Count == 0 || !IsSequenceItem(content))
            {
                return null;
            }
        }

        return entries.Count > 0 ? entries : null;
    }

    /// <summary>The entries of an entry's value when it is a block mapping on the following lines, else <see langword="null"/>.</summary>
    private List<Entry>? Children(Entry entry, out int indent)
    {
        indent = 0;
        if (entry.PlainKey is null || !entry.EmptyValue)
        {
            return null;
        }

        for (var line = entry.KeyLine + 1; line < entry.End; line++)
        {
            indent = _indents[line];
            if (indent >= 0)
            {
                return ReadKey(Line(line)[indent..], out _, out _) ? ScanMapping(line, entry.End, indent) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Splits entries bigger than a part into their own entries where they are block mappings, and groups
    /// neighbouring entries of the same mapping into parts of up to the target size, in file order.
    /// </summary>
    private void Plan(List<Entry> entries, int parent, int depth, int indent)
    {
        foreach (var entry in entries)
        {
            var size = _lineStarts[entry.End] - _lineStarts[entry.KeyLine];
            if (size > _target && depth < MaxSplitDepth && Children(entry, out var childIndent) is { } children)
            {
                var container = _containers++;
                _steps.Add(new Step(parent, new Spine(container, entry.PlainKey!, new TextPosition(entry.KeyLine + 1, indent + 1)), null));
                Plan(children, container, depth + 1, childIndent);
                continue;
            }

            if (_steps.Count > 0
                && _steps[^1].Chunk is { } last
                && _steps[^1].Parent == parent
                && _lineStarts[entry.End] - _lineStarts[last.FirstLine] <= _target)
            {
                last.KeyLines.Add(entry.KeyLine);
                last.End = entry.End;
                continue;
            }

            _steps.Add(new Step(parent, null, new Chunk(entry.KeyLine, indent, depth, [entry.KeyLine]) { End = entry.End }));
        }
    }

    /// <summary>Converts the parts on all cores and joins them; <see langword="null"/> if any part is not clean.</summary>
    private ParsedDocument? Join(int firstKeyLine, List<Chunk> chunks)
    {
        var results = new Part?[chunks.Count];

        // Biggest parts first, each to whichever thread is free, so that the last one to start is small.
        var order = new int[chunks.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            for (; j > 0 && Size(chunks[order[j - 1]]) < Size(chunks[i]); j--)
            {
                order[j] = order[j - 1];
            }

            order[j] = i;
        }

        // One part that cannot be converted on its own means the whole file is converted in one pass: stop early.
        var taken = -1;
        var failed = new StrongBox<bool>();
        void Work()
        {
            for (var i = Interlocked.Increment(ref taken); i < order.Length && !Volatile.Read(ref failed.Value); i = Interlocked.Increment(ref taken))
            {
                if ((results[order[i]] = ConvertChunk(chunks[order[i]], failed)) is null)
                {
                    Volatile.Write(ref failed.Value, true);
                }
            }
        }

        var helpers = new Task[Math.Min(Environment.ProcessorCount, order.Length) - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Run(Work);
        }

        Work();
        Task.WaitAll(helpers);

        // The parts' positions go into the biggest part's table, which saves copying most of them.
        Part? biggest = null;
        foreach (var part in results)
        {
            if (part is null)
            {
                return null;
            }

            if (biggest is null || part.Positions.Count > biggest.Positions.Count)
            {
                biggest = part;
            }
        }

        var positions = biggest!.Positions;
        var containers = new JsonObject[_containers];
        var keyPositions = new List<TextPosition>[_containers];
        containers[0] = new JsonObject();
        keyPositions[0] = [];
        var next = 0;
        foreach (var step in _steps)
        {
            var parent = containers[step.Parent];
            if (step.Spine is { } spine)
            {
                var container = new JsonObject();
                if (!parent.TryAdd(spine.Key, container))
                {
                    return null;
                }

                keyPositions[step.Parent].Add(spine.KeyPosition);
                containers[spine.Container] = container;
                keyPositions[spine.Container] = [];
                continue;
            }

            var (root, chunkPositions) = results[next++]!;
            if (!chunkPositions.Remove(root, out var rootPositions) || !SameKeyLines(rootPositions, step.Chunk!))
            {
                return null;
            }

            var keys = new string[root.Count];
            var values = new JsonNode?[root.Count];
            var count = 0;
            foreach (var (key, value) in root)
            {
                keys[count] = key;
                values[count++] = value;
            }

            root.Clear();
            for (var i = 0; i < count; i++)
            {
                if (!parent.TryAdd(keys[i], values[i]))
                {
                    return null;
                }
            }

            keyPositions[step.Parent].AddRange(rootPositions);
            if (chunkPositions != positions)
            {
                AddAll(positions, chunkPositions);
            }
        }

        for (var i = 0; i < _containers; i++)
        {
            positions[containers[i]] = keyPositions[i];
        }

        // A block mapping starts at its first key.
        var rootPosition = new TextPosition(firstKeyLine + 1, 1);
        return new ParsedDocument
        {
            Root = containers[0],
            Locator = new YamlSourceLocator(containers[0], rootPosition, positions),
            Problems = [],
            Format = "yaml",
            Parts = chunks.Count,
        };
    }

    private Part? ConvertChunk(Chunk chunk, StrongBox<bool> failed)
    {
        var start = _lineStarts[chunk.FirstLine];
        try
        {
            return YamlToJson.TryConvertPart(_filePath, _yaml[start.._lineStarts[chunk.End]], chunk.FirstLine, chunk.Depth, failed, out var root, out var positions)
                ? new Part(root, positions)
                : null;
        }
        catch (Exception)
        {
            // Whatever went wrong, the one-pass conversion will meet it too and report it as it always has.
            return null;
        }
    }

    /// <summary>The part's keys are exactly on the lines the scan cut at: nothing was read differently.</summary>
    private static bool SameKeyLines(List<TextPosition> keys, Chunk chunk)
    {
        if (keys.Count != chunk.KeyLines.Count)
        {
            return false;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] != new TextPosition(chunk.KeyLines[i] + 1, chunk.Indent + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddAll(Dictionary<JsonNode, List<TextPosition>> target, Dictionary<JsonNode, List<TextPosition>> source)
    {
        target.EnsureCapacity(target.Count + source.Count);
        foreach (var (node, list) in source)
        {
            target.Add(node, list);
        }
    }

    private int Size(Chunk chunk) => _lineStarts[chunk.End] - _lineStarts[chunk.FirstLine];

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

    // The records below are classes, not structs: List<T> of a struct of ours is compiled at run time, not ahead of time.

    /// <summary>One entry of a block mapping: its key line and the lines it owns, up to (not including) <see cref="End"/>.</summary>
    private sealed record Entry(int KeyLine, string? PlainKey, bool EmptyValue)
    {
        public int End { get; set; }
    }

    /// <summary>An entry split into its own entries: the mapping <see cref="Container"/> is created under its parent with this key.</summary>
    private sealed record Spine(int Container, string Key, TextPosition KeyPosition);

    /// <summary>Neighbouring entries of one mapping, converted as one part; keys at <see cref="Indent"/>, root <see cref="Depth"/> levels deep.</summary>
    private sealed record Chunk(int FirstLine, int Indent, int Depth, List<int> KeyLines)
    {
        public int End { get; set; }
    }

    /// <summary>A part converted cleanly: its mapping, and the positions of everything in it.</summary>
    private sealed record Part(JsonObject Root, Dictionary<JsonNode, List<TextPosition>> Positions);

    /// <summary>What goes into the container numbered <see cref="Parent"/> next, in file order: a split entry or a part.</summary>
    private sealed record Step(int Parent, Spine? Spine, Chunk? Chunk);
}
