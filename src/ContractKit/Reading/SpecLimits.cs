namespace ContractKit.Reading;

/// <summary>
/// Caps that keep hostile or broken input from exhausting the stack or memory. Each is far above the largest real
/// spec (the whole OpenAI API: 3 MB, 1,422 schemas, ~250 operations, nesting below 40) and is reported as a located
/// CK1013 error (exit 1) when exceeded. Listed with their defaults in SECURITY.md.
/// </summary>
internal static class SpecLimits
{
    /// <summary>Deeper than any real spec; shallow enough that recursive consumers (DeepClone, Microsoft.OpenApi) stay safe.</summary>
    public const int MaxDepth = 1000;

    /// <summary>
    /// How many nodes YAML aliases may copy in total. Aliases are expanded into copies because a JsonNode has one
    /// parent; without a cap, nested aliases ("billion laughs") expand exponentially.
    /// </summary>
    public const int MaxAliasExpansion = 1_000_000;

    /// <summary>The largest spec file read, in bytes (64 MiB); checked before the file is read into memory.</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>The most schemas under <c>components/schemas</c> (or Swagger 2.0 <c>definitions</c>).</summary>
    public const int MaxSchemas = 50_000;

    /// <summary>The most operations (method entries under <c>paths</c> and <c>webhooks</c>).</summary>
    public const int MaxOperations = 50_000;

    /// <summary>The longest string (key or value) in the document, in characters (1 Mi).</summary>
    public const int MaxStringLength = 1024 * 1024;
}
