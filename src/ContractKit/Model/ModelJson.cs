using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractKit.Model;

/// <summary>
/// Reads back the JSON texts the model keeps (enum values, examples, defaults). They were written from the spec's own
/// tree, which the reader lets nest far deeper than System.Text.Json's default of 64 levels: a deep enum value or
/// example must not throw where it is read back.
/// </summary>
public static class ModelJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 100_000 };

    /// <summary>The value of a JSON text kept by the model.</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: Options);
}
