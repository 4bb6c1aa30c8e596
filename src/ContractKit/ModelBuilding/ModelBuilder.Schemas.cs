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

/// <summary>Schema normalization: every way a spec can say "nullable", "optional", "map" or "enum" comes out one way.</summary>
public sealed partial class ModelBuilder
{
    /// <summary>Deeper inline nesting than this is not a real schema but a cycle through non-component references.</summary>
    private const int MaxDepth = 64;

    /// <summary>JSON Schema keywords the model does not represent: neither the generated types nor their validation see them.</summary>
    private static readonly string[] UnsupportedKeywords =
    [
        "not", "if", "then", "else", "patternProperties", "prefixItems", "contains", "minContains", "maxContains",
        "dependentSchemas", "dependentRequired", "unevaluatedProperties", "unevaluatedItems", "$recursiveRef", "$dynamicRef",
    ];

    /// <summary>Where an unsupported keyword was reported already (a schema inlined through allOf is walked once per user).</summary>
    private readonly HashSet<string> _reportedKeywords = new(StringComparer.Ordinal);

    private void DefineComponent(string name, IOpenApiSchema? schema)
    {
        var pointer = JsonPointer.Append(ComponentsSchemas, name);
        if (_definitions.ContainsKey(pointer))
        {
            return;
        }

        var parts = ImmutableArray.Create(name);
        _defining.Add(pointer);
        var use = Use(schema, pointer, parts, depth: 0, isComponent: true);
        _defining.Remove(pointer);
        if (_definitions.ContainsKey(pointer))
        {
            return;
        }

        // The component is not an object, enum or union: keep its name as an alias, so that
        // references still resolve and the component is not lost from the model.
        TypeDefinition alias = use.Type switch
        {
            MapRef map => new MapType { Id = pointer, NameParts = parts.ToEquatableArray(), Values = map.Values },
            ArrayRef array => new ArrayType { Id = pointer, NameParts = parts.ToEquatableArray(), Items = array.Items },
            PrimitiveRef primitive => new PrimitiveType
            {
                Id = pointer, NameParts = parts.ToEquatableArray(), Kind = primitive.Kind, Format = primitive.Format,
            },
            _ => new AliasType { Id = pointer, NameParts = parts.ToEquatableArray(), Target = use with { Constraints = Constraints.None } },
        };
        _definitions[pointer] = alias with
        {
            // A component that is not a schema at all (null, a number: the reader has said so) is any JSON value.
            Title = schema?.Title,
            Description = schema?.Description,
            Deprecated = schema?.Deprecated ?? false,
            Nullable = use.Nullable,
            Constraints = use.Constraints,
            Examples = schema is null ? EquatableArray<string>.Empty : ExamplesOf(schema),
        };
    }

    /// <summary>Normalizes one schema at one place. Named types it needs are defined on the way.</summary>
    private TypeUse Use(IOpenApiSchema? schema, string pointer, ImmutableArray<string> parts, int depth, bool isComponent = false)
    {
        if (schema is null)
        {
            return new TypeUse(PrimitiveRef.Any);
        }

        if (depth > MaxDepth)
        {
            Report(DiagnosticIds.UnsupportedSchema, DiagnosticSeverity.Warning, $"schema nesting deeper than {MaxDepth} levels; treated as any JSON value", pointer);
            return new TypeUse(PrimitiveRef.Any);
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return UseReference(reference, pointer, parts, depth);
        }

        if (RecursiveReference(pointer) is { } recursive)
        {
            return recursive;
        }

        ReportUnsupportedKeywords(pointer);
        var nullable = (schema.Type is { } flags && flags.HasFlag(JsonSchemaType.Null)) || SaysNullable(pointer);
        var type = schema.Type is { } t ? t & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        if (type == 0)
        {
            type = null;
        }

        var constraints = ConstraintsOf(schema, RawAt(pointer) as JsonObject);
        if (UseChoice(schema, pointer, parts, depth, ref nullable, constraints) is { } choice)
        {
            return choice;
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return UseAllOf(schema, pointer, parts, depth, nullable, constraints);
        }

        if (UseEnum(schema, pointer, parts, type, ref nullable, ref constraints) is { } enumeration)
        {
            return enumeration;
        }

        return UseShape(schema, pointer, parts, depth, type, nullable, constraints);
    }

