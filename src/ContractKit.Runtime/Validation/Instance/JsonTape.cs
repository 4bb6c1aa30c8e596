using System;
using System.Text.Json;
using System.Text.Unicode;

namespace ContractKit.Runtime.Validation.Instance;

/// <summary>
/// A payload tokenized once, iteratively (no recursion, so any depth is safe), into reusable arrays.
/// One per thread through <see cref="Evaluation.EvaluationState"/>; nothing is allocated once the arrays are big enough.
/// </summary>
internal sealed partial class JsonTape
{
    private const int TrimTokens = 1 << 20;

    public TapeToken[] Tokens = new TapeToken[64];
    public int Count;
    public byte[] Unescaped = new byte[256];
    private int _unescapedLength;
    private int[] _open = new int[32];

    /// <summary>Per open object, a two-bit-per-name filter of its member names; all ones once two names may be equal.</summary>
    private ulong[] _seenNames = new ulong[32];
    private int[] _scratch = new int[32];
    private int[] _hashes = new int[32];

    public string? ErrorMessage;

    /// <summary>Token where nesting went too deep, or the first object with a duplicate name (with <see cref="DuplicateName"/>).</summary>
    public int ErrorToken;

    public int DuplicateObject = -1;
    public int DuplicateName = -1;

    public TapeStatus Build(ReadOnlySpan<byte> json, int maxDepth, bool findDuplicates)
    {
        Count = 0;
        _unescapedLength = 0;
        ErrorMessage = null;
        DuplicateObject = -1;
        DuplicateName = -1;
        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
        {
            json = json[3..];
        }

        if (!Utf8.IsValid(json))
        {
            ErrorMessage = InvalidUtf8Message(json);
            return TapeStatus.InvalidJson;
        }

        if (TryFillPlain(json, maxDepth, findDuplicates))
        {
            return TapeStatus.Ok;
        }

        // Anything the plain scanner does not take (escapes, errors, great depth) is tokenized by Utf8JsonReader,
        // from the start, so its verdicts and messages are the reader's.
        return BuildWithReader(json, maxDepth, findDuplicates);
    }

