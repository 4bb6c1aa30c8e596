using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ContractKit.Model;

namespace ContractKit.AspNetCore.Parameters;

/// <summary>
/// A scalar parameter's text as UTF-8 JSON in a per-thread buffer, without building a node: the common case (an
/// id in the path, a number in the query) validated without allocating. Same rules as <see cref="ParameterParser.Scalar"/>.
/// </summary>
internal static class ScalarJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The JSON of <paramref name="text"/> as <paramref name="kind"/> wants it; valid until the next call on this thread.</summary>
    public static ReadOnlySpan<byte> Of(ReadOnlySpan<char> text, PrimitiveKind kind)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        if (kind is PrimitiveKind.Integer or PrimitiveKind.Number && IsPlainNumber(text))
        {
            var span = buffer.GetSpan(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = (byte)text[i];
            }

            buffer.Advance(text.Length);
            return buffer.WrittenSpan;
        }

        if (kind == PrimitiveKind.Boolean && text is "true" or "false")
        {
            writer.WriteBooleanValue(text is "true");
        }
        else
        {
            writer.WriteStringValue(text);
        }

        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>JSON's number grammar: <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>.</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start || (text[start] == '0' && i - start > 1))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            var fraction = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponent = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == text.Length && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
