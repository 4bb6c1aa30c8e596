using System.Collections.Generic;
using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

internal static partial class KeywordFactory
{
    private static void AddApplicators(SchemaCompiler compiler, SchemaSite site, List<Keyword> list)
    {
        var e = site.Element;
        if (e.TryGetProperty("allOf", out var allOf))
        {
            var (nodes, segments) = SchemaArray(compiler, site, "allOf", allOf);
            list.Add(new AllOfKeyword(nodes, segments));
        }

        Keyword? choice = null;
        string? choiceName = null;
        if (e.TryGetProperty("anyOf", out var anyOf))
        {
            var (nodes, segments) = SchemaArray(compiler, site, "anyOf", anyOf);
            choice = new AnyOfKeyword(nodes, segments);
            choiceName = "anyOf";
            list.Add(choice);
        }

        if (e.TryGetProperty("oneOf", out var oneOf))
        {
            var (nodes, segments) = SchemaArray(compiler, site, "oneOf", oneOf);
            choice = new OneOfKeyword(nodes, segments);
            choiceName = "oneOf";
            list.Add(choice);
        }

        if (compiler.Options.OpenApiVocabulary && choice is not null && e.TryGetProperty("discriminator", out var discriminator) &&
            BuildDiscriminator(compiler, site, discriminator, choiceName!, choice) is { } selector)
        {
            list[list.IndexOf(choice)] = selector;
        }

        if (e.TryGetProperty("not", out _))
        {
            list.Add(new NotKeyword(compiler.CompileChild(site, "/not")));
        }

        if (!site.Dialect.Draft4 && e.TryGetProperty("if", out _))
        {
            var then = e.TryGetProperty("then", out _) ? compiler.CompileChild(site, "/then") : null;
            var otherwise = e.TryGetProperty("else", out _) ? compiler.CompileChild(site, "/else") : null;
            list.Add(new IfThenElseKeyword(compiler.CompileChild(site, "/if"), then, otherwise));
        }
    }

    private static DiscriminatorKeyword? BuildDiscriminator(SchemaCompiler compiler, SchemaSite site, JsonElement discriminator, string choiceName, Keyword fallback)
    {
        var at = site.Key + "/discriminator";
        if (discriminator.ValueKind != JsonValueKind.Object ||
            !discriminator.TryGetProperty("propertyName", out var propertyName) || propertyName.ValueKind != JsonValueKind.String)
        {
            throw new SchemaCompilationException(at, "'discriminator' must be an object with a string 'propertyName'");
        }

        var tags = new List<string>();
        var nodes = new List<SchemaNode>();
        var segments = new List<string>();
        var branches = site.Element.GetProperty(choiceName);

        // Branch targets by their site, so a mapping value and a branch $ref to the same schema share the branch's path.
        var branchSites = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var index = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            if (branch.ValueKind == JsonValueKind.Object && branch.TryGetProperty("$ref", out var r) && r.ValueKind == JsonValueKind.String)
            {
                branchSites.TryAdd(compiler.ResolveSite(site, r.GetString()!, "$ref").Key, index);
            }

            index++;
        }

        if (discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
        {
            foreach (var m in mapping.EnumerateObject())
            {
                var value = String(site, m.Value, "discriminator/mapping");
                var target = MappingTarget(compiler, site, value);
                tags.Add(m.Name);
                nodes.Add(compiler.Compile(target));
                segments.Add(branchSites.TryGetValue(target.Key, out var b) ? Segment(choiceName, b) : Segment("discriminator/mapping", m.Name));
            }
        }

        index = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            if (branch.ValueKind == JsonValueKind.Object && branch.TryGetProperty("$ref", out var r) && r.ValueKind == JsonValueKind.String)
            {
                var name = JsonPointerNavigation.LastSegment(r.GetString()!);
                if (!tags.Contains(name))
                {
                    tags.Add(name);
                    nodes.Add(compiler.CompileChild(site, "/" + Segment(choiceName, index)));
                    segments.Add(Segment(choiceName, index));
                }
            }

            index++;
        }

        // Inline branches without a mapping name nothing a tag could select: the plain oneOf/anyOf applies.
        return tags.Count == 0 ? null : new DiscriminatorKeyword(propertyName.GetString()!, tags.ToArray(), nodes.ToArray(), segments.ToArray(), fallback);
    }

    private static SchemaSite MappingTarget(SchemaCompiler compiler, SchemaSite site, string value)
    {
        if (value.Contains('#') || value.Contains('/'))
        {
            return compiler.ResolveSite(site, value, "discriminator/mapping");
        }

        // A bare name is a schema name: components/schemas in OpenAPI, $defs in plain JSON Schema.
        return compiler.FindSite(UriText.WithoutFragment(site.BaseUri) + "#/components/schemas/" + JsonPointer.Escape(value))
            ?? compiler.FindSite(UriText.WithoutFragment(site.BaseUri) + "#/$defs/" + JsonPointer.Escape(value))
            ?? compiler.ResolveSite(site, value, "discriminator/mapping");
    }
}