    /// <summary>
    /// oneOf/anyOf: a null branch means "nullable"; one remaining branch is just that type; two or more are a union.
    /// Null (with <paramref name="nullable"/> updated) when the schema is to be read by its other keywords.
    /// </summary>
    private TypeUse? UseChoice(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, int depth, ref bool nullable, Constraints constraints)
    {
        var (unionKind, branches) = schema.OneOf is { Count: > 0 } oneOf ? (UnionKind.OneOf, oneOf)
            : schema.AnyOf is { Count: > 0 } anyOf ? (UnionKind.AnyOf, anyOf)
            : (UnionKind.OneOf, (IList<IOpenApiSchema>?)null);
        if (branches is null || IsRequiredChoice(schema))
        {
            // "Give a or b" beside properties: a constraint on the object (kept as its RequiredChoice), not a union.
            return null;
        }

        var keyword = unionKind == UnionKind.OneOf ? "oneOf" : "anyOf";
        var indexed = branches.Select((b, i) => (Schema: b, Index: i)).ToList();
        var nonNull = indexed.Where(b => !IsNullOnly(b.Schema)).ToList();
        nullable |= nonNull.Count < indexed.Count;
        if (nonNull.Count == 1 && !HasOwnShape(schema))
        {
            var only = Use(nonNull[0].Schema, JsonPointer.Append(pointer, keyword, Index(nonNull[0].Index)), parts, depth + 1);
            return only with { Nullable = only.Nullable || nullable, Constraints = Merge(only.Constraints, constraints) };
        }

        if (nonNull.Count >= 2)
        {
            var variants = nonNull
                .Select((b, n) => Use(b.Schema, JsonPointer.Append(pointer, keyword, Index(b.Index)), Parts(parts, "Variant" + Index(n + 1)), depth + 1))
                .ToEquatableArray();
            Define(new UnionType
            {
                Id = pointer,
                NameParts = parts.ToEquatableArray(),
                Kind = unionKind,
                Variants = variants,
                Discriminator = DiscriminatorOf(schema),
                Title = schema.Title,
                Description = schema.Description,
                Deprecated = schema.Deprecated,
                Nullable = nullable,
                Examples = ExamplesOf(schema),
            });
            return new TypeUse(new NamedRef(pointer), nullable);
        }

        return nonNull.Count == 0 ? new TypeUse(PrimitiveRef.Any, Nullable: true) { Constraints = constraints } : null;
    }

    /// <summary>allOf: [X] alone (often used to attach a description or nullable to a $ref) is X; more parts are merged.</summary>
    private TypeUse UseAllOf(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, int depth, bool nullable, Constraints constraints)
    {
        // Parts that only annotate (OpenAI's "allOf: [$ref: X, nullable: true]") shape nothing: X or null.
        var allOf = schema.AllOf!;
        var shaping = Enumerable.Range(0, allOf.Count).Where(i => !IsAnnotationOnly(allOf[i])).ToList();
        if (shaping.Count == 1 && !HasOwnShape(schema))
        {
            foreach (var i in Enumerable.Range(0, allOf.Count).Where(i => i != shaping[0]))
            {
                var annotationPointer = JsonPointer.Append(pointer, "allOf", Index(i));
                nullable |= allOf[i].Type is { } partType && partType.HasFlag(JsonSchemaType.Null) || SaysNullable(annotationPointer);
                constraints = Merge(constraints, ConstraintsOf(allOf[i], RawAt(annotationPointer) as JsonObject));
            }

            var only = Use(allOf[shaping[0]], JsonPointer.Append(pointer, "allOf", Index(shaping[0])), parts, depth + 1);
            return only with { Nullable = only.Nullable || nullable, Constraints = Merge(only.Constraints, constraints) };
        }

        return new TypeUse(new NamedRef(DefineObject(schema, pointer, parts, depth, nullable)), nullable);
    }

