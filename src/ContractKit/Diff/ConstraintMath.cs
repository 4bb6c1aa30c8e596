using System;
using System.Collections.Generic;
using System.Globalization;
using ContractKit.Model;

namespace ContractKit.Diff;

/// <summary>Which constraint changes narrow the set of allowed values.</summary>
internal static class ConstraintMath
{
    /// <summary>Constraints written closer to the use win over those of the definition it refers to.</summary>
    public static Constraints Merge(Constraints outer, Constraints inner)
    {
        if (inner.IsEmpty)
        {
            return outer;
        }

        if (outer.IsEmpty)
        {
            return inner;
        }

        return new Constraints
        {
            MinLength = outer.MinLength ?? inner.MinLength,
            MaxLength = outer.MaxLength ?? inner.MaxLength,
            Pattern = outer.Pattern ?? inner.Pattern,
            Minimum = outer.Minimum ?? inner.Minimum,
            Maximum = outer.Maximum ?? inner.Maximum,
            ExclusiveMinimum = outer.ExclusiveMinimum ?? inner.ExclusiveMinimum,
            ExclusiveMaximum = outer.ExclusiveMaximum ?? inner.ExclusiveMaximum,
            MultipleOf = outer.MultipleOf ?? inner.MultipleOf,
            MinItems = outer.MinItems ?? inner.MinItems,
            MaxItems = outer.MaxItems ?? inner.MaxItems,
            UniqueItems = outer.UniqueItems || inner.UniqueItems,
            MinProperties = outer.MinProperties ?? inner.MinProperties,
            MaxProperties = outer.MaxProperties ?? inner.MaxProperties,
            PropertyNames = outer.PropertyNames ?? inner.PropertyNames,
            Enum = outer.Enum.Count > 0 ? outer.Enum : inner.Enum,
            Default = outer.Default ?? inner.Default,
        };
    }

    /// <summary>
    /// The changes from <paramref name="baseC"/> to <paramref name="headC"/> that narrow the allowed values
    /// (<paramref name="tightening"/>) or widen them; described base → head.
    /// </summary>
    public static List<string> Changes(Constraints baseC, Constraints headC, bool tightening)
    {
        var (before, after) = tightening ? (baseC, headC) : (headC, baseC);
        var changes = new List<string>();

        // Every numeric and length/size keyword, as the interval of values it allows: one test for all of them.
        void Compare(string what, Func<Constraints, Interval> of)
        {
            if (!of(after).Contains(of(before)))
            {
                changes.Add($"{what} {of(baseC)} → {of(headC)}");
            }
        }

        Compare("length", c => Interval.Count(c.MinLength, c.MaxLength));
        Compare("value range", Interval.Numeric);
        Compare("item count", c => Interval.Count(c.MinItems, c.MaxItems));
        Compare("property count", c => Interval.Count(c.MinProperties, c.MaxProperties));

        if (after.Pattern is not null && !string.Equals(before.Pattern, after.Pattern, StringComparison.Ordinal))
        {
            changes.Add($"pattern {Show(baseC.Pattern)} → {Show(headC.Pattern)}");
        }

        if (after.UniqueItems && !before.UniqueItems)
        {
            changes.Add($"uniqueItems {Bool(baseC.UniqueItems)} → {Bool(headC.UniqueItems)}");
        }

        // Every multiple of 10 is a multiple of 5: only a multipleOf that does not divide the old one narrows.
        if (after.MultipleOf is { } m && m != 0 && (before.MultipleOf is not { } old || old % m != 0))
        {
            changes.Add($"multipleOf {Show(baseC.MultipleOf)} → {Show(headC.MultipleOf)}");
        }

        return changes;
    }

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Show(string? value) => value is null ? "none" : "'" + value + "'";

    private static string Bool(bool value) => value ? "true" : "false";
}
