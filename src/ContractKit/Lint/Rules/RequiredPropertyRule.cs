using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4011: <c>required</c> names a property that is not declared, for schemas that list <c>properties</c> or forbid
/// others. An error when <c>additionalProperties: false</c> makes the schema unsatisfiable, a warning otherwise.
/// Properties declared by the <c>allOf</c> the schema belongs to count as declared.
/// CK4015: <c>required</c> on a schema whose <c>type</c> excludes objects (an array's <c>required</c> meant for its items).
/// </summary>
internal sealed class RequiredPropertyRule : ILintRule
{
    /// <summary><c>required</c> names a property the schema does not declare.</summary>
    public static readonly LintRuleInfo RequiredUndeclared = new("CK4011", "required-undeclared", FindingLevel.Error, "required names a property that is not declared.");

    /// <summary><c>required</c> on a schema whose <c>type</c> rules out objects (often meant for its <c>items</c>): it checks nothing.</summary>
    public static readonly LintRuleInfo RequiredOnNonObject = new("CK4015", "required-on-non-object", FindingLevel.Warning, "required is written on a schema that cannot be an object, so it has no effect.");

    public IReadOnlyList<LintRuleInfo> Rules => [RequiredUndeclared, RequiredOnNonObject];

    public void Check(LintContext context)
    {
        foreach (var site in context.Document.Schemas)
        {
            if (site.Node["required"] is not JsonArray required)
            {
                continue;
            }

            if (required.Count > 0 && NonObjectType(site.Node["type"]) is { } type)
            {
                context.Report(
                    RequiredOnNonObject,
                    $"required ({string.Join(", ", required.Select(r => LintWalker.Text(r)).OfType<string>().Take(4))}) is written on a schema of type {type}, which is never an object, so it checks nothing{(type == "array" ? "; was it meant for items?" : ".")}",
                    $"{site.Pointer}/required");
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
                        RequiredUndeclared,
                        closed
                            ? $"'{name}' is required but not declared, and additionalProperties is false: no value can be valid."
                            : $"'{name}' is required but not among the declared properties ({string.Join(", ", declared.Order(StringComparer.Ordinal).Take(8))}{(declared.Count > 8 ? ", ..." : string.Empty)}).",
                        $"{site.Pointer}/required/{i}",
                        level: closed ? FindingLevel.Error : FindingLevel.Warning);
                }
            }
        }
    }

    /// <summary>The declared type when it rules out objects (<c>array</c>, <c>[string, null]</c>...), else null.</summary>
    private static string? NonObjectType(JsonNode? type) => type switch
    {
        JsonValue v when LintWalker.Text(v) is { } t && t != "object" => t,
        JsonArray list when list.Count > 0 && list.All(t => LintWalker.Text(t) is { } s && s != "object") => "[" + string.Join(", ", list.Select(t => LintWalker.Text(t))) + "]",
        _ => null,
    };

    /// <summary>The schema whose <c>allOf</c> this one is a part of (<c>X/allOf/1</c> → <c>X</c>), if any.</summary>
    private static string? AllOfOwner(string pointer)
    {
        var last = pointer.LastIndexOf('/');
        var parent = last > 0 ? pointer[..last] : null;
        return parent is not null && parent.EndsWith("/allOf", StringComparison.Ordinal) ? parent[..^"/allOf".Length] : null;
    }
}
