using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;
using Microsoft.OpenApi;
using JsonPointer = ContractKit.Model.JsonPointer;

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

    private void DefineComponent(string name, IOpenApiSchema schema)
    {
        var pointer = JsonPointer.Append(ComponentsSchemas, name);
        if (_definitions.ContainsKey(pointer))
        {
            return;
        }

        var parts = ImmutableArray.Create(name);
        var use = Use(schema, pointer, parts, depth: 0, isComponent: true);
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
            Title = schema.Title,
            Description = schema.Description,
            Deprecated = schema.Deprecated,
            Nullable = use.Nullable,
            Constraints = use.Constraints,
            Examples = ExamplesOf(schema),
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

        // oneOf/anyOf: a null branch means "nullable"; one remaining branch is just that type.
        var (unionKind, branches) = schema.OneOf is { Count: > 0 } oneOf ? (UnionKind.OneOf, oneOf)
            : schema.AnyOf is { Count: > 0 } anyOf ? (UnionKind.AnyOf, anyOf)
            : (UnionKind.OneOf, (IList<IOpenApiSchema>?)null);
        if (branches is not null && IsRequiredChoice(schema))
        {
            // "Give a or b" beside properties: a constraint on the object (kept as its RequiredChoice), not a union.
            branches = null;
        }

        if (branches is not null)
        {
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

            if (nonNull.Count == 0)
            {
                return new TypeUse(PrimitiveRef.Any, Nullable: true) { Constraints = constraints };
            }
        }

        // allOf: [X] alone (often used to attach a description or nullable to a $ref) is X; more parts are merged.
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            // Parts that only annotate (OpenAI's "allOf: [$ref: X, nullable: true]") shape nothing: X or null.
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

        List<JsonNode?>? enumValues = schema.Enum is { Count: > 0 } values ? [.. values]
            : schema.Const is { } constant ? [ConstOf(pointer, constant)]
            : null;
        if (enumValues is not null)
        {
            nullable |= enumValues.Any(v => v is null);
            var nonNullValues = enumValues.Where(v => v is not null).ToList();
            var allStrings = nonNullValues.Count > 0 && nonNullValues.All(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.String);
            // String enums, and integers that fit a long, are open enums (unknown values kept and written back).
            TypeUse DefineEnum(PrimitiveKind kind, IEnumerable<string> values)
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

            if (allStrings && (type is null || type == JsonSchemaType.String))
            {
                return DefineEnum(PrimitiveKind.String, nonNullValues.Select(v => v!.GetValue<string>()));
            }

            var integers = nonNullValues.Count > 0 && (type is null || type == JsonSchemaType.Integer)
                ? nonNullValues.Select(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.AsValue().TryGetValue<decimal>(out var d) &&
                        decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue ? (long?)(long)d : null).ToList()
                : null;
            if (integers is not null && integers.All(i => i is not null))
            {
                return DefineEnum(PrimitiveKind.Integer, integers.Select(i => i!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            constraints = constraints with { Enum = nonNullValues.Select(v => v!.ToJsonString()).ToEquatableArray() };
        }

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
            // The reader reports unresolved references (CK1007) with their location; generation stops on that error.
            return new TypeUse(PrimitiveRef.Any, Nullable: true);
        }

        var nullable = target.Type is { } flags && flags.HasFlag(JsonSchemaType.Null);
        var id = reference.Reference.Id;
        if (!reference.Reference.IsExternal && id is not null && !id.Contains('/', StringComparison.Ordinal))
        {
            var targetPointer = JsonPointer.Append(ComponentsSchemas, id);
            if (!_definitions.ContainsKey(targetPointer) && _document.Components?.Schemas?.TryGetValue(id, out var component) == true)
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

    private string DefineObject(IOpenApiSchema schema, string pointer, ImmutableArray<string> parts, int depth, bool nullable)
    {
        if (_definitions.ContainsKey(pointer))
        {
            return pointer;
        }

        // Reserve the id first: a property may refer back to this object through allOf.
        _definitions[pointer] = new ObjectType { Id = pointer, NameParts = parts.ToEquatableArray(), Properties = EquatableArray<Property>.Empty };

        var properties = new List<Property>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var allOfIds = new List<string>();
        var additionalForbidden = false;
        TypeUse? additional = null;
        var required = new HashSet<string>(StringComparer.Ordinal);

        void Collect(IOpenApiSchema part, string partPointer, ImmutableArray<string> partParts, int partDepth)
        {
            if (partDepth > MaxDepth)
            {
                return;
            }

            if (part is OpenApiSchemaReference partReference)
            {
                if (TargetOf(partReference) is not { } target)
                {
                    return;
                }

                var id = partReference.Reference.Id;
                var componentPointer = id is not null && !partReference.Reference.IsExternal && !id.Contains('/', StringComparison.Ordinal)
                    ? JsonPointer.Append(ComponentsSchemas, id)
                    : partReference.Reference.ReferenceV3 ?? partPointer;
                if (componentPointer.StartsWith(ComponentsSchemas + "/", StringComparison.Ordinal))
                {
                    allOfIds.Add(componentPointer);
                }

                Collect(target, componentPointer, id is null ? partParts : ImmutableArray.Create(id), partDepth + 1);
                return;
            }

            if (partPointer != pointer)
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

            if (part.AllOf is { } nested)
            {
                for (var i = 0; i < nested.Count; i++)
                {
                    Collect(nested[i], JsonPointer.Append(partPointer, "allOf", Index(i)), partParts, partDepth + 1);
                }
            }

            foreach (var name in part.Required ?? new HashSet<string>())
            {
                required.Add(name);
            }

            if (part.Properties is { } partProperties)
            {
                foreach (var (name, propertySchema) in partProperties)
                {
                    var property = new Property
                    {
                        JsonName = name,
                        Type = Use(propertySchema, JsonPointer.Append(partPointer, "properties", name), Parts(partParts, name), partDepth + 1),
                        Required = false,
                        Description = propertySchema.Description,
                        ReadOnly = propertySchema.ReadOnly,
                        WriteOnly = propertySchema.WriteOnly,
                        Deprecated = propertySchema.Deprecated,
                    };
                    if (seen.Add(name))
                    {
                        properties.Add(property);
                    }
                    else
                    {
                        // allOf restating a property narrows it; the later statement is the more specific one.
                        properties[properties.FindIndex(p => p.JsonName == name)] = property;
                    }
                }
            }

            if (!part.AdditionalPropertiesAllowed)
            {
                additionalForbidden = true;
            }
            else if (part.AdditionalProperties is { } additionalSchema)
            {
                additional = Use(additionalSchema, JsonPointer.Append(partPointer, "additionalProperties"), Parts(partParts, "Value"), partDepth + 1);
            }
        }

        Collect(schema, pointer, parts, depth);
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
            Properties = properties.Select(p => p with { Required = required.Contains(p.JsonName) }).ToEquatableArray(),
            UndeclaredRequired = required.Where(name => !seen.Contains(name)).Order(StringComparer.Ordinal).ToEquatableArray(),
            AdditionalProperties = additional,
            AdditionalPropertiesForbidden = additionalForbidden,
            AllOf = allOfIds.Distinct().ToEquatableArray(),
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

    private void Define(TypeDefinition definition) => _definitions.TryAdd(definition.Id, definition);

    private Discriminator? DiscriminatorOf(IOpenApiSchema schema)
    {
        if (schema.Discriminator is not { PropertyName: { } propertyName } discriminator)
        {
            return null;
        }

        var mapping = (discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new DiscriminatorMapping(m.Key, JsonPointer.Append(ComponentsSchemas, m.Value.Reference.Id ?? string.Empty)))
            .ToEquatableArray();
        return new Discriminator(propertyName, mapping);
    }

    /// <summary>
    /// Microsoft.OpenApi turns <c>nullable: true</c> into a null type only when the schema has a <c>type</c>; specs
    /// (OpenAI's among them) also write it beside <c>oneOf</c>, <c>anyOf</c> or <c>allOf: [$ref]</c> to mean "or null",
    /// which is what NSwag and the spec's authors take it to mean. The raw document still has it. 2.0's
    /// <c>x-nullable</c> is read the same way.
    /// </summary>
    private bool SaysNullable(string pointer)
    {
        var raw = RawAt(pointer) as JsonObject;
        return raw is not null &&
            ((raw.TryGetPropertyValue("nullable", out var value) && value is JsonValue v && v.TryGetValue<bool>(out var b) && b) ||
             (raw.TryGetPropertyValue("x-nullable", out var x) && x is JsonValue xv && xv.TryGetValue<bool>(out var xb) && xb));
    }

    /// <summary>
    /// <c>$recursiveRef: "#"</c> inside a component whose root says <c>$recursiveAnchor: true</c> (2019-09's way to
    /// write a recursive schema, which OpenAI's filters use) is a reference to that component. Null for anything else.
    /// </summary>
    private TypeUse? RecursiveReference(string pointer)
    {
        if (RawAt(pointer) is not JsonObject raw || raw["$recursiveRef"] is not JsonValue target ||
            !target.TryGetValue<string>(out var text) || text != "#" ||
            !JsonPointerText.TryParse(pointer, out var segments) || segments is not ["components", "schemas", var name, ..] ||
            _document.Components?.Schemas?.TryGetValue(name, out var component) != true)
        {
            return null;
        }

        var componentPointer = JsonPointer.Append(ComponentsSchemas, name);
        if (RawAt(componentPointer) is not JsonObject root ||
            root["$recursiveAnchor"] is not JsonValue anchor || !anchor.TryGetValue<bool>(out var anchored) || !anchored)
        {
            return null;
        }

        if (!_definitions.ContainsKey(componentPointer))
        {
            DefineComponent(name, component!);
        }

        return new TypeUse(new NamedRef(componentPointer), _definitions.TryGetValue(componentPointer, out var definition) && definition.Nullable);
    }

    /// <summary>A warning, at the keyword, for each keyword of the schema at a pointer that the model leaves out.</summary>
    private void ReportUnsupportedKeywords(string pointer)
    {
        if (RawAt(pointer) is not JsonObject raw)
        {
            return;
        }

        foreach (var keyword in UnsupportedKeywords)
        {
            if (raw.ContainsKey(keyword) && _reportedKeywords.Add(JsonPointer.Append(pointer, keyword)))
            {
                var consequence = keyword is "$recursiveRef" or "$dynamicRef"
                    ? "the schema is treated as any JSON value"
                    : "it is ignored by the generated types and by their validation";
                Report(DiagnosticIds.UnsupportedSchema, DiagnosticSeverity.Warning, $"'{keyword}' is not supported yet: {consequence}", JsonPointer.Append(pointer, keyword));
            }
        }
    }

    /// <summary>
    /// The <c>const</c> value as JSON: Microsoft.OpenApi keeps it as text, so <c>const: 1</c> and <c>const: "1"</c> look
    /// alike there; the raw document tells them apart.
    /// </summary>
    private JsonNode? ConstOf(string pointer, string text) =>
        (RawAt(pointer) as JsonObject)?.TryGetPropertyValue("const", out var raw) == true
            ? raw?.DeepClone()
            : JsonValue.Create(text);

    /// <summary>An object schema whose <c>oneOf</c>/<c>anyOf</c> branches only list required property names.</summary>
    private static bool IsRequiredChoice(IOpenApiSchema schema)
    {
        var branches = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        return branches is not null &&
            (schema.Properties is { Count: > 0 } || schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.Object) &&
            branches.All(b => b is not OpenApiSchemaReference && b.Required is { Count: > 0 } && b.Type is null &&
                b.Properties is not { Count: > 0 } && b.Items is null && b.Enum is not { Count: > 0 } && b.Const is null &&
                b.AllOf is not { Count: > 0 } && b.OneOf is not { Count: > 0 } && b.AnyOf is not { Count: > 0 } &&
                b.AdditionalProperties is null && b.AdditionalPropertiesAllowed && b.Not is null);
    }

    /// <summary>
    /// Makes every discriminator's mapping complete (see <see cref="Discriminator"/>), once all types are known: a
    /// variant's tag values come from its definition, which may still have been under construction when the union was met.
    /// </summary>
    private void CompleteDiscriminators()
    {
        foreach (var union in _definitions.Values.OfType<UnionType>().Where(u => u.Discriminator is not null).ToList())
        {
            var discriminator = union.Discriminator!;
            var explicitValues = discriminator.Mapping.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var explicitTypes = discriminator.Mapping.Select(m => m.TypeId).ToHashSet(StringComparer.Ordinal);
            var fixedValues = new List<(string TypeId, IReadOnlyList<string>? Values)>();
            foreach (var variant in union.Variants)
            {
                if (variant.Type is NamedRef named && !explicitTypes.Contains(named.TypeId) && fixedValues.All(f => f.TypeId != named.TypeId))
                {
                    fixedValues.Add((named.TypeId, TagValues(named.TypeId, discriminator.PropertyName, depth: 0)));
                }
            }

            var counts = fixedValues.SelectMany(f => f.Values ?? []).CountBy(v => v, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
            var added = new List<DiscriminatorMapping>();
            foreach (var (typeId, values) in fixedValues)
            {
                if (values is not null)
                {
                    added.AddRange(values.Where(v => counts[v] == 1 && !explicitValues.Contains(v)).Select(v => new DiscriminatorMapping(v, typeId)));
                }
                else if (typeId.StartsWith(ComponentsSchemas + "/", StringComparison.Ordinal) && typeId.IndexOf('/', ComponentsSchemas.Length + 1) < 0)
                {
                    var name = JsonPointerText.TryParse(typeId, out var segments) ? segments[^1] : typeId[(ComponentsSchemas.Length + 1)..];
                    if (!explicitValues.Contains(name))
                    {
                        added.Add(new DiscriminatorMapping(name, typeId));
                    }
                }
            }

            if (added.Count > 0)
            {
                var mapping = discriminator.Mapping.Concat(added.DistinctBy(m => m.Value, StringComparer.Ordinal)).ToEquatableArray();
                _definitions[union.Id] = union with { Discriminator = discriminator with { Mapping = mapping } };
            }
        }
    }

    /// <summary>Sets <see cref="ObjectType.Base"/> where extending the one referenced component is sound (see there).</summary>
    private void InferBases()
    {
        foreach (var (id, baseId) in _baseCandidates.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (_definitions.GetValueOrDefault(id) is not ObjectType derived ||
                _definitions.GetValueOrDefault(baseId) is not ObjectType { Nullable: false } baseType ||
                baseType.AdditionalPropertiesForbidden != derived.AdditionalPropertiesForbidden ||
                baseType.AdditionalProperties != derived.AdditionalProperties)
            {
                continue;
            }

            var own = derived.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
            if (baseType.Properties.All(p => own.TryGetValue(p.JsonName, out var mine) && mine == p) && !ReachesThrough(baseId, id))
            {
                _definitions[id] = derived with { Base = baseId };
            }
        }
    }

    /// <summary>True when following bases from <paramref name="from"/> reaches <paramref name="target"/> (no cycles of inheritance).</summary>
    private bool ReachesThrough(string from, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = from; current is not null && seen.Add(current);)
        {
            if (current == target)
            {
                return true;
            }

            current = (_definitions.GetValueOrDefault(current) as ObjectType)?.Base ?? (_baseCandidates.TryGetValue(current, out var next) ? next : null);
        }

        return false;
    }

    /// <summary>The string values a type fixes its tag property to (all its variants' for a union), or null when it does not.</summary>
    private IReadOnlyList<string>? TagValues(string typeId, string property, int depth)
    {
        if (depth > 16 || !_definitions.TryGetValue(typeId, out var definition))
        {
            return null;
        }

        switch (definition)
        {
            case ObjectType obj:
                return obj.Properties.FirstOrDefault(p => p.JsonName == property)?.Type is { } use ? FixedStrings(use, depth) : null;
            case AliasType { Target.Type: NamedRef target }:
                return TagValues(target.TypeId, property, depth + 1);
            case UnionType union:
                var all = new List<string>();
                foreach (var variant in union.Variants)
                {
                    if (variant.Type is not NamedRef named || TagValues(named.TypeId, property, depth + 1) is not { } values)
                    {
                        return null;
                    }

                    all.AddRange(values);
                }

                return all.Distinct().ToList();
            default:
                return null;
        }
    }

    private IReadOnlyList<string>? FixedStrings(TypeUse use, int depth)
    {
        if (use.Constraints.Enum.Count > 0)
        {
            return use.Constraints.Enum.All(v => v.StartsWith('"')) ? use.Constraints.Enum.Select(v => JsonNode.Parse(v)!.GetValue<string>()).ToList() : null;
        }

        return use.Type is NamedRef named && _definitions.TryGetValue(named.TypeId, out var definition) && depth < 16
            ? definition switch
            {
                EnumType { Kind: PrimitiveKind.String } enumType => enumType.Values.Select(v => v.Value).ToList(),
                AliasType alias => FixedStrings(alias.Target, depth + 1),
                _ => null,
            }
            : null;
    }

    /// <summary>
    /// An inline schema that says nothing about shape: no type other than null, no properties, items, enum, const or
    /// composition (<c>{nullable: true}</c>, <c>{description: …}</c>, <c>{default: …}</c>).
    /// </summary>
    private static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && (schema.Type is null || schema.Type == JsonSchemaType.Null) &&
        schema.Properties is not { Count: > 0 } && schema.Items is null && schema.Enum is not { Count: > 0 } && schema.Const is null &&
        schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } &&
        schema.AdditionalProperties is null && schema.AdditionalPropertiesAllowed && schema.Required is not { Count: > 0 } && schema.Not is null;

    /// <summary><c>{type: "null"}</c> and nothing else that would constrain it.</summary>
    private static bool IsNullOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null &&
        schema.Properties is not { Count: > 0 } && schema.Enum is not { Count: > 0 };

    /// <summary>True when a schema says more than its composition keywords (so "allOf: [X]" is not simply X).</summary>
    private static bool HasOwnShape(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null || !schema.AdditionalPropertiesAllowed ||
        schema.Enum is { Count: > 0 } || schema.Items is not null;

    private static Constraints ConstraintsOf(IOpenApiSchema schema, JsonObject? raw = null)
    {
        // 3.0's boolean exclusive bounds, when written in a 3.1 document (OpenAI's does), reach us as "True"/"False",
        // and Microsoft.OpenApi drops the number beside them: "True" makes that bound (read from the raw document)
        // exclusive, as the author meant; "False" leaves it inclusive.
        var (minimum, exclusiveMinimum) = Bound(schema.Minimum, schema.ExclusiveMinimum, raw?["minimum"]);
        var (maximum, exclusiveMaximum) = Bound(schema.Maximum, schema.ExclusiveMaximum, raw?["maximum"]);
        var constraints = new Constraints
        {
            MinLength = schema.MinLength,
            MaxLength = schema.MaxLength,
            Pattern = schema.Pattern,
            Minimum = minimum,
            Maximum = maximum,
            ExclusiveMinimum = exclusiveMinimum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = schema.MultipleOf,
            MinItems = schema.MinItems,
            MaxItems = schema.MaxItems,
            UniqueItems = schema.UniqueItems == true,
            MinProperties = schema.MinProperties,
            MaxProperties = schema.MaxProperties,
            PropertyNames = PropertyNamesOf(schema),
            Default = schema.Default?.ToJsonString(),
        };
        return constraints == Constraints.None ? Constraints.None : constraints;
    }

    private static (string? Inclusive, string? Exclusive) Bound(string? inclusive, string? exclusive, JsonNode? rawInclusive)
    {
        var written = inclusive ?? (rawInclusive is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? value.ToJsonString() : null);
        return exclusive switch
        {
            _ when string.Equals(exclusive, "true", StringComparison.OrdinalIgnoreCase) => (null, written),
            _ when string.Equals(exclusive, "false", StringComparison.OrdinalIgnoreCase) => (written, null),
            _ => (inclusive, exclusive),
        };
    }

    /// <summary>
    /// Key constraints: 3.1's <c>propertyNames</c>, or for 3.0 (whose Schema Object has no such keyword)
    /// the <c>x-propertyNames</c> extension holding the same schema.
    /// </summary>
    private static Constraints? PropertyNamesOf(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { PropertyNames: { } names })
        {
            return ConstraintsOf(names);
        }

        if (schema is IOpenApiExtensible { Extensions: { } extensions } &&
            extensions.TryGetValue("x-propertyNames", out var extension) &&
            extension is JsonNodeExtension { Node: JsonObject node })
        {
            return new Constraints
            {
                MinLength = node["minLength"]?.GetValue<int>(),
                MaxLength = node["maxLength"]?.GetValue<int>(),
                Pattern = node["pattern"]?.GetValue<string>(),
            };
        }

        return null;
    }

    private static Constraints Merge(Constraints inner, Constraints outer) =>
        outer.IsEmpty ? inner : inner.IsEmpty ? outer : inner with
        {
            MinLength = inner.MinLength ?? outer.MinLength,
            MaxLength = inner.MaxLength ?? outer.MaxLength,
            Pattern = inner.Pattern ?? outer.Pattern,
            Minimum = inner.Minimum ?? outer.Minimum,
            Maximum = inner.Maximum ?? outer.Maximum,
            MinItems = inner.MinItems ?? outer.MinItems,
            MaxItems = inner.MaxItems ?? outer.MaxItems,
            MaxProperties = inner.MaxProperties ?? outer.MaxProperties,
            Default = outer.Default ?? inner.Default,
        };

    private static EquatableArray<string> ExamplesOf(IOpenApiSchema schema)
    {
        var examples = new List<string>();
#pragma warning disable CS0618 // 3.0's singular `example` is still read into Example, not Examples.
        if (schema.Example is { } example)
#pragma warning restore CS0618
        {
            examples.Add(example.ToJsonString());
        }

        if (schema.Examples is { } many)
        {
            examples.AddRange(many.Select(e => e?.ToJsonString() ?? "null"));
        }

        return examples.Distinct().ToEquatableArray();
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
