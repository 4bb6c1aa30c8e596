using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4009/CK4010: a discriminator's <c>propertyName</c> is declared (error) and required (warning) in every branch:
/// the <c>oneOf</c>/<c>anyOf</c> branches, else the <c>mapping</c> targets, else the schema itself.
/// </summary>
internal sealed class DiscriminatorRule : ILintRule
{
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
                        branches.Add(($"{site.Pointer}/discriminator/mapping/{Model.JsonPointer.Escape(value)}", context.Read.RawNodeAt(at)));
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
                    context.Report(LintRules.DiscriminatorPropertyMissing, $"discriminator property '{property}' is not declared in {name}.", pointer);
                }
                else if (!required.Contains(property))
                {
                    context.Report(LintRules.DiscriminatorPropertyOptional, $"discriminator property '{property}' is not required in {name}.", pointer);
                }
            }
        }
    }

    private static string Name(JsonNode? node, string pointer) =>
        node is JsonObject obj && LintWalker.Text(obj["$ref"]) is { } target ? target : pointer;
}
