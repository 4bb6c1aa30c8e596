using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Reporting;
using ContractKit.Runtime;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4009/CK4010: a discriminator's <c>propertyName</c> is declared (error) and required (warning) in every branch:
/// the <c>oneOf</c>/<c>anyOf</c> branches, else the <c>mapping</c> targets, else the schema itself.
/// </summary>
internal sealed class DiscriminatorRule : ILintRule
{
    /// <summary>A discriminator's property is not declared in a branch.</summary>
    public static readonly LintRuleInfo DiscriminatorPropertyMissing = new("CK4009", "discriminator-property-missing", FindingLevel.Error, "The discriminator property is not declared in every branch.");

    /// <summary>A discriminator's property is declared but not required in a branch.</summary>
    public static readonly LintRuleInfo DiscriminatorPropertyOptional = new("CK4010", "discriminator-property-optional", FindingLevel.Warning, "The discriminator property is not required in every branch.");

    public IReadOnlyList<LintRuleInfo> Rules => [DiscriminatorPropertyMissing, DiscriminatorPropertyOptional];

    public void Check(LintContext context)
    {
        foreach (var site in context.Document.Schemas)
        {
            if (site.Node["discriminator"] is not JsonObject discriminator || LintWalker.Text(discriminator["propertyName"]) is not { } property)
            {
                continue;
            }

            var branches = new List<(string Pointer, JsonNode? Node)>();
            foreach (var keyword in new[] { "oneOf", "anyOf" })
            {
                if (site.Node[keyword] is JsonArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        branches.Add(($"{site.Pointer}/{keyword}/{i}", list[i]));
                    }
                }
            }

            if (branches.Count == 0 && discriminator["mapping"] is JsonObject mapping)
            {
                foreach (var (value, target) in mapping)
                {
                    if (LintWalker.Text(target) is { } pointer)
                    {
                        var at = pointer.StartsWith('#') ? pointer : "#/components/schemas/" + pointer;
                        branches.Add(($"{site.Pointer}/discriminator/mapping/{JsonPointer.Escape(value)}", context.Read.RawNodeAt(at)));
                    }
                }
            }

            if (branches.Count == 0)
            {
                branches.Add((site.Pointer + "/discriminator", site.Node));
            }

            // The discriminating schema's own allOf/properties apply to every branch (a common base). Its shape
            // includes its branches, so it is worked out once, not once per branch.
            (HashSet<string> Declared, HashSet<string> Required)? common = null;
            foreach (var (pointer, node) in branches)
            {
                // $recursiveRef/$dynamicRef: where they land depends on the evaluation path; not followed here.
                if (SchemaShape.Follow(context, node) is not JsonObject resolved || resolved.ContainsKey("$recursiveRef") || resolved.ContainsKey("$dynamicRef"))
                {
                    continue;
                }

                var (declared, required) = SchemaShape.Of(context, node);
                var (baseDeclared, baseRequired) = common ??= SchemaShape.Of(context, site.Node);
                declared.UnionWith(baseDeclared);
                required.UnionWith(baseRequired);
                var name = Name(node, pointer);
                if (!declared.Contains(property))
                {
                    context.Report(DiscriminatorPropertyMissing, $"discriminator property '{property}' is not declared in {name}.", pointer);
                }
                else if (!required.Contains(property))
                {
                    context.Report(DiscriminatorPropertyOptional, $"discriminator property '{property}' is not required in {name}.", pointer);
                }
            }
        }
    }

    private static string Name(JsonNode? node, string pointer) =>
        node is JsonObject obj && LintWalker.Text(obj["$ref"]) is { } target ? target : pointer;
}
