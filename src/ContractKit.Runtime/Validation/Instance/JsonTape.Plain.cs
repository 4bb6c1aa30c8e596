using System;
using System.Buffers;

namespace ContractKit.Runtime.Validation.Instance;

/// <summary>
/// The common case without Utf8JsonReader: strict RFC 8259 JSON with no escape sequences and moderate depth,
/// scanned in one pass straight into the tape. It only ever accepts: anything it does not take (an escape, any
/// syntax error, nesting at the depth limit) makes it give up, and <see cref="Build"/> tokenizes again with
/// Utf8JsonReader, whose verdicts and messages stay authoritative. The tape it writes is the one the reader
/// path writes for the same input.
/// </summary>
internal sealed partial class JsonTape
{
    /// <summary>What ends the plain part of a string: the closing quote, an escape, or a control character (an error).</summary>
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    internal bool TryFillPlain(ReadOnlySpan<byte> json, int maxDepth, bool findDuplicates)
    {
        Count = 0;
        var tokens = Tokens;
        var open = _open;
        var seenNames = _seenNames;
        var depthLimit = Math.Min(maxDepth, open.Length);
        var count = 0;
        var depth = 0;
        var parent = -1;
        var pos = SkipWhitespace(json, 0);
        while (true)
        {
            // A value starts at pos.
            if (pos >= json.Length)
            {
                return false;
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
            if (parent >= 0)
            {
                tokens[parent].Size++;
            }

            var c = json[pos];
            switch (c)
            {
                case (byte)'{':
                case (byte)'[':
                    t.Kind = c == (byte)'{' ? TokenKind.Object : TokenKind.Array;
                    t.Start = pos;
                    if (depth >= depthLimit)
                    {
                        return false;
                    }

                    seenNames[depth] = 0;
                    open[depth++] = index;
                    parent = index;
                    pos = SkipWhitespace(json, pos + 1);
                    if (pos < json.Length && json[pos] == c + 2)
                    {
                        // "{}" or "[]": '}' and ']' are two past '{' and '['. Closed below, with the other ends.
                        break;
                    }

                    if (c == (byte)'{' && !TryName(json, ref pos, ref count, ref tokens, parent, findDuplicates ? seenNames : null, depth))
                    {
                        return false;
                    }

                    continue;
                case (byte)'"':
                {
                    var length = PlainStringLength(json, pos + 1);
                    if (length < 0)
                    {
                        return false;
                    }

                    t.Kind = TokenKind.String;
                    t.Start = pos + 1;
                    t.Size = length;
                    pos += length + 2;
                    break;
                }

                case (byte)'t':
                    if (!json[pos..].StartsWith("true"u8))
                    {
                        return false;
                    }

                    t.Kind = TokenKind.True;
                    pos += 4;
                    break;
                case (byte)'f':
                    if (!json[pos..].StartsWith("false"u8))
                    {
                        return false;
                    }

                    t.Kind = TokenKind.False;
                    pos += 5;
                    break;
                case (byte)'n':
                    if (!json[pos..].StartsWith("null"u8))
                    {
                        return false;
                    }

                    t.Kind = TokenKind.Null;
                    pos += 4;
                    break;
                default:
                {
                    var end = NumberEnd(json, pos);
                    if (end < 0)
                    {
                        return false;
                    }

                    t.Kind = TokenKind.Number;
                    t.Start = pos;
                    t.Size = end - pos;
                    pos = end;
                    break;
                }
            }

            // After a value (or at the end of an empty container): a separator, a container's end, or the input's end.
            while (true)
            {
                if (depth > 0 && pos < json.Length && json[pos] == (tokens[open[depth - 1]].Kind == TokenKind.Object ? (byte)'}' : (byte)']'))
                {
                    var start = open[--depth];
                    ref var container = ref tokens[start];
                    container.Next = count;
                    if (findDuplicates && container.Kind == TokenKind.Object && seenNames[depth] == ulong.MaxValue && container.Count > 1 && DuplicateObject < 0)
                    {
                        FindDuplicate(json, start);
                    }

                    parent = depth > 0 ? open[depth - 1] : -1;
                    pos = SkipWhitespace(json, pos + 1);
                    continue;
                }

                pos = SkipWhitespace(json, pos);
                if (depth == 0)
                {
                    if (pos != json.Length)
                    {
                        return false;
                    }

                    Count = count;
                    return true;
                }

                if (pos < json.Length && json[pos] == (tokens[open[depth - 1]].Kind == TokenKind.Object ? (byte)'}' : (byte)']'))
                {
                    continue;
                }

                if (pos >= json.Length || json[pos] != (byte)',')
                {
                    return false;
                }

                pos = SkipWhitespace(json, pos + 1);
                if (tokens[open[depth - 1]].Kind == TokenKind.Object && !TryName(json, ref pos, ref count, ref tokens, parent, findDuplicates ? seenNames : null, depth))
                {
                    return false;
                }

                break;
            }
        }
    }

    /// <summary>A member name at <paramref name="pos"/>, then the colon; leaves <paramref name="pos"/> at the value.</summary>
    private bool TryName(ReadOnlySpan<byte> json, ref int pos, ref int count, ref TapeToken[] tokens, int parent, ulong[]? seenNames, int depth)
    {
        if (pos >= json.Length || json[pos] != (byte)'"')
        {
            return false;
        }

        var length = PlainStringLength(json, pos + 1);
        if (length < 0)
        {
            return false;
        }

        if (count == tokens.Length)
        {
            Array.Resize(ref Tokens, tokens.Length * 2);
            tokens = Tokens;
        }

        var index = count++;
        ref var t = ref tokens[index];
        t = default;
        t.Kind = TokenKind.String;
        t.IsName = true;
        t.Start = pos + 1;
        t.Size = length;
        t.Next = count;
        if (seenNames is not null)
        {
            ref var seen = ref seenNames[depth - 1];
            var bits = NameBits(json.Slice(pos + 1, length));
            seen = (seen & bits) == bits ? ulong.MaxValue : seen | bits;
        }

        pos = SkipWhitespace(json, pos + length + 2);
        if (pos >= json.Length || json[pos] != (byte)':')
        {
            return false;
        }

        pos = SkipWhitespace(json, pos + 1);
        return true;
    }

    /// <summary>Length of the string content from <paramref name="start"/> to its closing quote; -1 at an escape, a control character or the end.</summary>
    private static int PlainStringLength(ReadOnlySpan<byte> json, int start)
    {
        var rest = json[start..];
        var length = rest.IndexOfAny(s_stringStops);
        return length >= 0 && rest[length] == (byte)'"' ? length : -1;
    }

    /// <summary>The end of the number at <paramref name="pos"/> by RFC 8259's grammar, or -1.</summary>
    private static int NumberEnd(ReadOnlySpan<byte> json, int pos)
    {
        var p = pos;
        if (p < json.Length && json[p] == (byte)'-')
        {
            p++;
        }

        if (p >= json.Length)
        {
            return -1;
        }

        if (json[p] == (byte)'0')
        {
            p++;
        }
        else if (IsDigit(json[p]))
        {
            p = SkipDigits(json, p + 1);
        }
        else
        {
            return -1;
        }

        if (p < json.Length && json[p] == (byte)'.')
        {
            if (p + 1 >= json.Length || !IsDigit(json[p + 1]))
            {
                return -1;
            }

            p = SkipDigits(json, p + 2);
        }

        if (p < json.Length && (json[p] | 0x20) == (byte)'e')
        {
            p++;
            if (p < json.Length && json[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }

            if (p >= json.Length || !IsDigit(json[p]))
            {
                return -1;
            }

            p = SkipDigits(json, p + 1);
        }

        return p;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int SkipDigits(ReadOnlySpan<byte> json, int p)
    {
        while (p < json.Length && IsDigit(json[p]))
        {
            p++;
        }

        return p;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int p)
    {
        while (p < json.Length && json[p] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            p++;
        }

        return p;
    }
}
