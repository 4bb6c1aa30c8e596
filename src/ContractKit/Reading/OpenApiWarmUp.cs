using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Reading;

/// <summary>
/// The first Microsoft.OpenApi read in a process pays for loading its types and running their static constructors
/// (each version's deserializer builds its field maps), and the first validation for building the default rule set by
/// reflection and loading the walker and the rules. Reading two tiny documents (3.0 and 3.1) with the default rules
/// on another core while the spec's text is still being parsed moves that cost off the critical path.
/// </summary>
/// <remarks>
/// It shares nothing with the real read but Microsoft.OpenApi's static state, which it only initializes (2.0 is left
/// out: its security scheme deserializer keeps per-read state in static fields). A failure here changes nothing: the
/// real read then pays the cost itself, as before.
/// </remarks>
internal static class OpenApiWarmUp
{
    private const string Template = """
        {"openapi": "VERSION", "info": {"title": "t", "version": "1"},
         "paths": {"/a/{id}": {"get": {"operationId": "get",
           "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
           "responses": {"200": {"description": "ok",
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
         "components": {"schemas": {
           "A": {"type": "object", "required": ["b"], "properties": {"b": {"type": "string"}, "c": {"$ref": "#/components/schemas/C"}}},
           "C": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "integer"}], "discriminator": {"propertyName": "b"}}}}}
        """;

    private static int _started;

    /// <summary>Starts the warm-up once per process.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(Run);
        }
    }

    /// <summary>Reads the warm-up documents; for each, what Microsoft.OpenApi returned, or null when it threw.</summary>
    internal static ReadResult?[] Run()
    {
        var location = new Uri("file:///contractkit-warm-up.json");
        string[] versions = ["3.1.0", "3.0.3"];
        var results = new ReadResult?[versions.Length];
        for (var i = 0; i < versions.Length; i++)
        {
            try
            {
                var root = JsonNode.Parse(Template.Replace("VERSION", versions[i], StringComparison.Ordinal))!;
                results[i] = new OpenApiJsonReader().Read(root, location, new OpenApiReaderSettings { BaseUrl = location });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Best effort only; see the remarks.
            }
        }

        return results;
    }
}
