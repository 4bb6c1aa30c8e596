using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ContractKit.Lint.Rules;

/// <summary>The properties a raw schema declares and requires, through <c>$ref</c> and <c>allOf</c>.</summary>
internal static class SchemaShape
{
    public static (HashSet<string> Declared, HashSet<string> Required) Of(LintContext context, JsonNode? schema)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(context, schema, declared, required, 0);
        return (declared, required);
    }

    public static JsonNode? Follow(LintContext context, JsonNode? node)
    {
        for (var i = 0; i < 16 && node is JsonObject obj && LintWalker.Text(obj["$ref"]) is { } target && target.StartsWith('#'); i++)
        {
            node = context.Read.RawNodeAt(target);
        }

        return node;
    }

    private static void Collect(LintContext context, JsonNode? node, HashSet<string> declared, HashSet<string> required, int depth)
    {
        if (depth > 32 || Follow(context, node) is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, _) in properties)
            {
                declared.Add(name);
            }
        }

        if (schema["required"] is JsonArray names)
        {
            foreach (var name in names)
            {
                if (LintWalker.Text(name) is { } text)
                {
                    required.Add(text);
                }
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                Collect(context, part, declared, required, depth + 1);
            }
        }

        // A nested union declares (requires) what every one of its branches declares (requires).
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is not JsonArray branches || branches.Count == 0)
            {
                continue;
            }

            HashSet<string>? allDeclared = null;
            HashSet<string>? allRequired = null;
            foreach (var branch in branches)
            {
                if (Follow(context, branch) is JsonObject b && b.Count == 1 && LintWalker.Text(b["type"]) == "null")
                {
                    continue;
                }

                var branchDeclared = new HashSet<string>(StringComparer.Ordinal);
                var branchRequired = new HashSet<string>(StringComparer.Ordinal);
                Collect(context, branch, branchDeclared, branchRequired, depth + 1);
                if (allDeclared is null || allRequired is null)
                {
                    (allDeclared, allRequired) = (branchDeclared, branchRequired);
                }
                else
                {
                    allDeclared.IntersectWith(branchDeclared);
                    allRequired.IntersectWith(branchRequired);
                }
            }

            declared.UnionWith(allDeclared ?? []);
            required.UnionWith(allRequired ?? []);
        }
    }
}
