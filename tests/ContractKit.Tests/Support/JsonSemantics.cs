using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractKit.Tests.Support;

/// <summary>
/// JSON equality as JSON means it: object members are a set (order irrelevant, names compared ordinally), arrays are
/// sequences, numbers are compared by exact value whatever their spelling (<c>1</c>, <c>1.0</c>, <c>1e0</c> and
/// <c>10E-1</c> are one number; <c>0.1</c> and <c>0.10000000000000001</c> are not), strings by their code units after
/// unescaping, and <c>true</c>/<c>false</c>/<c>null</c> only equal themselves.
/// </summary>
internal static class JsonSemantics
{
    /// <summary>Null when equal, else the JSON pointer of the first difference and what differs.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string pointer = "")
    {
        var kindExpected = Kind(expected);
        var kindActual = Kind(actual);
        if (kindExpected != kindActual)
        {
            return $"{Where(pointer)}: expected {Show(expected)}, got {Show(actual)}";
        }

        switch (kindExpected)
        {
            case JsonValueKind.Object:
                var a = (JsonObject)expected!;
                var b = (JsonObject)actual!;
                foreach (var (name, value) in a)
                {
                    if (!b.TryGetPropertyValue(name, out var other))
                    {
                        return $"{Where(pointer)}: member \"{name}\" missing";
                    }

                    if (Difference(value, other, pointer + "/" + Escape(name)) is { } inner)
                    {
                        return inner;
                    }
                }

                var extra = b.Select(p => p.Key).FirstOrDefault(name => !a.ContainsKey(name));
                return extra is null ? null : $"{Where(pointer)}: unexpected member \"{extra}\"";
            case JsonValueKind.Array:
                var x = (JsonArray)expected!;
                var y = (JsonArray)actual!;
                if (x.Count != y.Count)
                {
                    return $"{Where(pointer)}: expected {x.Count} items, got {y.Count}";
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (Difference(x[i], y[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return NumbersEqual(expected!.ToJsonString(), actual!.ToJsonString()) ? null : $"{Where(pointer)}: expected {Show(expected)}, got {Show(actual)}";
            case JsonValueKind.String:
                return string.Equals(expected!.GetValue<string>(), actual!.GetValue<string>(), StringComparison.Ordinal) ? null : $"{Where(pointer)}: expected {Show(expected)}, got {Show(actual)}";
            default:
                return null;
        }
    }

    /// <summary>Exact comparison of two JSON number texts by value: each becomes (sign, digits without leading/trailing zeros, exponent).</summary>
    public static bool NumbersEqual(string left, string right) => Normalize(left) == Normalize(right);

    private static (bool Negative, string Digits, BigInteger Exponent) Normalize(string number)
    {
        var negative = number.StartsWith('-');
        var text = negative ? number[1..] : number;
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? BigInteger.Zero : BigInteger.Parse(text[(e + 1)..].TrimStart('+'), CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= mantissa.Length - dot - 1;
            mantissa = mantissa.Remove(dot, 1);
        }

        var trimmed = mantissa.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return (false, "0", BigInteger.Zero);
        }

        var withoutTrailing = trimmed.TrimEnd('0');
        exponent += trimmed.Length - withoutTrailing.Length;
        return (negative, withoutTrailing, exponent);
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static string Where(string pointer) => pointer.Length == 0 ? "(root)" : pointer;

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
