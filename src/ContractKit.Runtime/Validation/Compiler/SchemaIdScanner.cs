using System.Collections.Generic;
using System.Text.Json;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Finds the absolute identifiers (<c>$id</c>/<c>id</c>) a registered document embeds, for registry lookups.</summary>
internal static class SchemaIdScanner
{
    public static void Collect(JsonElement schema, string baseUri, List<string> ids) => Scan(schema, baseUri, ids, 0);

    private static void Scan(JsonElement schema, string baseUri, List<string> ids, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 256)
        {
            return;
        }

        foreach (var idName in IdNames)
        {
            if (schema.TryGetProperty(idName, out var id) && id.ValueKind == JsonValueKind.String)
            {
                var text = id.GetString()!;
                if (!text.StartsWith('#') && UriText.Resolve(baseUri, text) is { } resolved)
                {
                    baseUri = UriText.WithoutFragment(resolved);
                    ids.Add(baseUri);
                }
            }
        }

        foreach (var p in schema.EnumerateObject())
        {
            if (SchemaKeywords.IsSingle(p.Name, false) && p.Value.ValueKind == JsonValueKind.Object)
            {
                Scan(p.Value, baseUri, ids, depth + 1);
            }
            else if (SchemaKeywords.IsArray(p.Name, false) && p.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in p.Value.EnumerateArray())
                {
                    Scan(item, baseUri, ids, depth + 1);
                }
            }
            else if (SchemaKeywords.IsMap(p.Name, false) && p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in p.Value.EnumerateObject())
                {
                    Scan(member.Value, baseUri, ids, depth + 1);
                }
            }
        }
    }

    private static readonly string[] IdNames = ["$id", "id"];
}
