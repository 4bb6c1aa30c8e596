using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;

namespace ContractKit.Lint;

/// <summary>
/// Walks the raw document tree (as written, so pointers are the file's) following the OpenAPI 3.x structure, and
/// records operations, schemas, example values, references and components for the rules. Example values are never
/// walked into: a <c>$ref</c> key inside an example is data.
/// </summary>
internal sealed partial class LintWalker
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
}
