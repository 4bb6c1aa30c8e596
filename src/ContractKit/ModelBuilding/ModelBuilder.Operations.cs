using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net.Http;
using ContractKit.Diagnostics;
using ContractKit.Model;
using Microsoft.OpenApi;
using JsonPointer = ContractKit.Runtime.JsonPointer;

namespace ContractKit.ModelBuilding;

/// <summary>Operations: parameters merged, bodies and responses normalized, security resolved.</summary>
public sealed partial class ModelBuilder
{
    private static readonly string[] MethodOrder = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"];

    private EquatableArray<Operation> BuildOperations()
    {
        var result = new List<Operation>();
        if (_document.Paths is null)
        {
            return EquatableArray<Operation>.Empty;
        }

        foreach (var path in _document.Paths.Keys.Order(StringComparer.Ordinal))
        {
            // A broken document can leave null entries anywhere in Microsoft.OpenApi's dictionaries (the reader has
            // reported the node): such entries are skipped here and below.
            var pathItem = _document.Paths[path];
            if (pathItem?.Operations is null)
            {
                continue;
            }

            var pathPointer = JsonPointer.Append("#/paths", path);
            foreach (var (method, operation) in pathItem.Operations.Where(o => o.Value is not null).OrderBy(o => MethodRank(o.Key)).ThenBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                var methodName = method.Method.ToUpperInvariant();
                var pointer = JsonPointer.Append(pathPointer, methodName.ToLowerInvariant());
                result.Add(BuildOperation(path, methodName, pointer, pathItem, operation));
            }
        }

        return result.ToEquatableArray();
    }

    private static int MethodRank(HttpMethod method)
    {
        var index = Array.IndexOf(MethodOrder, method.Method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }

    private Operation BuildOperation(string path, string method, string pointer, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var operationId = operation.OperationId;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            operationId = SynthesizeOperationId(method, path);
            Report(
                DiagnosticIds.UnsupportedOperation,
                DiagnosticSeverity.Info,
                $"{method} {path} has no operationId; using '{operationId}'",
                pointer);
        }

        var parts = ImmutableArray.Create(operationId);
        return new Operation
        {
            OperationId = operationId,
            Method = method,
            Path = path,
            Summary = operation.Summary,
            Description = operation.Description,
            Deprecated = operation.Deprecated,
            DeprecationNote = operation.Deprecated ? DeprecationNote(pointer) : null,
            Tags = (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Reference.Id ?? t.Name ?? string.Empty).Where(t => t.Length > 0).ToEquatableArray(),
            Parameters = BuildParameters(pathItem, operation, pointer, parts),
            RequestBody = BuildRequestBody(operation.RequestBody, JsonPointer.Append(pointer, "requestBody"), parts),
            Responses = BuildResponses(operation, pointer, parts),
            Security = BuildSecurity(operation.Security ?? _document.Security),
        };
    }

    private static readonly string[] DeprecationNoteExtensions = ["x-deprecated-reason", "x-deprecation-reason", "x-deprecated-message"];

    private string? DeprecationNote(string pointer) =>
        RawAt(pointer) is System.Text.Json.Nodes.JsonObject raw
            ? DeprecationNoteExtensions.Select(name => raw[name]).OfType<System.Text.Json.Nodes.JsonValue>()
                .Select(v => v.TryGetValue<string>(out var text) ? text.Trim() : null).FirstOrDefault(t => !string.IsNullOrEmpty(t))
            : null;