    /// <summary>Tokenizes with Utf8JsonReader (after the BOM and UTF-8 checks); the reference the plain scanner matches.</summary>
    internal TapeStatus BuildWithReader(ReadOnlySpan<byte> json, int maxDepth, bool findDuplicates)
    {
        Count = 0;
        _unescapedLength = 0;
        DuplicateObject = -1;
        DuplicateName = -1;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth >= int.MaxValue - 1 ? int.MaxValue : Math.Max(maxDepth + 1, 1) });
        try
        {
            // The loop's state lives in locals so it stays in registers; fields are written back on the way out.
            var tokens = Tokens;
            var open = _open;
            var seenNames = _seenNames;
            var count = 0;
            var depth = 0;
            var parent = -1;
            while (reader.Read())
            {
                var type = reader.TokenType;
                if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    var start = open[--depth];
                    ref var container = ref tokens[start];
                    container.Next = count;

                    // Only an object whose filter saw a possible repeat gets the exact comparison.
                    if (findDuplicates && type == JsonTokenType.EndObject && seenNames[depth] == ulong.MaxValue && container.Count > 1 && DuplicateObject < 0)
                    {
                        Count = count;
                        FindDuplicate(json, start);
                    }

                    parent = depth > 0 ? open[depth - 1] : -1;
                    continue;
                }

                if (count == tokens.Length)
                {
                    Array.Resize(ref Tokens, tokens.Length * 2);
                    tokens = Tokens;
                }

                var index = count++;
                ref var t = ref tokens[index];
                t = default;
                t.Next = count;
                if (parent >= 0 && type != JsonTokenType.PropertyName)
                {
                    tokens[parent].Size++;
                }

                switch (type)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        t.Kind = type == JsonTokenType.StartObject ? TokenKind.Object : TokenKind.Array;
                        t.Start = (int)reader.TokenStartIndex;
                        if (depth >= maxDepth)
                        {
                            // Close the open containers at the cut, so the truncated tape still nests (for the error's pointer).
                            for (var d = 0; d < depth; d++)
                            {
                                tokens[open[d]].Next = count;
                            }

                            Count = count;
                            ErrorToken = index;
                            return TapeStatus.TooDeep;
                        }

                        if (depth == open.Length)
                        {
                            Array.Resize(ref _open, open.Length * 2);
                            Array.Resize(ref _seenNames, _open.Length);
                            open = _open;
                            seenNames = _seenNames;
                        }

                        seenNames[depth] = 0;
                        open[depth++] = index;
                        parent = index;
                        break;
                    case JsonTokenType.String:
                    case JsonTokenType.PropertyName:
                        t.Kind = TokenKind.String;
                        SetString(ref t, ref reader);
                        if (type == JsonTokenType.PropertyName)
                        {
                            t.IsName = true;
                            if (findDuplicates)
                            {
                                ref var seen = ref seenNames[depth - 1];
                                var bits = NameBits(t.InSideBuffer ? Unescaped.AsSpan(t.Start, t.Length) : json.Slice(t.Start, t.Length));
                                seen = (seen & bits) == bits ? ulong.MaxValue : seen | bits;
                            }
                        }

                        break;
                    case JsonTokenType.Number:
                        t.Kind = TokenKind.Number;
                        t.Start = (int)reader.TokenStartIndex;
                        t.Size = reader.ValueSpan.Length;
                        break;
                    case JsonTokenType.True:
                        t.Kind = TokenKind.True;
                        break;
                    case JsonTokenType.False:
                        t.Kind = TokenKind.False;
                        break;
                    default:
                        t.Kind = TokenKind.Null;
                        break;
                }
            }

            Count = count;
            return TapeStatus.Ok;
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            ErrorMessage = $"payload is not valid JSON at line {line}, column {column}: {ex.Message}";
            return TapeStatus.InvalidJson;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader accepts "\ud800" (half a surrogate pair) as syntax but cannot unescape it into text.
            ErrorMessage = $"payload is not valid JSON at byte {reader.TokenStartIndex + 1}: a string escapes an unpaired UTF-16 surrogate ({ex.Message})";
            return TapeStatus.InvalidJson;
        }
    }

    /// <summary>Drops very large arrays after use so one huge payload does not pin memory on the thread.</summary>
    public void Trim()
    {
        if (Tokens.Length > TrimTokens)
        {
            Tokens = new TapeToken[64];
        }

        if (Unescaped.Length > TrimTokens * 4)
        {
            Unescaped = new byte[256];
        }

        if (_open.Length > 4096)
        {
            _open = new int[32];
            _seenNames = new ulong[32];
        }

        if (_scratch.Length > TrimTokens)
        {
            _scratch = new int[32];
            _hashes = new int[32];
        }
    }

    public ReadOnlySpan<byte> Text(ReadOnlySpan<byte> json, int index)
    {
        ref readonly var t = ref Tokens[index];
        return t.InSideBuffer ? Unescaped.AsSpan(t.Start, t.Length) : json.Slice(t.Start, t.Length);
    }

    private void SetString(ref TapeToken t, ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            t.Start = (int)reader.TokenStartIndex + 1;
            t.Size = reader.ValueSpan.Length;
            return;
        }

        var needed = _unescapedLength + reader.ValueSpan.Length;
        if (needed > Unescaped.Length)
        {
            Array.Resize(ref Unescaped, Math.Max(needed, Unescaped.Length * 2));
        }

        var written = reader.CopyString(Unescaped.AsSpan(_unescapedLength));
        t.InSideBuffer = true;
        t.Start = _unescapedLength;
        t.Size = written;
        _unescapedLength += written;
    }

    private void FindDuplicate(ReadOnlySpan<byte> json, int obj)
    {
        // Names are compared pairwise for small objects; large ones sort by hash first so the check stays near-linear.
        var count = Tokens[obj].Count;
        if (_scratch.Length < count)
        {
            _scratch = new int[Math.Max(count, _scratch.Length * 2)];
            _hashes = new int[_scratch.Length];
        }

        var names = _scratch.AsSpan(0, count);
        var n = 0;
        for (var i = obj + 1; i < Tokens[obj].Next; i = Tokens[i + 1].Next)
        {
            names[n++] = i;
        }

        if (count <= 16)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    // Lengths (unescaped) differ for most pairs: compare bytes only when they match.
                    if (Tokens[names[a]].Length == Tokens[names[b]].Length && Text(json, names[a]).SequenceEqual(Text(json, names[b])))
                    {
                        DuplicateObject = obj;
                        DuplicateName = names[b];
                        return;
                    }
                }
            }

            return;
        }

        var keys = _hashes.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            keys[i] = Hash(Text(json, names[i]));
        }

        keys.Sort(names);
        for (var i = 1; i < n; i++)
        {
            for (var j = i - 1; j >= 0 && keys[j] == keys[i]; j--)
            {
                if (Text(json, names[i]).SequenceEqual(Text(json, names[j])))
                {
                    DuplicateObject = obj;
                    DuplicateName = Math.Max(names[i], names[j]);
                    return;
                }
            }
        }
    }

    /// <summary>Two bits from the length and three bytes of the (unescaped) name: equal names always set the same two.</summary>
    private static ulong NameBits(ReadOnlySpan<byte> name)
    {
        var n = name.Length;
        var key = (uint)n;
        if (n > 0)
        {
            key |= ((uint)name[0] << 8) | ((uint)name[n - 1] << 16) | ((uint)name[n >> 1] << 24);
        }

        var h = key * 0x9E3779B1u;
        h ^= h >> 15;
        h *= 0x85EBCA77u;
        return (1UL << (int)(h >> 26)) | (1UL << (int)((h >> 20) & 63));
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = unchecked((int)2166136261);
        foreach (var b in bytes)
        {
            h = unchecked((h ^ b) * 16777619);
        }

        return h;
    }

    private static string InvalidUtf8Message(ReadOnlySpan<byte> json)
    {
        var line = 1;
        var column = 1;
        var i = 0;
        while (i < json.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(json[i..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            if (json[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            i += consumed;
        }

        return $"payload is not valid UTF-8 at line {line}, column {column} (byte offset {i})";
    }
}
