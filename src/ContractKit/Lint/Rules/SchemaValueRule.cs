using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>CK4013 duplicate enum values; CK4014 lower bounds above upper bounds (no value can be valid).</summary>
internal sealed class SchemaValueRule : ILintRule
{
    /// <summary>An <c>enum</c> lists the same value twice.</summary>
    public static readonly LintRuleInfo DuplicateEnumValue = new("CK4013", "duplicate-enum-value", FindingLevel.Warning, "An enum lists a value more than once.");

    /// <summary>A lower bound above its upper bound (<c>minLength &gt; maxLength</c>, ...): no value can be valid.</summary>
    public static readonly LintRuleInfo InvertedBounds = new("CK4014", "inverted-bounds", FindingLevel.Error, "A minimum is greater than its maximum.");

    public IReadOnlyList<LintRuleInfo> Rules => [DuplicateEnumValue, InvertedBounds];

    private static readonly (string Min, string Max)[] Bounds =
    [
        ("minLength", "maxLength"), ("minItems", "maxItems"), ("minProperties", "maxProperties"), ("minimum", "maximum"), ("minContains", "maxContains"),
    ];

    public void Check(LintContext context)
    {
        foreach (var site in context.Document.Schemas)
        {
            if (site.Node["enum"] is JsonArray values)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < values.Count; i++)
                {
                    var text = values[i]?.ToJsonString() ?? "null";
                    if (!seen.Add(text))
                    {
                        context.Report(DuplicateEnumValue, $"enum value {text} is listed more than once.", $"{site.Pointer}/enum/{i}");
                    }
                }
            }

            foreach (var (min, max) in Bounds)
            {
                if (Number(site.Node[min]) is { } low && Number(site.Node[max]) is { } high && low > high)
                {
                    context.Report(InvertedBounds, $"{min} {Format(low)} is greater than {max} {Format(high)}: no value can be valid.", $"{site.Pointer}/{min}");
                }
            }
        }
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number && value.TryGetValue<double>(out var number) ? number : null;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
