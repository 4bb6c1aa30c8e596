using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

/// <summary>
/// Checks a parsed document against the count and length caps of <see cref="SpecLimits"/> before anything else
/// works on it. (Size, depth and alias expansion are enforced earlier, while reading and parsing.)
/// </summary>
internal static class SpecLimitCheck
{
    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>A located error for the first cap exceeded, or null.</summary>
    public static Diagnostic? Check(JsonNode root, SourceMap source)
    {
        // Any node may have the wrong type in a broken or hostile spec: look through objects only.
        var componentSchemas = (root["components"] as JsonObject)?["schemas"] as JsonObject;
        var schemasAt = componentSchemas is not null ? "#/components/schemas" : "#/definitions";
        var schemas = componentSchemas ?? root["definitions"] as JsonObject;
        if (schemas is not null && schemas.Count > SpecLimits.Current.MaxSchemas)
        {
            return Exceeded(source, schemasAt, $"The document has {schemas.Count:N0} schemas; at most {SpecLimits.Current.MaxSchemas:N0} are read (limit 'schemas').");
        }

        var operations = CountOperations(root["paths"]) + CountOperations(root["webhooks"]);
        if (operations > SpecLimits.Current.MaxOperations)
        {
            return Exceeded(source, "#/paths", $"The document has {operations:N0} operations; at most {SpecLimits.Current.MaxOperations:N0} are read (limit 'operations').");
        }

        var path = new List<string>();
        return FindLongString(root, path, SpecLimits.Current.MaxStringLength)
            ? Exceeded(source, JsonPointer.ToFragment(path, path.Count), $"A string is longer than {SpecLimits.Current.MaxStringLength:N0} characters (limit 'string-length').")
            : null;
    }

    private static int CountOperations(JsonNode? paths) =>
        paths is JsonObject items
            ? items.Sum(item => item.Value is JsonObject operations ? operations.Count(o => Methods.Contains(o.Key)) : 0)
            : 0;

    /// <summary>Whether an over-long key or string is in <paramref name="node"/>; if so, <paramref name="path"/> leads to it.</summary>
    private static bool FindLongString(JsonNode? node, List<string> path, int max)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    path.Add(key);
                    if (key.Length > max || FindLongString(child, path, max))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (FindLongString(array[i], path, max))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>().Length > max;
            default:
                return false;
        }
    }

    private static Diagnostic Exceeded(SourceMap source, string pointer, string message)
    {
        var location = source.Locate(pointer) ?? new SourceLocation(source.FilePath, 1, 1, pointer);
        return new Diagnostic(DiagnosticIds.LimitExceeded, DiagnosticSeverity.Error, message + " For a spec you trust, raise it with --limit name=value or \"limits\" in contractkit.json; see SECURITY.md.", location);
    }
}
