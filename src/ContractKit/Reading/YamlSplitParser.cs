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
internal sealed partial class YamlSplitParser
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

    private int Size(Chunk chunk) => _lineStarts[chunk.End] - _lineStarts[chunk.FirstLine];

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
