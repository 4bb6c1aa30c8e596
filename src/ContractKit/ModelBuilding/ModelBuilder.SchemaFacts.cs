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

/// <summary>What a schema says beside its type: nullable, recursion, unsupported keywords, const, constraints and examples.</summary>
public sealed partial class ModelBuilder
{
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
            !JsonPointer.TryParse(pointer, out var segments) || segments is not ["components", "schemas", var name, ..] ||
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
            Default = KeptJson(schema.Default),
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
                // An extension is free-form: a value of the wrong kind is ignored, not thrown on.
                MinLength = node["minLength"] is JsonValue min && min.TryGetValue<int>(out var minLength) ? minLength : null,
                MaxLength = node["maxLength"] is JsonValue max && max.TryGetValue<int>(out var maxLength) ? maxLength : null,
                Pattern = node["pattern"] is JsonValue pattern && pattern.TryGetValue<string>(out var text) ? text : null,
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
        var examples = new List<string?>();
#pragma warning disable CS0618 // 3.0's singular `example` is still read into Example, not Examples.
        if (schema.Example is { } example)
#pragma warning restore CS0618
        {
            examples.Add(KeptJson(example));
        }

        if (schema.Examples is { } many)
        {
            examples.AddRange(many.Select(e => e is null ? "null" : KeptJson(e)));
        }

        return examples.OfType<string>().Distinct().ToEquatableArray();
    }

    /// <summary>
    /// Example, default and enum values nested deeper than this are not kept: every consumer of the model (schema
    /// lowering, the validator, the generated code) reads and writes JSON with System.Text.Json's default depth of 64,
    /// and a value that deep has no use as documentation. Real specs stay far below.
    /// </summary>
    internal const int MaxValueDepth = 48;

    /// <summary>The value as compact JSON, or null when it is absent or nested deeper than <see cref="MaxValueDepth"/>.</summary>
    private static string? KeptJson(JsonNode? value) => value switch
    {
        null => null,
        JsonValue => value.ToJsonString(),
        _ => DeeperThan(value, MaxValueDepth) ? null : value.ToJsonString(),
    };

    /// <summary>Whether a value nests deeper than <paramref name="limit"/> levels (no recursion: the value may be very deep).</summary>
    private static bool DeeperThan(JsonNode value, int limit)
    {
        var stack = new Stack<(JsonNode Node, int Depth)>();
        stack.Push((value, 1));
        while (stack.TryPop(out var item))
        {
            if (item.Depth > limit)
            {
                return true;
            }

            IEnumerable<JsonNode?> children = item.Node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                stack.Push((child, item.Depth + 1));
            }
        }

        return false;
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
