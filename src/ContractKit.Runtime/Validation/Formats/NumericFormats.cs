using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Formats;

/// <summary>OpenAPI's numeric formats: int32/int64 are integer ranges, float/double finite ranges.</summary>
internal static class NumericFormats
{
    public static bool IsNumeric(string format) => format is "int32" or "int64" or "float" or "double";

    public static FormatCheck Check(string format) => format switch
    {
        "int32" => static (ref Walker w, int t) => w.TryGetSmallInteger(t, out var small) ? small is >= int.MinValue and <= int.MaxValue : InRange(ref w, t, int.MinValue, int.MaxValue),

        // Up to 18 digits always fit 64 bits.
        "int64" => static (ref Walker w, int t) => w.TryGetSmallInteger(t, out _) || InRange(ref w, t, long.MinValue, long.MaxValue),
        // What a float property would hold: a value that rounds to float.MaxValue (as float.MaxValue itself prints,
        // 3.4028235E+38) fits; one that rounds to infinity does not.
        "float" => static (ref Walker w, int t) => float.IsFinite((float)w.Number(t).Double),
        _ => static (ref Walker w, int t) => double.IsFinite(w.Number(t).Double),
    };

    public static string Range(string format) => format switch
    {
        "int32" => $" (an integer from {int.MinValue} to {int.MaxValue})",
        "int64" => $" (an integer from {long.MinValue} to {long.MaxValue})",
        "float" => " (a finite 32-bit floating-point number)",
        _ => " (a finite 64-bit floating-point number)",
    };

    /// <summary>The general case; a plain literal of up to 18 digits is decided by the callers in 64-bit arithmetic.</summary>
    private static bool InRange(ref Walker w, int t, decimal min, decimal max)
    {
        var n = w.Number(t);
        return n.IsDecimal && n.IsInteger && n.Decimal >= min && n.Decimal <= max;
    }
}