    /// <summary>
    /// enum or const: string enums, and integers that fit a long, are open enums (unknown values kept and written
    /// back). Other values become an <c>enum</c> constraint (<paramref name="constraints"/> updated) and null is returned.
    /// </summary>
    private TypeUse? UseEnum(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, JsonSchemaType? type, ref bool nullable, ref Constraints constraints)
    {
        List<JsonNode?>? enumValues = schema.Enum is { Count: > 0 } values ? [.. values]
            : schema.Const is { } constant ? [ConstOf(pointer, constant)]
            : null;
        if (enumValues is null)
        {
            return null;
        }

        nullable |= enumValues.Any(v => v is null);
        var nonNullValues = enumValues.Where(v => v is not null).ToList();
        var allStrings = nonNullValues.Count > 0 && nonNullValues.All(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.String);
        if (allStrings && (type is null || type == JsonSchemaType.String))
        {
            return DefineEnum(schema, pointer, parts, PrimitiveKind.String, nonNullValues.Select(v => v!.GetValue<string>()), nullable, constraints);
        }

        var integers = nonNullValues.Count > 0 && (type is null || type == JsonSchemaType.Integer)
            ? nonNullValues.Select(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.AsValue().TryGetValue<decimal>(out var d) &&
                    decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue ? (long?)(long)d : null).ToList()
            : null;
        if (integers is not null && integers.All(i => i is not null))
        {
            return DefineEnum(schema, pointer, parts, PrimitiveKind.Integer, integers.Select(i => i!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), nullable, constraints);
        }

        var kept = nonNullValues.Select(KeptJson).ToList();
        if (kept.Any(v => v is null))
        {
            Report(DiagnosticIds.UnsupportedSchema, DiagnosticSeverity.Warning, $"an enum value is nested more than {MaxValueDepth} levels deep; the enum is not enforced", pointer);
        }
        else
        {
            constraints = constraints with { Enum = kept.OfType<string>().ToEquatableArray() };
        }

        return null;
    }

    private TypeUse DefineEnum(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, PrimitiveKind kind, IEnumerable<string> values, bool nullable, Constraints constraints)
    {
        Define(new EnumType
        {
            Id = pointer,
            NameParts = parts.ToEquatableArray(),
            Kind = kind,
            Values = values.Select(v => new EnumValue(v)).Distinct().ToEquatableArray(),
            Title = schema.Title,
            Description = schema.Description,
            Deprecated = schema.Deprecated,
            Nullable = nullable,
            Constraints = constraints,
            Examples = ExamplesOf(schema),
        });
        return new TypeUse(new NamedRef(pointer), nullable);
    }

    /// <summary>What the type keyword says: an object (with properties, or a map), an array, a primitive, any value, or a type array.</summary>
    private TypeUse UseShape(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, int depth, JsonSchemaType? type, bool nullable, Constraints constraints)
    {
        var looksLikeObject = type == JsonSchemaType.Object ||
            (type is null && (schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null));
        if (looksLikeObject)
        {
            if (schema.Properties is { Count: > 0 } || !schema.AdditionalPropertiesAllowed)
            {
                return new TypeUse(new NamedRef(DefineObject(schema, pointer, parts, depth, nullable)), nullable) { Constraints = constraints };
            }

            var mapValues = schema.AdditionalProperties is { } additional
                ? Use(additional, JsonPointer.Append(pointer, "additionalProperties"), Parts(parts, "Value"), depth + 1)
                : new TypeUse(PrimitiveRef.Any, Nullable: true);
            return new TypeUse(new MapRef(mapValues), nullable) { Constraints = constraints };
        }

        switch (type)
        {
            case JsonSchemaType.Array:
                var items = Use(schema.Items, JsonPointer.Append(pointer, "items"), Parts(parts, "Item"), depth + 1);
                return new TypeUse(new ArrayRef(items), nullable) { Constraints = constraints };
            case JsonSchemaType.String:
                return new TypeUse(new PrimitiveRef(PrimitiveKind.String, schema.Format), nullable) { Constraints = constraints };
            case JsonSchemaType.Integer:
                return new TypeUse(new PrimitiveRef(PrimitiveKind.Integer, schema.Format), nullable) { Constraints = constraints };
            case JsonSchemaType.Number:
                return new TypeUse(new PrimitiveRef(PrimitiveKind.Number, schema.Format), nullable) { Constraints = constraints };
            case JsonSchemaType.Boolean:
                return new TypeUse(new PrimitiveRef(PrimitiveKind.Boolean, schema.Format), nullable) { Constraints = constraints };
            case null:
                return new TypeUse(PrimitiveRef.Any, Nullable: true) { Constraints = constraints };
            default:
                if (TypeArrayUnion(schema, type.Value, pointer, parts, depth, nullable, constraints) is { } union)
                {
                    return union;
                }

                Report(
                    DiagnosticIds.UnsupportedSchema,
                    DiagnosticSeverity.Warning,
                    $"a schema with several types ({type.Value}) that include an object with properties is not modeled as a union; treated as any JSON value",
                    pointer);
                return new TypeUse(PrimitiveRef.Any, nullable) { Constraints = constraints };
        }
    }

