using System.Collections.Generic;
using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

internal static partial class KeywordFactory
{
    private static void AddArrays(SchemaCompiler compiler, SchemaSite site, List<Keyword> list)
    {
        var e = site.Element;
        if (site.Dialect.Draft4)
        {
            if (e.TryGetProperty("items", out var items))
            {
                if (items.ValueKind == JsonValueKind.Array)
                {
                    var (nodes, _) = SchemaArray(compiler, site, "items", items);
                    list.Add(new TupleItemsKeyword("items", nodes));
                    if (e.TryGetProperty("additionalItems", out _))
                    {
                        list.Add(new ItemsKeyword("additionalItems", compiler.CompileChild(site, "/additionalItems"), nodes.Length));
                    }
                }
                else
                {
                    list.Add(new ItemsKeyword("items", compiler.CompileChild(site, "/items"), 0));
                }
            }

            return;
        }

        var prefix = 0;
        if (e.TryGetProperty("prefixItems", out var prefixItems))
        {
            var (nodes, _) = SchemaArray(compiler, site, "prefixItems", prefixItems);
            prefix = nodes.Length;
            list.Add(new TupleItemsKeyword("prefixItems", nodes));
        }

        if (e.TryGetProperty("items", out var schema))
        {
            if (schema.ValueKind == JsonValueKind.Array)
            {
                throw new SchemaCompilationException(site.Key + "/items", "'items' must be a schema in 2020-12 (use prefixItems for tuples)");
            }

            list.Add(new ItemsKeyword("items", compiler.CompileChild(site, "/items"), prefix));
        }

        if (e.TryGetProperty("contains", out _))
        {
            var min = e.TryGetProperty("minContains", out var minContains) ? NonNegativeInteger(site, minContains, "minContains") : 1;
            var max = e.TryGetProperty("maxContains", out var maxContains) ? NonNegativeInteger(site, maxContains, "maxContains") : long.MaxValue;
            list.Add(new ContainsKeyword(compiler.CompileChild(site, "/contains"), min, max));
        }
    }
}
