using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Runtime.Validation;

namespace ContractKit.Lint;

/// <summary>
/// Walks the raw document tree (as written, so pointers are the file's) following the OpenAPI 3.x structure, and
/// records operations, schemas, example values, references and components for the rules. Example values are never
/// walked into: a <c>$ref</c> key inside an example is data.
/// </summary>
internal sealed class LintWalker
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly string[] ComponentKinds = ["schemas", "parameters", "responses", "requestBodies", "headers", "examples"];

    private readonly JsonObject _root;
    private readonly LintDocument _result = new();

    /// <summary>Swagger 2.0: schemas under <c>definitions</c>, body parameters, parameters that are their own schema, response <c>schema</c> and <c>examples</c> by MIME type.</summary>
    private readonly bool _swagger2;

    private LintWalker(JsonObject root)
    {
        _root = root;
        _swagger2 = root.ContainsKey("swagger");
    }

    public static LintDocument Walk(JsonNode? root)
    {
        if (root is not JsonObject obj)
        {
            return new LintDocument();
        }

        var walker = new LintWalker(obj);
        walker.WalkRoot();
        return walker._result;
    }

    private void WalkRoot()
    {
        Servers(_root, "#");
        if (_root["paths"] is JsonObject paths)
        {
            foreach (var (path, item) in paths)
            {
                PathItem(item, JsonPointer.Append("#/paths", path), path, isWebhook: false);
            }
        }

        if (_root["webhooks"] is JsonObject webhooks)
        {
            foreach (var (name, item) in webhooks)
            {
                PathItem(item, JsonPointer.Append("#/webhooks", name), name, isWebhook: true);
            }
        }

        if (_swagger2)
        {
            WalkSwagger2Definitions();
            return;
        }

        if (_root["components"] is not JsonObject components)
        {
            return;
        }

        foreach (var kind in ComponentKinds)
        {
            if (components[kind] is not JsonObject entries)
            {
                continue;
            }

            foreach (var (name, node) in entries)
            {
                var pointer = JsonPointer.Append(JsonPointer.Append("#/components", kind), name);
                _result.Components.Add((kind, name, pointer));
                switch (kind)
                {
                    case "schemas":
                        Schema(node, pointer, ValidationDirection.None);
                        break;
                    case "parameters":
                        Parameter(node, pointer, null);
                        break;
                    case "responses":
                        Response(node, pointer, null);
                        break;
                    case "requestBodies":
                        RequestBody(node, pointer, null);
                        break;
                    case "headers":
                        Header(node, pointer, ValidationDirection.Response, null);
                        break;
                    case "examples":
                        Reference(node, pointer);
                        break;
                }
            }
        }

        if (components["pathItems"] is JsonObject pathItems)
        {
            foreach (var (name, item) in pathItems)
            {
                PathItem(item, JsonPointer.Append("#/components/pathItems", name), null);
            }
        }

        if (components["callbacks"] is JsonObject callbacks)
        {
            foreach (var (name, callback) in callbacks)
            {
                var callbackPointer = JsonPointer.Append("#/components/callbacks", name);
                if (callback is JsonObject expressions && !Reference(expressions, callbackPointer))
                {
                    foreach (var (expression, item) in expressions)
                    {
                        PathItem(item, JsonPointer.Append(callbackPointer, expression), null);
                    }
                }
            }
        }
    }

    private void WalkSwagger2Definitions()
    {
        if (_root["definitions"] is JsonObject definitions)
        {
            foreach (var (name, node) in definitions)
            {
                Schema(node, JsonPointer.Append("#/definitions", name), ValidationDirection.None);
            }
        }

        if (_root["parameters"] is JsonObject parameters)
        {
            foreach (var (name, node) in parameters)
            {
                Parameter(node, JsonPointer.Append("#/parameters", name), null);
            }
        }

        if (_root["responses"] is JsonObject responses)
        {
            foreach (var (name, node) in responses)
            {
                Response(node, JsonPointer.Append("#/responses", name), null);
            }
        }
    }

    /// <summary>A 2.0 parameter other than <c>in: body</c> is its own schema: its <c>default</c> and <c>x-example</c> are checked against it.</summary>
    private void Swagger2SimpleParameter(JsonObject parameter, string pointer, string? operation)
    {
        if (parameter.ContainsKey("default"))
        {
            _result.Examples.Add(new ExampleSite(JsonPointer.Append(pointer, "default"), parameter["default"], pointer, ExampleKind.Default, ValidationDirection.None, operation));
        }

        if (parameter.ContainsKey("x-example"))
        {
            _result.Examples.Add(new ExampleSite(JsonPointer.Append(pointer, "x-example"), parameter["x-example"], pointer, ExampleKind.Example, ValidationDirection.None, operation));
        }
    }

    /// <summary>Walks a path item; its operations are recorded when it has a path (or webhook name).</summary>
    private void PathItem(JsonNode? node, string pointer, string? path, bool isWebhook = false)
    {
        if (node is not JsonObject item || Reference(item, pointer))
        {
            return;
        }

        Servers(item, pointer);
        var shared = Parameters(item["parameters"], JsonPointer.Append(pointer, "parameters"), null);
        foreach (var method in Methods)
        {
            if (item[method] is not JsonObject operation)
            {
                continue;
            }

            var operationPointer = JsonPointer.Append(pointer, method);
            var label = path is null ? null : isWebhook ? $"webhook {path} {method.ToUpperInvariant()}" : method.ToUpperInvariant() + " " + path;
            Servers(operation, operationPointer);
            var own = Parameters(operation["parameters"], JsonPointer.Append(operationPointer, "parameters"), label);
            var effective = shared.Where(s => !own.Any(o => o.Name == s.Name && o.In == s.In)).Concat(own).ToList();
            string? bodyPointer = null;
            if (operation["requestBody"] is { } body)
            {
                bodyPointer = RequestBody(body, JsonPointer.Append(operationPointer, "requestBody"), label);
            }

            var responses = new List<(string, string)>();
            if (operation["responses"] is JsonObject responseMap)
            {
                foreach (var (status, response) in responseMap)
                {
                    if (Response(response, JsonPointer.Append(JsonPointer.Append(operationPointer, "responses"), status), label) is { } at)
                    {
                        responses.Add((status, at));
                    }
                }
            }

            if (operation["callbacks"] is JsonObject callbacks)
            {
                foreach (var (name, callback) in callbacks)
                {
                    var callbackPointer = JsonPointer.Append(JsonPointer.Append(operationPointer, "callbacks"), name);
                    if (callback is JsonObject expressions && !Reference(expressions, callbackPointer))
                    {
                        foreach (var (expression, callbackItem) in expressions)
                        {
                            PathItem(callbackItem, JsonPointer.Append(callbackPointer, expression), null);
                        }
                    }
                }
            }

            if (path is not null)
            {
                _result.Operations.Add(new OperationSite(path, method.ToUpperInvariant(), operationPointer, operation, effective)
                {
                    IsWebhook = isWebhook,
                    RequestBodyPointer = bodyPointer,
                    Responses = responses,
                });
            }
        }
    }

    private List<ParameterSite> Parameters(JsonNode? node, string pointer, string? operation)
    {
        var result = new List<ParameterSite>();
        if (node is not JsonArray list)
        {
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var usePointer = JsonPointer.Append(pointer, Index(i));
            if (Parameter(list[i], usePointer, operation) is { } definedAt && Resolve(definedAt) is JsonObject parameter)
            {
                result.Add(new ParameterSite(
                    Text(parameter["name"]) ?? string.Empty,
                    Text(parameter["in"]) ?? string.Empty,
                    parameter["required"] is JsonValue required && required.TryGetValue<bool>(out var r) && r,
                    definedAt,
                    usePointer));
            }
        }

        return result;
    }

    /// <summary>Walks a parameter; returns where it is defined (following a reference), or null.</summary>
    private string? Parameter(JsonNode? node, string pointer, string? operation)
    {
        if (node is not JsonObject parameter)
        {
            return null;
        }

        if (Reference(parameter, pointer))
        {
            return Target(parameter);
        }

        if (_swagger2)
        {
            if (Text(parameter["in"]) == "body")
            {
                Schema(parameter["schema"], JsonPointer.Append(pointer, "schema"), ValidationDirection.Request);
            }
            else
            {
                Swagger2SimpleParameter(parameter, pointer, operation);
            }

            return pointer;
        }

        var direction = ValidationDirection.None;
        var schemaPointer = JsonPointer.Append(pointer, "schema");
        Schema(parameter["schema"], schemaPointer, direction);
        ExampleValues(parameter, pointer, schemaPointer, direction, operation);
        Content(parameter["content"], JsonPointer.Append(pointer, "content"), direction, operation);
        return pointer;
    }

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

    private void Servers(JsonObject holder, string pointer)
    {
        if (holder["servers"] is not JsonArray servers)
        {
            return;
        }

        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i] is JsonObject server && Text(server["url"]) is { } url)
            {
                _result.Servers.Add((JsonPointer.Append(JsonPointer.Append(pointer, "servers"), Index(i)), SubstituteVariables(url, server["variables"] as JsonObject)));
            }
        }
    }

    private static string SubstituteVariables(string url, JsonObject? variables) =>
        System.Text.RegularExpressions.Regex.Replace(url, @"\{([^}]+)\}", m =>
            variables?[m.Groups[1].Value] is JsonObject variable && Text(variable["default"]) is { } value ? value : m.Value);

    /// <summary>Records a <c>$ref</c> held by the node; true when the node is a reference (and nothing else is walked).</summary>
    private bool Reference(JsonNode? node, string pointer)
    {
        if (node is not JsonObject obj || Text(obj["$ref"]) is not { } target)
        {
            return false;
        }

        _result.References.Add((pointer, target));
        return true;
    }

    private static string? Target(JsonObject reference) =>
        Text(reference["$ref"]) is { } target && target.StartsWith('#') ? target : null;

    /// <summary>The node at a local pointer, following a chain of references (at most 16).</summary>
    private JsonNode? Resolve(string pointer)
    {
        var node = NodeAt(pointer);
        for (var i = 0; i < 16 && node is JsonObject obj && Target(obj) is { } next; i++)
        {
            node = NodeAt(next);
        }

        return node;
    }

    private JsonNode? NodeAt(string pointer)
    {
        if (!Reading.JsonPointerText.TryParse(pointer, out var segments))
        {
            return null;
        }

        JsonNode? node = _root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
