using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;
using Microsoft.OpenApi;
using JsonPointer = ContractKit.Runtime.JsonPointer;

namespace ContractKit.ModelBuilding;

/// <summary>Object types: properties, required (declared or not), additional properties, and allOf flattening.</summary>
public sealed partial class ModelBuilder
{
    private string DefineObject(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, int depth, bool nullable)
    {
        if (_definitions.ContainsKey(pointer))
        {
            return pointer;
        }

        // Reserve the id first: a property may refer back to this object through allOf.
        _definitions[pointer] = new ObjectType { Id = pointer, NameParts = parts.ToEquatableArray(), Properties = EquatableArray<Property>.Empty };
        var collected = new ObjectParts(pointer);
        Collect(collected, schema, pointer, parts, depth);
        if (schema.AllOf is { Count: > 1 } composedOf &&
            composedOf.OfType<OpenApiSchemaReference>().ToList() is [{ Reference: { IsExternal: false, Id: { } baseId } }] &&
            !baseId.Contains('/', StringComparison.Ordinal) && _document.Components?.Schemas?.ContainsKey(baseId) == true)
        {
            _baseCandidates[pointer] = JsonPointer.Append(ComponentsSchemas, baseId);
        }

        _definitions[pointer] = new ObjectType
        {
            Id = pointer,
            NameParts = parts.ToEquatableArray(),
            Properties = collected.Properties.Select(p => p with { Required = collected.Required.Contains(p.JsonName) }).ToEquatableArray(),
            UndeclaredRequired = collected.Required.Where(name => !collected.Seen.Contains(name)).Order(StringComparer.Ordinal).ToEquatableArray(),
            AdditionalProperties = collected.Additional,
            AdditionalPropertiesForbidden = collected.AdditionalForbidden,
            AllOf = collected.AllOfIds.Distinct().ToEquatableArray(),
            RequiredChoice = IsRequiredChoice(schema)
                ? new RequiredChoice(
                    schema.OneOf is { Count: > 0 } ? UnionKind.OneOf : UnionKind.AnyOf,
                    (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf!)
                        .Select(b => b.Required!.Order(StringComparer.Ordinal).ToEquatableArray())
                        .ToEquatableArray())
                : null,
            Title = schema.Title,
            Description = schema.Description,
            Deprecated = schema.Deprecated,
            Nullable = nullable,
            Constraints = ConstraintsOf(schema, RawAt(pointer) as JsonObject),
            Examples = ExamplesOf(schema),
        };
        return pointer;
    }

    /// <summary>What the parts of an object (itself and its allOf parts, depth first) add up to.</summary>
    private sealed class ObjectParts(string pointer)
    {
        public string Pointer { get; } = pointer;

        public List<Property> Properties { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<string> AllOfIds { get; } = [];

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public bool AdditionalForbidden { get; set; }

        public TypeUse? Additional { get; set; }
    }

    /// <summary>Adds one part (the object itself, a referenced component, or a nested allOf part) to what the object collects.</summary>
    private void Collect(ObjectParts into, IOpenApiSchema? part, string partPointer, ImmutableArray<string> partParts, int partDepth)
    {
        if (part is null || partDepth > MaxDepth)
        {
            return;
        }

        if (part is OpenApiSchemaReference partReference)
        {
            CollectReference(into, partReference, partPointer, partParts, partDepth);
            return;
        }

        if (partPointer != into.Pointer)
        {
            ReportChoicesInPart(part, partPointer);
        }

        if (part.AllOf is { } nested)
        {
            for (var i = 0; i < nested.Count; i++)
            {
                Collect(into, nested[i], JsonPointer.Append(partPointer, "allOf", Index(i)), partParts, partDepth + 1);
            }
        }

        foreach (var name in part.Required ?? new HashSet<string>())
        {
            into.Required.Add(name);
        }

        foreach (var (name, propertySchema) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var property = new Property
            {
                JsonName = name,
                Type = Use(propertySchema, JsonPointer.Append(partPointer, "properties", name), Parts(partParts, name), partDepth + 1),
                Required = false,
                Description = propertySchema?.Description,
                ReadOnly = propertySchema?.ReadOnly ?? false,
                WriteOnly = propertySchema?.WriteOnly ?? false,
                Deprecated = propertySchema?.Deprecated ?? false,
            };
            if (into.Seen.Add(name))
            {
                into.Properties.Add(property);
            }
            else
            {
                // allOf restating a property narrows it; the later statement is the more specific one.
                into.Properties[into.Properties.FindIndex(p => p.JsonName == name)] = property;
            }
        }

        if (!part.AdditionalPropertiesAllowed)
        {
            into.AdditionalForbidden = true;
        }
        else if (part.AdditionalProperties is { } additionalSchema)
        {
            into.Additional = Use(additionalSchema, JsonPointer.Append(partPointer, "additionalProperties"), Parts(partParts, "Value"), partDepth + 1);
        }
    }

    private void CollectReference(ObjectParts into, OpenApiSchemaReference partReference, string partPointer, ImmutableArray<string> partParts, int partDepth)
    {
        if (TargetOf(partReference) is not { } target)
        {
            ReportUnresolved(partReference, partPointer);
            return;
        }

        var id = partReference.Reference.Id;
        var componentPointer = id is not null && !partReference.Reference.IsExternal && !id.Contains('/', StringComparison.Ordinal)
            ? JsonPointer.Append(ComponentsSchemas, id)
            : partReference.Reference.ReferenceV3 ?? partPointer;
        if (componentPointer.StartsWith(ComponentsSchemas + "/", StringComparison.Ordinal))
        {
            into.AllOfIds.Add(componentPointer);
        }

        Collect(into, target, componentPointer, id is null ? partParts : ImmutableArray.Create(id), partDepth + 1);
    }

    /// <summary>An allOf part's own unsupported keywords, and its oneOf/anyOf, which the merged object cannot hold.</summary>
    private void ReportChoicesInPart(IOpenApiSchema part, string partPointer)
    {
        ReportUnsupportedKeywords(partPointer);
        foreach (var (keyword, choice) in new[] { ("oneOf", part.OneOf), ("anyOf", part.AnyOf) })
        {
            if (choice is { Count: > 0 } && _reportedKeywords.Add(JsonPointer.Append(partPointer, keyword)))
            {
                Report(
                    DiagnosticIds.UnsupportedSchema,
                    DiagnosticSeverity.Warning,
                    $"'{keyword}' inside an 'allOf' part is not supported yet: the object gets only the properties of the other parts, and validation does not check it",
                    JsonPointer.Append(partPointer, keyword));
            }
        }
    }

    private void Define(TypeDefinition definition) => _definitions.TryAdd(definition.Id, definition);
}
