using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Where a subschema lives: its document and pointer, the base URI and dialect in effect, its resource.</summary>
internal sealed class SchemaSite
{
    public SchemaSite(string documentUri, string pointer, JsonElement element, string baseUri, Dialect dialect, SchemaResource resource)
    {
        DocumentUri = documentUri;
        Pointer = pointer;
        Element = element;
        BaseUri = baseUri;
        Dialect = dialect;
        Resource = resource;
    }

    public string DocumentUri { get; }

    public string Pointer { get; }

    public JsonElement Element { get; }

    public string BaseUri { get; }

    public Dialect Dialect { get; }

    public SchemaResource Resource { get; }

    public string? DynamicAnchor { get; set; }

    public string Key => DocumentUri + "#" + Pointer;

    public override string ToString() => Key;
}