    private static string SynthesizeOperationId(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('{', '}'));
        return string.Join("_", new[] { method.ToLowerInvariant() }.Concat(segments));
    }

    private EquatableArray<Parameter> BuildParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, ImmutableArray<string> parts)
    {
        var merged = new List<Parameter>();
        void Add(IList<IOpenApiParameter>? parameters, string listPointer)
        {
            if (parameters is null)
            {
                return;
            }

            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                if (parameter?.Name is null || parameter.In is not { } location)
                {
                    continue;
                }

                var (parameterPointer, parameterParts) = parameter is IOpenApiReferenceHolder holder && ComponentName(holder) is { } componentName
                        ? (JsonPointer.Append("#/components/parameters", componentName), ImmutableArray.Create(componentName))
                        : (JsonPointer.Append(listPointer, Index(i)), Parts(parts, parameter.Name));
                var schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
                var schemaPointer = JsonPointer.Append(parameterPointer, "schema");
                var model = new Parameter
                {
                    Name = parameter.Name,
                    In = ToLocation(location),
                    Required = parameter.Required || location == Microsoft.OpenApi.ParameterLocation.Path,
                    Type = Use(schema, schemaPointer, parameterParts, depth: 0),
                    Description = parameter.Description,
                    Deprecated = parameter.Deprecated,
                    Style = parameter.Style?.ToString().ToLowerInvariant(),
                    Explode = parameter.Explode,
#pragma warning disable CS0618 // Obsolete in Microsoft.OpenApi, still part of OpenAPI 3.x: diff compares it.
                    AllowEmptyValue = parameter.AllowEmptyValue,
#pragma warning restore CS0618
                    Pointer = JsonPointer.Append(listPointer, Index(i)),
                };
                var existing = merged.FindIndex(p => p.Name == model.Name && p.In == model.In);
                if (existing >= 0)
                {
                    merged[existing] = model;
                }
                else
                {
                    merged.Add(model);
                }
            }
        }

        var pathPointer = pointer[..pointer.LastIndexOf('/')];
        Add(pathItem.Parameters, JsonPointer.Append(pathPointer, "parameters"));
        Add(operation.Parameters, JsonPointer.Append(pointer, "parameters"));
        return merged.ToEquatableArray();
    }

    private static string? ComponentName(IOpenApiReferenceHolder holder) =>
        holder switch
        {
            IOpenApiReferenceHolder<BaseOpenApiReference> { Reference: { IsExternal: false, Id: { } id } } when !id.Contains('/', StringComparison.Ordinal) => id,
            _ => null,
        };

    private RequestBody? BuildRequestBody(IOpenApiRequestBody? body, string pointer, ImmutableArray<string> parts)
    {
        if (body is null)
        {
            return null;
        }

        var (bodyPointer, bodyParts) = body is IOpenApiReferenceHolder holder && ComponentName(holder) is { } name
            ? (JsonPointer.Append("#/components/requestBodies", name), ImmutableArray.Create(name))
            : (pointer, Parts(parts, "Request"));
        return new RequestBody(body.Required, BuildContent(body.Content, bodyPointer, bodyParts))
        {
            Description = body.Description,
        };
    }

    private EquatableArray<Response> BuildResponses(OpenApiOperation operation, string pointer, ImmutableArray<string> parts)
    {
        if (operation.Responses is null)
        {
            return EquatableArray<Response>.Empty;
        }

        var result = new List<Response>();
        foreach (var status in operation.Responses.Keys.Order(StringComparer.Ordinal))
        {
            var response = operation.Responses[status];
            if (response is null)
            {
                continue;
            }

            var (responsePointer, responseParts) = response is IOpenApiReferenceHolder holder && ComponentName(holder) is { } name
                ? (JsonPointer.Append("#/components/responses", name), ImmutableArray.Create(name))
                : (JsonPointer.Append(pointer, "responses", status), Parts(parts, status == "200" ? "Response" : "Response" + status));
            var headers = (response.Headers ?? new Dictionary<string, IOpenApiHeader>())
                .Where(h => h.Value is not null)
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => new ResponseHeader(
                    h.Key,
                    Use(h.Value.Schema, JsonPointer.Append(responsePointer, "headers", h.Key) + "/schema", Parts(responseParts, h.Key), depth: 0),
                    h.Value.Required)
                {
                    Description = h.Value.Description,
                    Style = h.Value.Style?.ToString().ToLowerInvariant(),
                    Explode = h.Value.Explode,
                })
                .ToEquatableArray();
            result.Add(new Response(status, BuildContent(response.Content, responsePointer, responseParts))
            {
                Description = response.Description,
                Headers = headers,
            });
        }

        return result.ToEquatableArray();
    }

    private EquatableArray<MediaContent> BuildContent(IDictionary<string, IOpenApiMediaType>? content, string pointer, ImmutableArray<string> parts)
    {
        if (content is null)
        {
            return EquatableArray<MediaContent>.Empty;
        }

        var result = new List<MediaContent>();
        foreach (var (mediaType, media) in content)
        {
            if (media is null)
            {
                // Not a media type object (the reader has said so): nothing to model.
                continue;
            }

            var mediaPointer = JsonPointer.Append(pointer, "content", mediaType);
            var schema = media.Schema is null ? null : Use(media.Schema, JsonPointer.Append(mediaPointer, "schema"), parts, depth: 0);
            var examples = new List<string>();
            if (media.Example is { } example)
            {
                examples.AddRange(KeptJson(example) is { } kept ? [kept] : []);
            }

            if (media.Examples is { } named)
            {
                examples.AddRange(named.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Where(e => e.Value?.Value is not null)
                    .Select(e => KeptJson(e.Value.Value))
                    .OfType<string>());
            }

            var encoding = (media.Encoding ?? new Dictionary<string, OpenApiEncoding>())
                .Where(e => e.Value is not null)
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new PropertyEncoding(e.Key)
                {
                    ContentType = string.IsNullOrWhiteSpace(e.Value.ContentType) ? null : e.Value.ContentType.Trim(),
                    Style = e.Value.Style?.ToString().ToLowerInvariant(),
                    // Microsoft.OpenApi reads an absent explode as false: without a style, that is taken as "not written"
                    // (the default, form's true), as for parameters.
                    Explode = e.Value.Style is null && e.Value.Explode is not true ? null : e.Value.Explode,
                })
                .ToEquatableArray();
            result.Add(new MediaContent(mediaType, schema) { Examples = examples.ToEquatableArray(), Encoding = encoding });
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<SecurityRequirement> BuildSecurity(IList<OpenApiSecurityRequirement>? requirements)
    {
        if (requirements is null)
        {
            return EquatableArray<SecurityRequirement>.Empty;
        }

        return requirements
            .Where(r => r is not null)
            .Select(r => new SecurityRequirement(r
                .Select(s => new SecuritySchemeUse(s.Key?.Reference?.Id ?? string.Empty, (s.Value ?? []).ToEquatableArray()))
                .Where(s => s.SchemeName.Length > 0)
                .OrderBy(s => s.SchemeName, StringComparer.Ordinal)
                .ToEquatableArray()))
            .ToEquatableArray();
    }
}
