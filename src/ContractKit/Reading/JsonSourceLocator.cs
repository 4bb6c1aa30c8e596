using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace ContractKit.Reading;

/// <summary>
/// Locates pointers in JSON text lazily: nothing is indexed while reading; each query scans the UTF-8 bytes with
/// <see cref="Utf8JsonReader"/>, skipping every subtree off the pointer's path.
/// </summary>
internal sealed class JsonSourceLocator : ISourceLocator
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private int[]? _lineStarts;

    public JsonSourceLocator(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    internal static JsonReaderOptions ReaderOptions => new() { MaxDepth = SpecLimits.Current.MaxDepth };

    public TextPosition? Find(string[] segments)
    {
        try
        {
            var reader = new Utf8JsonReader(_utf8.Span, ReaderOptions);
            if (!reader.Read())
            {
                return null;
            }

            var best = reader.TokenStartIndex;
            foreach (var segment in segments)
            {
                if (!TryEnter(ref reader, segment, out var start))
                {
                    break;
                }

                best = start;
            }

            return PositionOf(best);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>1-based position of a byte offset; the column counts characters, not bytes.</summary>
    public TextPosition PositionOf(long byteOffset)
    {
        var lineStarts = LazyInitializer.EnsureInitialized(ref _lineStarts, () => ComputeLineStarts(_utf8.Span));
        var offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new TextPosition(line + 1, Encoding.UTF8.GetCharCount(_utf8.Span[lineStarts[line]..offset]) + 1);
    }

    /// <summary>Position of a <see cref="JsonException"/>, whose line and byte-in-line are 0-based.</summary>
    public TextPosition PositionOf(long zeroBasedLine, long bytePositionInLine)
    {
        var lineStarts = LazyInitializer.EnsureInitialized(ref _lineStarts, () => ComputeLineStarts(_utf8.Span));
        var line = (int)Math.Clamp(zeroBasedLine, 0, lineStarts.Length - 1);
        return PositionOf(lineStarts[line] + bytePositionInLine);
    }

    private static bool TryEnter(ref Utf8JsonReader reader, string segment, out long start)
    {
        start = 0;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMatch = reader.ValueTextEquals(segment);
                start = reader.TokenStartIndex;
                reader.Read();
                if (isMatch)
                {
                    return true;
                }

                reader.Skip();
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray && ArrayIndex.TryParse(segment, out var wanted))
        {
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i == wanted)
                {
                    start = reader.TokenStartIndex;
                    return true;
                }

                reader.Skip();
            }
        }

        return false;
    }

    private static int[] ComputeLineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = utf8.IndexOf((byte)'\n'); i >= 0;)
        {
            starts.Add(i + 1);
            var next = utf8[(i + 1)..].IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return starts.ToArray();
    }
}
