using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Runtime.Validation;

namespace ContractKit.Lint;

/// <summary>What the walk of the raw document found, once, for every rule to read: the walk is separate from the rules.</summary>
internal sealed class LintDocument
{
    public List<OperationSite> Operations { get; } = [];
    public List<SchemaSite> Schemas { get; } = [];
    public List<ExampleSite> Examples { get; } = [];

    /// <summary>Every reference: the pointer of the node holding it (or <c>#</c> for the root) and its target pointer.</summary>
    public List<(string From, string Target)> References { get; } = [];

    /// <summary>Components the unused-component rule looks at: kind (<c>schemas</c>...), name and pointer.</summary>
    public List<(string Kind, string Name, string Pointer)> Components { get; } = [];

    /// <summary>The <c>servers</c> entries anywhere (document, path item, operation): pointer and URL.</summary>
    public List<(string Pointer, string Url)> Servers { get; } = [];
}

/// <summary>An operation: <c>METHOD /path</c>, its pointer, and its effective parameters (path-item ones overridden by its own).</summary>
internal sealed record OperationSite(string Path, string Method, string Pointer, JsonObject Node, IReadOnlyList<ParameterSite> Parameters)
{
    public string Label => IsWebhook ? $"webhook {Path} {Method}" : Method + " " + Path;

    /// <summary>A webhook's operation: <see cref="Path"/> is the webhook's name, not a URL template.</summary>
    public bool IsWebhook { get; init; }

    /// <summary>Where the request body is defined (the component's pointer when it is a reference), if any.</summary>
    public string? RequestBodyPointer { get; init; }

    /// <summary>Status code → where the response is defined (the component's pointer when it is a reference).</summary>
    public IReadOnlyList<(string Status, string Pointer)> Responses { get; init; } = [];
}

/// <summary>A parameter as used by an operation: where it is written (<see cref="Pointer"/> is the definition, after references).</summary>
internal sealed record ParameterSite(string Name, string In, bool Required, string Pointer, string UsePointer);

/// <summary>A schema object, where it is written, and which way data flows through it.</summary>
internal sealed record SchemaSite(string Pointer, JsonObject Node, ValidationDirection Direction);

/// <summary>What kind of example value.</summary>
internal enum ExampleKind
{
    Example,
    Default,
}

/// <summary>
/// A value that must validate: its pointer (where the finding goes), the pointer of the schema it is checked
/// against, the direction, and the operation it belongs to.
/// </summary>
internal sealed record ExampleSite(string ValuePointer, JsonNode? Value, string SchemaPointer, ExampleKind Kind, ValidationDirection Direction, string? Operation);
