using System.Collections.Generic;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>A schema resource (document root or <c>$id</c>): the unit of the dynamic scope <c>$dynamicRef</c> searches.</summary>
internal sealed class SchemaResource
{
    public SchemaResource(string baseUri)
    {
        BaseUri = baseUri;
    }

    public string BaseUri { get; }

    /// <summary>Filled while compiling; read-only afterwards.</summary>
    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(System.StringComparer.Ordinal);
}
