using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;

namespace ContractKit.Validation;

// The value level: primitive types and formats, constraints, and null as JSON Schema 2020-12 spells them.
public sealed partial class SchemaLowering
{
    private static JsonObject Primitive(PrimitiveRef primitive)
    {
        var schema = new JsonObject();
        var type = primitive.Kind switch
        {
            PrimitiveKind.String => "string",
            PrimitiveKind.Integer => "integer",
            PrimitiveKind.Number => "number",
            PrimitiveKind.Boolean => "boolean",
            _ => null,
        };
        if (type is not null)
        {
            schema["type"] = type;
        }

        if (primitive.Format is { } format)
        {
            schema["format"] = format;
        }

        return schema;
    }

    private static void AddConstraints(JsonObject schema, Constraints c)
    {
        if (c.IsEmpty)
        {
            return;
        }

        void Int(string name, int? value)
        {
            if (value is { } v)
            {
                schema[name] = v;
            }
        }

        void Number(string name, string? value)
        {
            // Microsoft.OpenApi keeps bounds as text; a 3.0 boolean exclusive bound without its number arrives as
            // "True"/"False" and bounds nothing, so only real numbers are lowered.
            if (value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) &&
                ModelJson.Parse(value) is JsonValue number)
            {
                schema[name] = number;
            }
        }

        Int("minLength", c.MinLength);
        Int("maxLength", c.MaxLength);
        if (c.Pattern is not null)
        {
            schema["pattern"] = c.Pattern;
        }

        Number("minimum", c.Minimum);
        Number("maximum", c.Maximum);
        Number("exclusiveMinimum", c.ExclusiveMinimum);
        Number("exclusiveMaximum", c.ExclusiveMaximum);
        if (c.MultipleOf is { } multipleOf)
        {
            schema["multipleOf"] = multipleOf;
        }

        Int("minItems", c.MinItems);
        Int("maxItems", c.MaxItems);
        if (c.UniqueItems)
        {
            schema["uniqueItems"] = true;
        }

        Int("minProperties", c.MinProperties);
        Int("maxProperties", c.MaxProperties);
        if (c.PropertyNames is { } names)
        {
            var nameSchema = new JsonObject { ["type"] = "string" };
            AddConstraints(nameSchema, names);
            schema["propertyNames"] = nameSchema;
        }

        if (c.Enum.Count > 0)
        {
            schema["enum"] = new JsonArray(c.Enum.Select(ModelJson.Parse).ToArray());
        }
    }

    /// <summary>Admits null: a plain type gets <c>"null"</c> added (and an enum gets <c>null</c>); anything else is wrapped in anyOf.</summary>
    private static JsonObject MakeNullable(JsonObject schema)
    {
        if (schema.Count == 0)
        {
            return schema;
        }

        if (schema["type"] is JsonValue type && type.TryGetValue<string>(out var name) && !schema.ContainsKey("$ref") &&
            !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf"))
        {
            schema["type"] = new JsonArray(name, "null");
            if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
            {
                values.Add(null);
            }

            return schema;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
    }
}
