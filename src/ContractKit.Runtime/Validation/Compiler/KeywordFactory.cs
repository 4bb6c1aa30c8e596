using System.Collections.Generic;
using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Reads one schema object into keyword instances, by family; the families live in the partial files beside this one.</summary>
internal static partial class KeywordFactory
{
    public static void Build(SchemaCompiler compiler, SchemaSite site, SchemaNode node)
    {
        var e = site.Element;
        var d = site.Dialect;
        var options = compiler.Options;
        var list = new List<Keyword>();

        if (options.OpenApi30 && e.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        {
            node.AdmitsNull = true;
        }

        if (options.OpenApiVocabulary)
        {
            node.ReadOnly = IsTrue(e, "readOnly");
            node.WriteOnly = IsTrue(e, "writeOnly");
        }

        if (e.TryGetProperty("$ref", out var reference))
        {
            list.Add(new RefKeyword(compiler.Resolve(site, String(site, reference, "$ref"), "$ref")));
            if (d.Draft4)
            {
                node.Keywords = list.ToArray();
                return;
            }
        }

        if (!d.Draft4 && e.TryGetProperty("$dynamicRef", out var dynamicRef))
        {
            list.Add(BuildDynamicRef(compiler, site, String(site, dynamicRef, "$dynamicRef")));
        }

        if (d.Validation)
        {
            AddValues(compiler, site, list);
            AddCounts(site, list);
            AddRequired(compiler, site, list);
        }

        AddFormat(site, list);
        if (d.Applicator)
        {
            AddApplicators(compiler, site, list);
            AddArrays(compiler, site, list);
            AddObjects(compiler, site, list);
        }

        if (d.Unevaluated)
        {
            if (e.TryGetProperty("unevaluatedItems", out _))
            {
                list.Add(new UnevaluatedItemsKeyword(compiler.CompileChild(site, "/unevaluatedItems")));
            }

            if (e.TryGetProperty("unevaluatedProperties", out _))
            {
                list.Add(new UnevaluatedPropertiesKeyword(compiler.CompileChild(site, "/unevaluatedProperties")));
            }
        }

        foreach (var k in list)
        {
            node.TracksAnnotations |= k.RunsLast;
        }

        node.Keywords = list.ToArray();
    }

    private static Keyword BuildDynamicRef(SchemaCompiler compiler, SchemaSite site, string value)
    {
        var target = compiler.ResolveSite(site, value, "$dynamicRef");
        var fragment = UriText.Fragment(value);
        var dynamic = fragment.Length > 0 && fragment[0] != '/' && target.DynamicAnchor == fragment ? fragment : null;
        compiler.UsesDynamicScope |= dynamic is not null;
        return new DynamicRefKeyword(compiler.Compile(target), dynamic);
    }

    internal static bool IsTrue(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    internal static string String(SchemaSite site, JsonElement value, string keyword) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new SchemaCompilationException(site.Key + "/" + keyword, $"'{keyword}' must be a string");

    internal static long NonNegativeInteger(SchemaSite site, JsonElement value, string keyword)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d >= 0 && decimal.Truncate(d) == d)
        {
            return d > long.MaxValue ? long.MaxValue : (long)d;
        }

        throw new SchemaCompilationException(site.Key + "/" + keyword, $"'{keyword}' must be a non-negative integer");
    }

    internal static string Segment(string keyword, string name) => keyword + "/" + JsonPointer.Escape(name);

    internal static string Segment(string keyword, int index) => keyword + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Compiles an array of subschemas (allOf, anyOf, oneOf, prefixItems, draft 4 items).</summary>
    internal static (SchemaNode[] Nodes, string[] Segments) SchemaArray(SchemaCompiler compiler, SchemaSite site, string keyword, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SchemaCompilationException(site.Key + "/" + keyword, $"'{keyword}' must be an array of schemas");
        }

        var count = value.GetArrayLength();
        var nodes = new SchemaNode[count];
        var segments = new string[count];
        for (var i = 0; i < count; i++)
        {
            segments[i] = Segment(keyword, i);
            nodes[i] = compiler.CompileChild(site, "/" + segments[i]);
        }

        return (nodes, segments);
    }
}
