using System;
using System.Globalization;

namespace ContractKit.Runtime.Validation.Instance;

/// <summary>
/// A JSON number as decimal when it fits (exact for the decimal fractions payloads use), else as double
/// (so <c>1e400</c> is positive infinity: a huge number, never a crash).
/// </summary>
internal readonly struct JsonNumber
{
    public readonly decimal Decimal;
    public readonly double Double;
    public readonly bool IsDecimal;

    public JsonNumber(decimal value)
    {
        Decimal = value;
        Double = (double)value;
        IsDecimal = true;
    }

    public JsonNumber(double value)
    {
        Double = value;
        IsDecimal = false;
    }

    public static JsonNumber Parse(ReadOnlySpan<byte> utf8)
    {
        // Most payload numbers are plain integers (ids, timestamps, counts): skip the general decimal parser for them.
        if (TryParseSmallInteger(utf8, out var small))
        {
            return new JsonNumber((decimal)small);
        }

        if (decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && (d != 0 || IsZeroLiteral(utf8)))
        {
            return new JsonNumber(d);
        }

        double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var x);
        return new JsonNumber(x);
    }

    public bool IsInteger => IsDecimal ? decimal.Truncate(Decimal) == Decimal : double.IsInfinity(Double) || Math.Floor(Double) == Double;

    public static int Compare(in JsonNumber a, in JsonNumber b) =>
        a.IsDecimal && b.IsDecimal ? a.Decimal.CompareTo(b.Decimal) : a.Double.CompareTo(b.Double);

    public static bool AreEqual(in JsonNumber a, in JsonNumber b) => Compare(a, b) == 0;

    public bool IsMultipleOf(in JsonNumber divisor)
    {
        if (IsDecimal && divisor.IsDecimal && divisor.Decimal != 0)
        {
            try
            {
                return Decimal % divisor.Decimal == 0;
            }
            catch (OverflowException)
            {
                // fall through to double arithmetic
            }
        }

        var q = Double / divisor.Double;
        if (double.IsInfinity(q) && IsInteger && divisor.IsDecimal && divisor.Decimal != 0)
        {
            // Overflowed quotient: an integer is a multiple of any divisor whose reciprocal is an integer (0.5, 0.25...).
            var reciprocal = 1m / divisor.Decimal;
            return decimal.Truncate(reciprocal) == reciprocal;
        }

        return !double.IsInfinity(q) && !double.IsNaN(q) && Math.Floor(q) == q;
    }

    public override string ToString() => IsDecimal ? Decimal.ToString(CultureInfo.InvariantCulture) : Double.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An optional '-' then at most 18 digits (no fraction, no exponent): always exact in a long.</summary>
    public static bool TryParseSmallInteger(ReadOnlySpan<byte> utf8, out long value)
    {
        value = 0;
        var negative = utf8.Length > 0 && utf8[0] == (byte)'-';
        var digits = negative ? utf8[1..] : utf8;
        if (digits.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var d = (uint)(b - (byte)'0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static bool IsZeroLiteral(ReadOnlySpan<byte> utf8)
    {
        // decimal turns underflow (1e-400) into 0; only a literal made of zeros is really zero.
        foreach (var b in utf8)
        {
            if (b is (byte)'e' or (byte)'E')
            {
                return true;
            }

            if (b is >= (byte)'1' and <= (byte)'9')
            {
                return false;
            }
        }

        return true;
    }
}
