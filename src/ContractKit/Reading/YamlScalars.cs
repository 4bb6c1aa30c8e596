using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractKit.Reading;

/// <summary>
/// Gives YAML scalars JSON types by the YAML 1.2 core schema: quoted and block scalars are strings; plain scalars
/// are null, booleans, integers or floats when they match the core-schema patterns exactly, strings otherwise.
/// (So YAML 1.1 forms such as <c>yes</c>, <c>on</c>, <c>2024-01-01</c> or <c>010</c> as octal stay as written.)
/// </summary>
internal static class YamlScalars
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string NullTag = "tag:yaml.org,2002:null";

    public static JsonNode? ToJson(Scalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty)
        {
            return scalar.Tag.Value switch
            {
                IntTag => ParseInteger(text) ?? JsonValue.Create(text),
                FloatTag => ParseFloat(text) ?? JsonValue.Create(text),
                BoolTag => ParseBool(text) ?? JsonValue.Create(text),
                NullTag => null,
                // "!", "!!str", "!!binary", "!!timestamp" and application tags: the text is the value.
                _ => JsonValue.Create(text),
            };
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (IsNull(text))
        {
            return null;
        }

        return ParseBool(text) ?? ParseInteger(text) ?? ParseFloat(text) ?? JsonValue.Create(text);
    }

    /// <summary>The YAML <c>null</c> a plain scalar may spell: <c>null</c>, <c>Null</c>, <c>NULL</c>, <c>~</c> or nothing.</summary>
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    private static JsonValue? ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ => null,
    };

    private static JsonValue? ParseInteger(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) || text.StartsWith("0o", StringComparison.Ordinal))
        {
            var digits = text.AsSpan(2);
            var radix = text[1] == 'x' ? 16 : 8;
            if (digits.Length == 0 || digits.Length > (radix == 16 ? 15 : 20))
            {
                return null;
            }

            long value = 0;
            foreach (var c in digits)
            {
                var digit = HexValue(c);
                if (digit < 0 || digit >= radix)
                {
                    return null;
                }

                value = value * radix + digit;
            }

            return Number(value.ToString(CultureInfo.InvariantCulture));
        }

        var start = text[0] is '-' or '+' ? 1 : 0;
        if (start == text.Length)
        {
            return null;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return null;
            }
        }

        return Number(ToJsonNumber(text));
    }

    /// <summary>
    /// Floats keep their text (<c>1.0</c> stays <c>1.0</c> when Microsoft.OpenApi turns it back into a string),
    /// respelled only where YAML allows what JSON does not (<c>+1</c>, <c>.5</c>, <c>1.</c>, <c>01</c>).
    /// <c>.inf</c> and <c>.nan</c> have no JSON form (System.Text.Json refuses to write them), so they stay strings.
    /// </summary>
    private static JsonValue? ParseFloat(string text) => IsCoreFloat(text) ? Number(ToJsonNumber(text)) : null;

    /// <summary>
    /// Numbers are made exactly as a JSON read makes them, backed by a <see cref="JsonElement"/>, so consumers can
    /// call <c>GetValue&lt;int&gt;()</c> or <c>GetValue&lt;decimal&gt;()</c> on a YAML number just as on a JSON one
    /// (a <c>JsonValue&lt;long&gt;</c> would refuse <c>GetValue&lt;int&gt;()</c>).
    /// </summary>
    private static JsonValue Number(string json) => JsonValue.Create(JsonElement.Parse(json))!;

    /// <summary>A core-schema number (sign, digits, optional fraction and exponent) in JSON's stricter spelling.</summary>
    private static string ToJsonNumber(string text)
    {
        var body = text.AsSpan();
        var negative = body[0] == '-';
        if (body[0] is '-' or '+')
        {
            body = body[1..];
        }

        var exponentAt = body.IndexOfAny('e', 'E');
        var exponent = exponentAt < 0 ? ReadOnlySpan<char>.Empty : body[(exponentAt + 1)..];
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var dot = mantissa.IndexOf('.');
        var integer = (dot < 0 ? mantissa : mantissa[..dot]).TrimStart('0');
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : mantissa[(dot + 1)..];

        var builder = new System.Text.StringBuilder(text.Length + 2);
        if (negative)
        {
            builder.Append('-');
        }

        builder.Append(integer.IsEmpty ? "0" : integer);
        if (!fraction.IsEmpty)
        {
            builder.Append('.').Append(fraction);
        }

        if (exponentAt >= 0)
        {
            builder.Append('e').Append(exponent);
        }

        return builder.ToString();
    }

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, the core-schema float without inf/nan.</summary>
    private static bool IsCoreFloat(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }

        var intDigits = CountDigits(text, ref i);
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionDigits = CountDigits(text, ref i);
        }

        if (intDigits == 0 && fractionDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int CountDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
