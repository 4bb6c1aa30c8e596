using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractKit.Reading;

/// <summary>
/// Converts YAML text to a <see cref="JsonNode"/> tree in one pass over YamlDotNet's parsing events (no
/// YamlDotNet representation model in between), recording where every key and element is written.
/// The walk keeps its own stack, so deep nesting cannot overflow the call stack.
/// </summary>
internal sealed partial class YamlToJson
{
    private const string MergeKey = "<<";

    /// <summary>One of each kind of node and scalar style, for warming up the parser.</summary>
    private const string WarmUpText = """
        # comment
        a: 1
        b: [x, 'y', "z", 1.5, true, null]
        c: {d: e}
        f:
          - g: |
              text
          - h: >-
              folded
        "i": plain text
        """;

    private static Task? s_warmUp;

    private readonly string _filePath;
    private readonly int _lineOffset;
    private readonly int _depthOffset;
    private readonly StrongBox<bool>? _abandon;
    private readonly List<Diagnostic> _problems = [];
    private readonly Dictionary<JsonNode, List<TextPosition>> _positions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _stack = new();
    private JsonNode? _root;
    private TextPosition _rootPosition = TextPosition.Start;
    private long _aliasBudget = SpecLimits.Current.MaxAliasExpansion;

    /// <summary>This run's depth limit, read once: the ambient limits are an AsyncLocal, too slow to read per node.</summary>
    private readonly int _maxDepth = SpecLimits.Current.MaxDepth;
    private bool _fatal;

    /// <summary>Set by anything whose meaning reaches beyond one part of a split file: anchors, aliases, tags, merge keys.</summary>
    private bool _unusual;

    private YamlToJson(string filePath, int lineOffset = 0, int depthOffset = 0, StrongBox<bool>? abandon = null)
    {
        _filePath = filePath;
        _lineOffset = lineOffset;
        _depthOffset = depthOffset;
        _abandon = abandon;
    }

    public static ParsedDocument Convert(string filePath, string text)
    {
        var large = text.Length >= YamlSplitParser.MinLength && Environment.ProcessorCount > 1;

        // A large file is converted in parts on all cores. While this thread prepares the text and the parts, another
        // one loads and compiles the parser's code on a small document, which would otherwise slow every core's first part.
        if (large)
        {
            StartWarmUp();
        }

        var yaml = YamlBlockScalarWorkaround.Apply(text);
        var split = large ? YamlSplitParser.TryConvert(filePath, yaml, YamlSplitParser.PartsPerCore * Environment.ProcessorCount) : null;
        return split ?? ConvertWhole(filePath, yaml);
    }

    /// <summary>
    /// Loads and compiles the parser's code on a small document on another core, once per process (see
    /// <see cref="SpecReader.Prepare"/>); the task is done when it has.
    /// </summary>
    internal static Task StartWarmUp()
    {
        if (Volatile.Read(ref s_warmUp) is { } started)
        {
            return started;
        }

        var warmUp = new Task(static () => new YamlToJson(string.Empty).Run(WarmUpText));
        if (Interlocked.CompareExchange(ref s_warmUp, warmUp, null) is { } other)
        {
            return other;
        }

        warmUp.Start(TaskScheduler.Default);
        return warmUp;
    }

    /// <summary>The one-pass conversion of the whole text, already passed through <see cref="YamlBlockScalarWorkaround"/>.</summary>
    internal static ParsedDocument ConvertWhole(string filePath, string yaml)
    {
        var converter = new YamlToJson(filePath);
        var ok = converter.Run(yaml);
        var root = ok ? converter._root : null;
        return new ParsedDocument
        {
            Root = root,
            Locator = ok ? new YamlSourceLocator(root, converter._rootPosition, converter._positions) : null,
            Problems = converter._problems,
            Format = "yaml",
        };
    }

    /// <summary>
    /// Converts one part of a split file: <paramref name="yaml"/> is lines <paramref name="lineOffset"/>+1… of the
    /// file, and its root sits <paramref name="depthOffset"/> levels deep in the whole document. Gives the part's
    /// mapping and positions, or returns <see langword="false"/> when the part has any problem or anything that needs
    /// the whole file, or as soon as <paramref name="abandon"/> is set (another part failed).
    /// </summary>
    internal static bool TryConvertPart(
        string filePath,
        string yaml,
        int lineOffset,
        int depthOffset,
        StrongBox<bool> abandon,
        [NotNullWhen(true)] out JsonObject? root,
        out Dictionary<JsonNode, List<TextPosition>> positions)
    {
        var converter = new YamlToJson(filePath, lineOffset, depthOffset, abandon);
        var ok = converter.Run(yaml);
        positions = converter._positions;
        root = converter._root as JsonObject;
        return ok && !converter._unusual && converter._problems.Count == 0 && root is not null;
    }

