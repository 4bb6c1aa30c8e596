using System.Globalization;
using ContractKit.Model;

namespace ContractKit.Diff;

/// <summary>
/// The values a bound pair allows: each end a number or unbounded, open (exclusive) or closed. OpenAPI 3.0's boolean
/// <c>exclusiveMinimum: true</c> and 3.1's numeric <c>exclusiveMinimum: 10</c> reach the model alike (an exclusive
/// bound's number), so both are compared the same way; where a schema gives both an inclusive and an exclusive bound on
/// one side, the stricter one holds.
/// </summary>
internal readonly record struct Interval(decimal? Low, bool LowOpen, decimal? High, bool HighOpen)
{
    /// <summary>Lengths, item and property counts: inclusive integer bounds.</summary>
    public static Interval Count(int? min, int? max) => new(min, false, max, false);

    /// <summary><c>minimum</c>/<c>exclusiveMinimum</c> and <c>maximum</c>/<c>exclusiveMaximum</c>.</summary>
    public static Interval Numeric(Constraints c)
    {
        var (low, lowOpen) = Stricter(Number(c.Minimum), Number(c.ExclusiveMinimum), lower: true);
        var (high, highOpen) = Stricter(Number(c.Maximum), Number(c.ExclusiveMaximum), lower: false);
        return new Interval(low, lowOpen, high, highOpen);
    }

    /// <summary>Whether every value of <paramref name="other"/> is also a value of this interval.</summary>
    public bool Contains(Interval other)
    {
        var lowOk = Low is not { } low
            || (other.Low is { } otherLow && (otherLow > low || (otherLow == low && (!LowOpen || other.LowOpen))));
        var highOk = High is not { } high
            || (other.High is { } otherHigh && (otherHigh < high || (otherHigh == high && (!HighOpen || other.HighOpen))));
        return lowOk && highOk;
    }

    /// <summary><c>[10, ∞)</c>, <c>(0, 1]</c>; unbounded as <c>any</c>.</summary>
    public override string ToString()
    {
        if (Low is null && High is null)
        {
            return "any";
        }

        var low = Low is { } l ? (LowOpen ? "(" : "[") + l.ToString(CultureInfo.InvariantCulture) : "(-∞";
        var high = High is { } h ? h.ToString(CultureInfo.InvariantCulture) + (HighOpen ? ")" : "]") : "∞)";
        return low + ", " + high;
    }

    private static (decimal? Value, bool Open) Stricter(decimal? inclusive, decimal? exclusive, bool lower)
    {
        if (exclusive is not { } e)
        {
            return (inclusive, false);
        }

        if (inclusive is not { } i)
        {
            return (e, true);
        }

        // An exclusive bound at the same number is the stricter one.
        return (lower ? i > e : i < e) ? (i, false) : (e, true);
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
