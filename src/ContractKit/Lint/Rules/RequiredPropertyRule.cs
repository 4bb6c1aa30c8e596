using System;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4011: <c>required</c> names a property that is not declared, for schemas that list <c>properties</c> or forbid
/// others. An error when <c>additionalProperties: false</c> makes the schema unsatisfiable, a warning otherwise.
/// Properties declared by the <c>allOf</c> the schema belongs to count as declared.
/// </summary>
internal sealed class RequiredPropertyRule : ILintRule
{
    public void Check(LintContext context)
    {
        foreach (var site in context.Document.Schemas)
        {
            if (site.Node["required"] is not JsonArray required)
            {
                continue;
            }

            var closed = site.Node["additionalProperties"] is JsonValue value && value.TryGetValue<bool>(out var allowed) && !allowed;
            if (site.Node["properties"] is not JsonObject && !closed)
            {
                continue;
            }

            var (declared, _) = SchemaShape.Of(context, site.Node);
            var owner = AllOfOwner(site.Pointer);
            if (owner is not null)
            {
                declared.UnionWith(SchemaShape.Of(context, context.Read.RawNodeAt(owner)).Declared);
            }

            for (var i = 0; i < required.Count; i++)
            {
                if (LintWalker.Text(required[i]) is { } name && !declared.Contains(name))
                {
                    context.Report(
                        LintRules.RequiredUndeclared,
                        closed
                            ? $"'{name}' is required but not declared, and additionalProperties is false: no value can be valid."
                            : $"'{name}' is required but not among the declared properties ({string.Join(", ", declared.Order(StringComparer.Ordinal).Take(8))}{(declared.Count > 8 ? ", ..." : string.Empty)}).",
                        $"{site.Pointer}/required/{i}",
                        level: closed ? FindingLevel.Error : FindingLevel.Warning);
                }
            }
        }
    }

    /// <summary>The schema whose <c>allOf</c> this one is a part of (<c>X/allOf/1</c> → <c>X</c>), if any.</summary>
    private static string? AllOfOwner(string pointer)
    {
        var last = pointer.LastIndexOf('/');
        var parent = last > 0 ? pointer[..last] : null;
        return parent is not null && parent.EndsWith("/allOf", StringComparison.Ordinal) ? parent[..^"/allOf".Length] : null;
    }
}