    /// <summary>
    /// A type array (<c>type: [string, integer]</c>) as an <c>anyOf</c> union of one variant per type, the schema's
    /// keywords applying to each as JSON Schema says (<c>items</c> to the array, <c>format</c> to the scalars). Null
    /// for an object type with properties, which would need a second definition at the same pointer.
    /// </summary>
    private TypeUse? TypeArrayUnion(IOpenApiSchema schema, JsonSchemaType type, string pointer, ImmutableArray<string> parts, int depth, bool nullable, Constraints constraints)
    {
        if (type.HasFlag(JsonSchemaType.Object) && schema.Properties is { Count: > 0 })
        {
            return null;
        }

        var variants = new List<TypeUse>();
        foreach (var (flag, kind) in new[]
        {
            (JsonSchemaType.String, PrimitiveKind.String), (JsonSchemaType.Integer, PrimitiveKind.Integer),
            (JsonSchemaType.Number, PrimitiveKind.Number), (JsonSchemaType.Boolean, PrimitiveKind.Boolean),
        })
        {
            if (type.HasFlag(flag))
            {
                variants.Add(new TypeUse(new PrimitiveRef(kind, schema.Format)));
            }
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            variants.Add(new TypeUse(new ArrayRef(Use(schema.Items, JsonPointer.Append(pointer, "items"), Parts(parts, "Item"), depth + 1))));
        }

        if (type.HasFlag(JsonSchemaType.Object))
        {
            var values = schema.AdditionalProperties is { } additional
                ? Use(additional, JsonPointer.Append(pointer, "additionalProperties"), Parts(parts, "Value"), depth + 1)
                : new TypeUse(PrimitiveRef.Any, Nullable: true);
            variants.Add(new TypeUse(new MapRef(values)));
        }

        Define(new UnionType
        {
            Id = pointer,
            NameParts = parts.ToEquatableArray(),
            Kind = UnionKind.AnyOf,
            Variants = variants.ToEquatableArray(),
            Title = schema.Title,
            Description = schema.Description,
            Deprecated = schema.Deprecated,
            Nullable = nullable,
            Constraints = constraints,
            Examples = ExamplesOf(schema),
        });
        return new TypeUse(new NamedRef(pointer), nullable);
    }

    private TypeUse UseReference(OpenApiSchemaReference reference, string pointer, ImmutableArray<string> parts, int depth)
    {
        var target = TargetOf(reference);
        if (target is null)
        {
            ReportUnresolved(reference, pointer);
            return new TypeUse(PrimitiveRef.Any, Nullable: true);
        }

        var nullable = target.Type is { } flags && flags.HasFlag(JsonSchemaType.Null);
        var id = reference.Reference.Id;
        if (!reference.Reference.IsExternal && id is not null && !id.Contains('/', StringComparison.Ordinal))
        {
            var targetPointer = JsonPointer.Append(ComponentsSchemas, id);
            if (!_definitions.ContainsKey(targetPointer) && !_defining.Contains(targetPointer) && _document.Components?.Schemas?.TryGetValue(id, out var component) == true)
            {
                DefineComponent(id, component);
            }

            if (_definitions.TryGetValue(targetPointer, out var definition))
            {
                nullable |= definition.Nullable;
            }

            return new TypeUse(new NamedRef(targetPointer), nullable);
        }

        // A reference into the middle of a schema, or into another file: normalized where it points.
        var name = reference.Reference.ReferenceV3 ?? pointer;
        var lastToken = name[(name.LastIndexOf('/') + 1)..];
        return Use(target, name.StartsWith('#') ? name : pointer, ImmutableArray.Create(lastToken.Length > 0 ? lastToken : parts[^1]), depth + 1);
    }
}
