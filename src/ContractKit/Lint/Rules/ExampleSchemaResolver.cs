using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Reading;
using ContractKit.Runtime;

namespace ContractKit.Lint.Rules;

/// <summary>
/// Maps a schema's pointer in the file to the model's <see cref="TypeUse"/> for it: named types by id (their id
/// is where they are defined), operation bodies, parameters and headers by the operation they belong to, and
/// inline schemas by walking from their owner (property, items, additionalProperties, union branch).
/// </summary>
internal sealed class ExampleSchemaResolver
{
    private readonly SpecReadResult _read;
    private readonly Dictionary<string, TypeDefinition> _types;
    private readonly Dictionary<string, TypeUse> _uses = new(StringComparer.Ordinal);

    /// <summary>Swagger 2.0: the model is built from Microsoft.OpenApi's 3.x form of the file, so file pointers are mapped onto it.</summary>
    private readonly bool _swagger2;

    public ExampleSchemaResolver(SpecReadResult read, ContractModel model, LintDocument document)
    {
        _read = read;
        _swagger2 = Swagger2Pointers.Applies(read.SpecVersion);
        _types = model.Types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var operations = model.Operations.ToDictionary(o => o.Method + " " + o.Path, StringComparer.Ordinal);
        foreach (var site in document.Operations)
        {
            if (!operations.TryGetValue(site.Label, out var operation))
            {
                continue;
            }

            foreach (var parameter in site.Parameters)
            {
                if (operation.Parameters.FirstOrDefault(p => p.Name == parameter.Name && p.In.ToString().Equals(parameter.In, StringComparison.OrdinalIgnoreCase)) is { } found)
                {
                    _uses.TryAdd(parameter.Pointer + "/schema", found.Type);
                    if (_swagger2)
                    {
                        _uses.TryAdd(parameter.Pointer, found.Type); // a 2.0 parameter is its own schema
                    }
                }
                else if (_swagger2 && parameter.In == "body" && operation.RequestBody?.Content.FirstOrDefault(c => c.Schema is not null)?.Schema is { } bodySchema)
                {
                    _uses.TryAdd(parameter.Pointer + "/schema", bodySchema);
                }
            }

            if (site.RequestBodyPointer is { } body && operation.RequestBody is { } requestBody)
            {
                AddContent(body, requestBody.Content);
            }

            foreach (var (status, pointer) in site.Responses)
            {
                if (operation.Responses.FirstOrDefault(r => r.StatusCode.Equals(status, StringComparison.OrdinalIgnoreCase)) is not { } response)
                {
                    continue;
                }

                AddContent(pointer, response.Content);
                if (_swagger2 && response.Content.FirstOrDefault(c => c.Schema is not null)?.Schema is { } schema)
                {
                    _uses.TryAdd(pointer + "/schema", schema);
                }

                foreach (var header in response.Headers)
                {
                    _uses.TryAdd(JsonPointer.Append(pointer, "headers", header.Name) + "/schema", header.Type);
                }
            }
        }
    }

    private void AddContent(string pointer, IEnumerable<MediaContent> content)
    {
        foreach (var media in content)
        {
            if (media.Schema is { } schema)
            {
                _uses.TryAdd(JsonPointer.Append(pointer, "content", media.MediaType) + "/schema", schema);
            }
        }
    }

    /// <summary>The model's use for the schema at a pointer, or null when the model does not say.</summary>
    public TypeUse? Resolve(string pointer, int depth = 0)
    {
        if (depth > 32)
        {
            return null;
        }

        if (_uses.TryGetValue(pointer, out var known))
        {
            return known;
        }

        var node = _read.RawNodeAt(pointer) as JsonObject;
        if (node is not null && LintWalker.Text(node["$ref"]) is { } target && target.StartsWith('#'))
        {
            return Resolve(Canonical(target), depth + 1);
        }

        if (_types.TryGetValue(ModelId(pointer), out var type))
        {
            return new TypeUse(new NamedRef(type.Id), type.Nullable);
        }

        var cut = pointer.LastIndexOf('/');
        if (cut <= 1)
        {
            return null;
        }

        var parent = pointer[..cut];
        var last = pointer[(cut + 1)..];
        if (parent.EndsWith("/properties", StringComparison.Ordinal))
        {
            var owner = parent[..^"/properties".Length];
            while (OwnerOfPart(owner, "allOf") is { } whole)
            {
                owner = whole;
            }

            var name = JsonPointer.TryParse("#/" + last, out var segments) && segments.Length == 1 ? segments[0] : last;
            return Definition(Resolve(owner, depth + 1)) is ObjectType obj ? obj.Properties.FirstOrDefault(p => p.JsonName == name)?.Type : null;
        }

        if (last == "items")
        {
            var owner = Resolve(parent, depth + 1);
            return owner?.Type is ArrayRef array ? array.Items : Definition(owner) is ArrayType named ? named.Items : null;
        }

        if (last == "additionalProperties")
        {
            var owner = Resolve(parent, depth + 1);
            return owner?.Type is MapRef map ? map.Values
                : Definition(owner) switch
                {
                    MapType named => named.Values,
                    ObjectType obj => obj.AdditionalProperties,
                    _ => null,
                };
        }

        if ((parent.EndsWith("/oneOf", StringComparison.Ordinal) || parent.EndsWith("/anyOf", StringComparison.Ordinal)) && int.TryParse(last, out var index))
        {
            var unionPointer = parent[..parent.LastIndexOf('/')];
            var owner = Resolve(unionPointer, depth + 1);
            if (_read.RawNodeAt(parent) is not JsonArray branches || index >= branches.Count || IsNullOnly(branches[index]))
            {
                return null;
            }

            var nonNullBefore = branches.Take(index).Count(b => !IsNullOnly(b));
            return Definition(owner) is UnionType union
                ? (nonNullBefore < union.Variants.Count ? union.Variants[nonNullBefore] : null)
                : (branches.Count(b => !IsNullOnly(b)) == 1 ? owner : null);
        }

        return null;
    }

    /// <summary>A 2.0 definition's id in the model is where Microsoft.OpenApi's 3.x form puts it.</summary>
    private string ModelId(string pointer) =>
        _swagger2 ? Swagger2Pointers.ToModel(pointer) : pointer;

    private TypeDefinition? Definition(TypeUse? use)
    {
        for (var i = 0; i < 16 && use?.Type is NamedRef named && _types.TryGetValue(named.TypeId, out var type); i++)
        {
            if (type is AliasType alias)
            {
                use = alias.Target;
                continue;
            }

            return type;
        }

        return null;
    }

    private static string? OwnerOfPart(string pointer, string keyword)
    {
        var cut = pointer.LastIndexOf('/');
        var parent = cut > 0 ? pointer[..cut] : string.Empty;
        return parent.EndsWith("/" + keyword, StringComparison.Ordinal) ? parent[..^(keyword.Length + 1)] : null;
    }

    private static bool IsNullOnly(JsonNode? branch) =>
        branch is JsonObject obj && obj.Count == 1 && (LintWalker.Text(obj["type"]) == "null" ||
            (obj["type"] is JsonArray types && types.Count == 1 && LintWalker.Text(types[0]) == "null"));

    private static string Canonical(string reference) =>
        JsonPointer.TryParse(reference, out var segments) ? JsonPointer.ToFragment(segments, segments.Length) : reference;
}