    private bool Run(string text)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            Fatal(current.Start, "The file contains more than one YAML document; an OpenAPI description is a single document.");
                        }

                        break;
                    case Scalar scalar:
                        NoteProperties(scalar);
                        OnScalar(scalar);
                        break;
                    case MappingStart mapping:
                        NoteProperties(mapping);
                        OnContainerStart(new JsonObject(), mapping);
                        break;
                    case SequenceStart sequence:
                        NoteProperties(sequence);
                        OnContainerStart(new JsonArray(), sequence);
                        break;
                    case MappingEnd or SequenceEnd:
                        OnContainerEnd();
                        break;
                    case AnchorAlias alias:
                        _unusual = true;
                        OnAlias(alias);
                        break;
                }

                if (_fatal || (_abandon is not null && (_unusual || Volatile.Read(ref _abandon.Value))))
                {
                    return false;
                }
            }

            return true;
        }
        catch (YamlException ex)
        {
            // Some YamlDotNet errors (a tab used as indentation) carry the mapping's start, often 1:1, rather than
            // the offending place; the scanner's own position is then the better answer.
            var at = ex.Start.Index == 0 && scanner.CurrentPosition.Index > 0 ? scanner.CurrentPosition : ex.Start;
            Fatal(at, CleanMessage(ex.Message));
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet 16.3.0 throws these instead of a YamlException for some malformed flow collections
            // (e.g. an unclosed "[1, 2" followed by a new key); the scanner's position is still the right place.
            Fatal(scanner.CurrentPosition, "Invalid YAML syntax; an unclosed '[' or '{' before this point is the usual cause.");
            return false;
        }
    }

    private void OnScalar(Scalar scalar)
    {
        if (ExpectingKey(out var frame))
        {
            // Keys are property names in JSON, whatever YAML type they have ("200:", "true:" → "200", "true").
            SetKey(frame, scalar.Value, scalar.Start, isMerge: scalar.Value == MergeKey && scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty);
            return;
        }

        var value = YamlScalars.ToJson(scalar);
        AddValue(value, scalar.Start);
        Remember(scalar.Anchor, value, size: 1, complete: true);
    }

    private void OnContainerStart(JsonNode container, NodeEvent start)
    {
        if (ExpectingKey(out _))
        {
            Fatal(start.Start, "Only scalar mapping keys are supported; a mapping or sequence cannot be a key.");
            return;
        }

        if (_stack.Count + _depthOffset >= _maxDepth)
        {
            Fatal(start.Start, $"The document is nested more than {_maxDepth} levels deep.", DiagnosticIds.LimitExceeded);
            return;
        }

        AddValue(container, start.Start);
        Remember(start.Anchor, container, size: 0, complete: false);
        _stack.Push(new Frame(container, start.Anchor.IsEmpty ? null : start.Anchor.Value));
    }

    private void OnContainerEnd()
    {
        var frame = _stack.Pop();
        if (frame.Positions.Count > 0)
        {
            _positions[frame.Container] = frame.Positions;
        }

        if (frame.Merges is { } merges)
        {
            ApplyMerges((JsonObject)frame.Container, merges);
        }

        if (frame.Anchor is { } anchor && _anchors.TryGetValue(anchor, out var entry) && ReferenceEquals(entry.Node, frame.Container))
        {
            _anchors[anchor] = entry with { Size = frame.Size, Complete = true };
        }

        if (_stack.TryPeek(out var parent))
        {
            parent.Size += frame.Size;
        }
    }

    private bool ExpectingKey(out Frame frame)
    {
        if (_stack.TryPeek(out frame!) && frame.Container is JsonObject && frame.Key is null)
        {
            return true;
        }

        return false;
    }

    private void SetKey(Frame frame, string key, Mark start, bool isMerge)
    {
        var obj = (JsonObject)frame.Container;
        frame.Key = key;
        frame.KeyPosition = ToPosition(start);
        frame.IsMerge = isMerge;
        _unusual |= isMerge;
        frame.IsDuplicate = !isMerge && obj.ContainsKey(key);
        if (frame.IsDuplicate)
        {
            // YAML requires unique keys; JsonObject would silently keep one of them.
            _problems.Add(Problem(start, $"Duplicate key '{key}'; each key may appear only once in a mapping."));
        }
    }

    private void AddValue(JsonNode? value, Mark start, int size = 1)
    {
        if (!_stack.TryPeek(out var frame))
        {
            _root = value;
            _rootPosition = ToPosition(start);
            return;
        }

        frame.Size += size;
        if (frame.Container is JsonArray array)
        {
            frame.Positions.Add(ToPosition(start));
            array.Add(value);
            return;
        }

        var obj = (JsonObject)frame.Container;
        if (frame.IsMerge)
        {
            (frame.Merges ??= []).Add((value, ToPosition(start)));
        }
        else if (!frame.IsDuplicate)
        {
            frame.Positions.Add(frame.KeyPosition);
            obj.Add(frame.Key!, value);
        }

        frame.Key = null;
        frame.IsMerge = false;
        frame.IsDuplicate = false;
    }

    private void Fatal(Mark start, string message, string id = DiagnosticIds.SyntaxError)
    {
        _fatal = true;
        _problems.Add(Problem(start, message, id));
    }

    private Diagnostic Problem(Mark start, string message, string id = DiagnosticIds.SyntaxError)
    {
        var position = ToPosition(start);
        return new Diagnostic(
            id,
            DiagnosticSeverity.Error,
            message,
            new SourceLocation(_filePath, position.Line, position.Column));
    }

    private TextPosition ToPosition(Mark mark) =>
        new((int)Math.Max(1, mark.Line) + _lineOffset, (int)Math.Max(1, mark.Column));

    /// <summary>YamlDotNet messages are already user-facing; only make sure they read as one sentence.</summary>
    private static string CleanMessage(string message)
    {
        var text = message.Trim();
        return text.Length == 0 ? "Invalid YAML syntax." : "Invalid YAML: " + char.ToLowerInvariant(text[0]) + text[1..];
    }

    private sealed class Frame(JsonNode container, string? anchor)
    {
        public JsonNode Container { get; } = container;

        public string? Anchor { get; } = anchor;

        public string? Key { get; set; }

        public TextPosition KeyPosition { get; set; }

        public bool IsMerge { get; set; }

        public bool IsDuplicate { get; set; }

        public int Size { get; set; } = 1;

        public List<(JsonNode? Source, TextPosition Position)>? Merges { get; set; }

        /// <summary>Where each child written in the file is (an object's key, an array's element), by child index; merged keys come after them and have none.</summary>
        public List<TextPosition> Positions { get; } = [];
    }
}
