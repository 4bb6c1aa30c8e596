using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;

namespace ContractKit.Lint;

/// <summary>Request bodies, responses, headers, media types, examples and schemas: where values are checked against schemas.</summary>
internal sealed partial class LintWalker
{
    private string? RequestBody(JsonNode? node, string pointer, string? operation)
    {
        if (node is not JsonObject body)
        {
            return null;
        }

        if (Reference(body, pointer))
        {
            return Target(body);
        }

        Content(body["content"], JsonPointer.Append(pointer, "content"), ValidationDirection.Request, operation);
        return pointer;
    }

    private string? Response(JsonNode? node, string pointer, string? operation)
    {
        if (node is not JsonObject response)
        {
            return null;
        }

        if (Reference(response, pointer))
        {
            return Target(response);
        }

        if (response["headers"] is JsonObject headers)
        {
            foreach (var (name, header) in headers)
            {
                Header(header, JsonPointer.Append(JsonPointer.Append(pointer, "headers"), name), ValidationDirection.Response, operation);
            }
        }

        if (_swagger2)
        {
            // 2.0: one schema for every MIME type the operation produces; examples keyed by MIME type.
            var schemaPointer = JsonPointer.Append(pointer, "schema");
            Schema(response["schema"], schemaPointer, ValidationDirection.Response);
            if (response["schema"] is not null && response["examples"] is JsonObject examples)
            {
                foreach (var (mime, value) in examples)
                {
                    if (ContractKit.Model.MediaTypes.IsJson(mime))
                    {
                        _result.Examples.Add(new ExampleSite(JsonPointer.Append(JsonPointer.Append(pointer, "examples"), mime), value, schemaPointer, ExampleKind.Example, ValidationDirection.Response, operation));
                    }
                }
            }

            return pointer;
        }

        Content(response["content"], JsonPointer.Append(pointer, "content"), ValidationDirection.Response, operation);
        return pointer;
    }

    private void Header(JsonNode? node, string pointer, ValidationDirection direction, string? operation)
    {
        if (node is not JsonObject header || Reference(header, pointer))
        {
            return;
        }

        var schemaPointer = JsonPointer.Append(pointer, "schema");
        Schema(header["schema"], schemaPointer, direction);
        ExampleValues(header, pointer, schemaPointer, ValidationDirection.None, operation);
        Content(header["content"], JsonPointer.Append(pointer, "content"), direction, operation);
    }

    private void Content(JsonNode? node, string pointer, ValidationDirection direction, string? operation)
    {
        if (node is not JsonObject content)
        {
            return;
        }

        foreach (var (mediaTypeName, mediaType) in content)
        {
            if (mediaType is not JsonObject media)
            {
                continue;
            }

            var mediaPointer = JsonPointer.Append(pointer, mediaTypeName);
            var schemaPointer = JsonPointer.Append(mediaPointer, "schema");
            Schema(media["schema"], schemaPointer, direction);
            if (ContractKit.Model.MediaTypes.IsJson(mediaTypeName))
            {
                ExampleValues(media, mediaPointer, schemaPointer, direction, operation);
            }
            else
            {
                ExampleReferences(media, mediaPointer);
            }

            if (media["encoding"] is JsonObject encodings)
            {
                foreach (var (name, encoding) in encodings)
                {
                    if (encoding is JsonObject { } e && e["headers"] is JsonObject headers)
                    {
                        foreach (var (headerName, header) in headers)
                        {
                            Header(header, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(mediaPointer, "encoding"), name), "headers"), headerName), direction, operation);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The <c>example</c> and <c>examples</c> of a media type, parameter or header.</summary>
    private void ExampleValues(JsonObject holder, string pointer, string schemaPointer, ValidationDirection direction, string? operation)
    {
        if (holder["schema"] is null)
        {
            ExampleReferences(holder, pointer);
            return;
        }

        if (holder.ContainsKey("example"))
        {
            _result.Examples.Add(new ExampleSite(JsonPointer.Append(pointer, "example"), holder["example"], schemaPointer, ExampleKind.Example, direction, operation));
        }

        if (holder["examples"] is not JsonObject examples)
        {
            return;
        }

        foreach (var (name, example) in examples)
        {
            var examplePointer = JsonPointer.Append(JsonPointer.Append(pointer, "examples"), name);
            var definedAt = example is JsonObject e && Reference(e, examplePointer) ? Target(e) : examplePointer;
            if (definedAt is not null && Resolve(definedAt) is JsonObject definition && definition.ContainsKey("value"))
            {
                _result.Examples.Add(new ExampleSite(JsonPointer.Append(definedAt, "value"), definition["value"], schemaPointer, ExampleKind.Example, direction, operation));
            }
        }
    }

    private void ExampleReferences(JsonObject holder, string pointer)
    {
        if (holder["examples"] is JsonObject examples)
        {
            foreach (var (name, example) in examples)
            {
                Reference(example, JsonPointer.Append(JsonPointer.Append(pointer, "examples"), name));
            }
        }
    }

    private void Schema(JsonNode? node, string pointer, ValidationDirection direction)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        Reference(schema, pointer);
        _result.Schemas.Add(new SchemaSite(pointer, schema, direction));
        if (schema.ContainsKey("example"))
        {
            _result.Examples.Add(new ExampleSite(JsonPointer.Append(pointer, "example"), schema["example"], pointer, ExampleKind.Example, direction, null));
        }

        if (schema["examples"] is JsonArray examples)
        {
            for (var i = 0; i < examples.Count; i++)
            {
                _result.Examples.Add(new ExampleSite(JsonPointer.Append(JsonPointer.Append(pointer, "examples"), Index(i)), examples[i], pointer, ExampleKind.Example, direction, null));
            }
        }

        if (schema.ContainsKey("default"))
        {
            _result.Examples.Add(new ExampleSite(JsonPointer.Append(pointer, "default"), schema["default"], pointer, ExampleKind.Default, direction, null));
        }

        if (schema["discriminator"] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping)
        {
            foreach (var (_, target) in mapping)
            {
                if (Text(target) is { } value)
                {
                    _result.References.Add((pointer, value.StartsWith('#') ? value : JsonPointer.Append("#/components/schemas", value)));
                }
            }
        }

        foreach (var keyword in new[] { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" })
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (name, child) in map)
                {
                    Schema(child, JsonPointer.Append(JsonPointer.Append(pointer, keyword), name), direction);
                }
            }
        }

        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf", "prefixItems" })
        {
            if (schema[keyword] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Schema(list[i], JsonPointer.Append(JsonPointer.Append(pointer, keyword), Index(i)), direction);
                }
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "additionalItems" })
        {
            Schema(schema[keyword], JsonPointer.Append(pointer, keyword), direction);
        }
    }
}
