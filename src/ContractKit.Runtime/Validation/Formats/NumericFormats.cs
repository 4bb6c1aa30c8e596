using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Formats;

/// <summary>OpenAPI's numeric formats: int32/int64 are integer ranges, float/double finite ranges.</summary>
internal static class NumericFormats
{
    public static bool IsNumeric(string format) => format is "int32" or "int64" or "float" or "double";

    public static FormatCheck Check(string format) => format switch
    {
        "int32" => static (ref Walker w, int t) => InRange(ref w, t, int.MinValue, int.MaxValue),
        "int64" => static (ref Walker w, int t) => InRange(ref w, t, long.MinValue, long.MaxValue),
        "float" => static (ref Walker w, int t) => System.Math.Abs(w.Number(t).Double) <= float.MaxValue,
        _ => static (ref Walker w, int t) => double.IsFinite(w.Number(t).Double),
    };

    public static string Range(string format) => format switch
    {
        "int32" => $" (an integer from {int.MinValue} to {int.MaxValue})",
        "int64" => $" (an integer from {long.MinValue} to {long.MaxValue})",
        "float" => " (a finite 32-bit floating-point number)",
        _ => " (a finite 64-bit floating-point number)",
    };

    private static bool InRange(ref Walker w, int t, decimal min, decimal max)
    {
        // A plain literal of up to 18 digits is an exact integer: compare it without the decimal parser.
        if (w.TryGetSmallInteger(t, out var small))
        {
            return small >= min && small <= max;
        }

        var n = w.Number(t);
        return n.IsDecimal && n.IsInteger && n.Decimal >= min && n.Decimal <= max;
    }
}
