using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;

namespace ContractKit.Validation;

/// <summary>Which body of an operation.</summary>
public enum BodyDirection
{
    Request,
    Response,
}

/// <summary>
/// The contract's schemas, compiled for validation: one lowered document registered once, and a validator per
/// named type or operation body, compiled on first use and cached. Thread-safe.
/// </summary>
public sealed class ContractSchemas
{
    private readonly ContractModel _model;
    private readonly SchemaLowering _lowering;
    private readonly SchemaOptions _options;
    private readonly ConcurrentDictionary<string, JsonSchemaValidator> _validators = new(StringComparer.Ordinal);

    /// <summary>Lowers the model's schemas and registers the document.</summary>
    /// <param name="model">The contract.</param>
    /// <param name="documentUri">Where the lowered document is registered.</param>
    /// <param name="throwOnInvalidPattern">
    /// True: a schema with a <c>pattern</c> that is not a valid regular expression does not compile (the tools report
    /// it, CK2004). False: it compiles, and the pattern rejects every string with the reason (what a server uses).
    /// </param>
    public ContractSchemas(ContractModel model, Uri? documentUri = null, bool throwOnInvalidPattern = true)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _lowering = new SchemaLowering(model);
        DocumentUri = documentUri ?? new Uri("urn:contractkit:contract");
        DocumentJson = _lowering.LowerDocument().ToJsonString();
        var registry = new SchemaRegistry();
        registry.Add(DocumentUri, DocumentJson);
        _options = new SchemaOptions
        {
            DefaultDialect = SchemaDialect.Draft202012,
            OpenApiVocabulary = true,
            FormatAssertion = true,
            ThrowOnInvalidPattern = throwOnInvalidPattern,
            Registry = registry,
        };
    }

    /// <summary>Where the lowered document is registered; uses refer into it.</summary>
    public Uri DocumentUri { get; }

    /// <summary>The lowered document (JSON Schema 2020-12 + OpenAPI vocabulary), every named type under <c>$defs</c>.</summary>
    public string DocumentJson { get; }

    /// <summary>The options every schema of this contract compiles with (the document registered, OpenAPI vocabulary on).</summary>
    public SchemaOptions Options => _options;

    /// <summary>A use lowered against <see cref="DocumentUri"/>, for callers that compose several uses into one schema.</summary>
    public System.Text.Json.Nodes.JsonObject LowerUse(TypeUse use) => _lowering.LowerUse(use, DocumentUri);

    /// <summary>
    /// Finds a named type by what a user would type: a component name (<c>ThreadObject</c>) or a model id
    /// (<c>#/components/schemas/ThreadObject</c>). Null when there is none.
    /// </summary>
    public string? FindType(string name)
    {
        var candidates = new[] { name, JsonPointer.Append("#/components/schemas", name) };
        return candidates.FirstOrDefault(id => _model.Types.Any(t => t.Id == id));
    }

    /// <summary>
    /// The model pointer a schema location of a compile or validation error is in (<c>…#/$defs/Error/pattern</c> →
    /// <c>#/components/schemas/Error/pattern</c>), or null when it is not inside a named type.
    /// </summary>
    public string? ModelPointer(string schemaLocation)
    {
        ArgumentNullException.ThrowIfNull(schemaLocation);
        const string defs = "#/$defs/";
        var at = schemaLocation.IndexOf(defs, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = schemaLocation[(at + defs.Length)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var key = Uri.UnescapeDataString(end < 0 ? rest : rest[..end]).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        var type = _model.Types.FirstOrDefault(t => _lowering.DefinitionKey(t.Id) == key);
        return type is null ? null : type.Id + (end < 0 ? "" : rest[end..]);
    }

    /// <summary>The component schema names, for "did you mean" messages.</summary>
    public IEnumerable<string> ComponentNames =>
        _model.Types.Select(t => t.Id).Where(id => id.StartsWith("#/components/schemas/", StringComparison.Ordinal) && id.IndexOf('/', 21) < 0).Select(id => id[21..]);

    /// <summary>A validator for a named type.</summary>
    public JsonSchemaValidator ForType(string typeId) =>
        _validators.GetOrAdd("type:" + typeId, _ => Compile(new TypeUse(new NamedRef(typeId))));

    /// <summary>
    /// The validator for an operation's JSON body: the request's, or the response's for a status (the first 2xx when
    /// null). Null when the operation has no JSON body there.
    /// </summary>
    public JsonSchemaValidator? ForOperation(Operation operation, BodyDirection direction, string? status = null)
    {
        var (json, _) = Body(operation, direction, status);
        if (json?.Schema is not { } use)
        {
            return null;
        }

        var key = $"op:{operation.Method} {operation.Path}:{direction}:{status}:{json.MediaType}";
        return _validators.GetOrAdd(key, _ => Compile(use));
    }

    /// <summary>
    /// Where in the spec a compile error of <see cref="ForOperation"/>'s validator is: in a named type (see
    /// <see cref="ModelPointer(string)"/>), else below the body's own schema (an inline one: <c>#/items/pattern</c>
    /// of a response's array schema is <c>#/paths/~1x/get/responses/200/content/application~1json/schema/items/pattern</c>).
    /// </summary>
    public string? ModelPointer(string schemaLocation, Operation operation, BodyDirection direction, string? status = null)
    {
        ArgumentNullException.ThrowIfNull(schemaLocation);
        ArgumentNullException.ThrowIfNull(operation);
        if (ModelPointer(schemaLocation) is { } named)
        {
            return named;
        }

        var (_, pointer) = Body(operation, direction, status);
        var hash = schemaLocation.IndexOf('#', StringComparison.Ordinal);
        return pointer is null || hash < 0 ? null : pointer + schemaLocation[(hash + 1)..];
    }

    /// <summary>The JSON body <see cref="ForOperation"/> validates, and the spec pointer of its schema (OpenAPI 3 layout).</summary>
    private static (MediaContent? Json, string? Pointer) Body(Operation operation, BodyDirection direction, string? status)
    {
        var response = direction == BodyDirection.Request ? null
            : status is null
                ? operation.Responses.FirstOrDefault(r => r.IsSuccess && r.Content.Count > 0)
                : operation.Responses.FirstOrDefault(r => r.StatusCode == status)
                    ?? operation.Responses.FirstOrDefault(r => r.StatusCode.Length == 3 && r.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase) && r.StatusCode[0] == status[0])
                    ?? operation.Responses.FirstOrDefault(r => r.StatusCode == "default");
        var content = direction == BodyDirection.Request ? operation.RequestBody?.Content : response?.Content;
        var json = content?.FirstOrDefault(c => MediaTypes.IsJson(c.MediaType) && c.Schema is not null);
        if (json is null)
        {
            return (null, null);
        }

        var at = direction == BodyDirection.Request ? "requestBody" : $"responses/{JsonPointer.Escape(response!.StatusCode)}";
        var pointer = $"#/paths/{JsonPointer.Escape(operation.Path)}/{operation.Method.ToLowerInvariant()}/{at}/content/{JsonPointer.Escape(json.MediaType)}/schema";
        return (json, pointer);
    }

    private JsonSchemaValidator Compile(TypeUse use) =>
        JsonSchemaValidator.Compile(LowerUse(use).ToJsonString(), _options);

}
