using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.Validation;

/// <summary>
/// Lowers the contract model's schemas to JSON Schema 2020-12 plus the OpenAPI vocabulary (<c>discriminator</c>,
/// <c>readOnly</c>, <c>writeOnly</c>, <c>format</c>): the one input every validator use (generated client, CLI, mock
/// server, lint) compiles. Every named type sits under <c>$defs</c>, keyed by its model id, so one document per contract
/// serves all operations; a use is lowered to a small schema that refers into it.
/// </summary>
public sealed partial class SchemaLowering
{
    /// <summary>The dialect of every lowered schema.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private readonly ContractModel _model;
    private readonly Dictionary<string, TypeDefinition> _types;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>Each type's <see cref="DefinitionPointer"/>, worked out once: every reference to the type repeats it.</summary>
    private readonly Dictionary<string, string> _pointers = new(StringComparer.Ordinal);

    public SchemaLowering(ContractModel model)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _types = model.Types.ToDictionary(t => t.Id, StringComparer.Ordinal);

        // Readable keys, so that schema locations in errors read "#/$defs/ThreadObject/properties/metadata":
        // a component's name, an inline type's name parts joined with '.'. Components claim first; a clash gets a suffix.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in model.Types.OrderBy(t => t.NameParts.Count).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var key = string.Join(".", type.NameParts);
            var unique = key;
            for (var i = 2; !taken.Add(unique); i++)
            {
                unique = key + "~" + i.ToString(CultureInfo.InvariantCulture);
            }

            _keys[type.Id] = unique;
            _pointers[type.Id] = "#/$defs/" + PercentEncode(JsonPointer.Escape(unique));
        }
    }

    /// <summary>The <c>$defs</c> key of a named type: <c>ThreadObject</c>, <c>ModifyThreadRequest.tool_resources</c>.</summary>
    public string DefinitionKey(string typeId) => _keys[typeId];

    /// <summary>A URI fragment that points at a named type in the lowered document (JSON-pointer and percent escaped).</summary>
    public string DefinitionPointer(string typeId) => _pointers[typeId];

    /// <summary>The whole contract as one document: <c>{"$schema": …, "$defs": {every named type}}</c>, keys in ordinal order.</summary>
    public JsonObject LowerDocument()
    {
        var defs = new JsonObject();
        foreach (var type in _model.Types.OrderBy(t => DefinitionKey(t.Id), StringComparer.Ordinal))
        {
            defs[DefinitionKey(type.Id)] = LowerDefinition(type);
        }

        return new JsonObject
        {
            ["$schema"] = Dialect,
            ["$defs"] = defs,
        };
    }

    /// <summary>
    /// A schema for one use (a body, a parameter): references into the document are made absolute against
    /// <paramref name="documentUri"/>, where the caller registers <see cref="LowerDocument"/>.
    /// </summary>
    public JsonObject LowerUse(TypeUse use, Uri documentUri)
    {
        var schema = Lower(use);
        Rebase(schema, documentUri.AbsoluteUri);
        schema["$schema"] = Dialect;
        return schema;
    }

    /// <summary>A self-contained schema for one use: the use plus every named type under <c>$defs</c>.</summary>
    public JsonObject LowerStandalone(TypeUse use)
    {
        var schema = Lower(use);
        var document = LowerDocument();
        schema["$schema"] = Dialect;
        schema["$defs"] = document["$defs"]!.DeepClone();
        return schema;
    }

    private JsonObject LowerDefinition(TypeDefinition type)
    {
        var schema = type switch
        {
            ObjectType obj => LowerObject(obj),
            EnumType { Kind: PrimitiveKind.Integer } enumType => new JsonObject
            {
                ["type"] = "integer",
                ["enum"] = new JsonArray(enumType.Values.Select(v => ModelJson.Parse(v.Value)).ToArray()),
            },
            EnumType enumType => new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray(enumType.Values.Select(v => (JsonNode?)JsonValue.Create(v.Value)).ToArray()),
            },
            MapType map => Lower(new TypeUse(new MapRef(map.Values))),
            ArrayType array => Lower(new TypeUse(new ArrayRef(array.Items))),
            PrimitiveType primitive => Lower(new TypeUse(new PrimitiveRef(primitive.Kind, primitive.Format))),
            AliasType alias => Lower(alias.Target),
            UnionType union => LowerUnion(union),
            _ => new JsonObject(),
        };
        AddConstraints(schema, type.Constraints);
        return type.Nullable ? MakeNullable(schema) : schema;
    }

    private JsonObject LowerObject(ObjectType type)
    {
        var properties = new JsonObject();
        foreach (var property in type.Properties)
        {
            var schema = Lower(property.Type);
            if (property.ReadOnly)
            {
                schema["readOnly"] = true;
            }

            if (property.WriteOnly)
            {
                schema["writeOnly"] = true;
            }

            properties[property.JsonName] = schema;
        }

        var result = new JsonObject { ["type"] = "object" };
        if (properties.Count > 0)
        {
            result["properties"] = properties;
        }

        // A name required without being declared is required all the same (JSON Schema does not tie the two).
        var required = type.Properties.Where(p => p.Required).Select(p => p.JsonName).Concat(type.UndeclaredRequired)
            .Select(name => (JsonNode?)JsonValue.Create(name)).ToArray();
        if (required.Length > 0)
        {
            result["required"] = new JsonArray(required);
        }

        if (type.RequiredChoice is { } choice)
        {
            result[choice.Kind == UnionKind.OneOf ? "oneOf" : "anyOf"] = new JsonArray(choice.Alternatives
                .Select(names => (JsonNode?)new JsonObject { ["required"] = new JsonArray(names.Select(n => (JsonNode?)n).ToArray()) })
                .ToArray());
        }

        if (type.AdditionalPropertiesForbidden)
        {
            result["additionalProperties"] = false;
        }
        else if (type.AdditionalProperties is { } additional)
        {
            result["additionalProperties"] = Lower(additional);
        }

        return result;
    }

    private JsonObject LowerUnion(UnionType union)
    {
        var result = new JsonObject
        {
            [union.Kind == UnionKind.OneOf ? "oneOf" : "anyOf"] = new JsonArray(union.Variants.Select(v => (JsonNode?)Lower(v)).ToArray()),
        };
        // A discriminator selects the one branch to check, so it is kept only when every variant has a tag; where
        // the model could not give one (a tag value shared by variants, an inline variant), the plain oneOf/anyOf decides.
        if (union.Discriminator is { } discriminator &&
            union.Variants.All(v => v.Type is NamedRef named && discriminator.Mapping.Any(m => m.TypeId == named.TypeId)))
        {
            // The model's mapping (explicit entries, the values variants fix their tag to, implicit names), plus every
            // component variant under its own name, as OpenAPI's implicit mapping says: validators need no convention.
            var mapping = new JsonObject();
            // An entry naming no type of the model (a mapping to a missing schema, which the reader reports) maps nothing.
            foreach (var entry in discriminator.Mapping.Where(m => _pointers.ContainsKey(m.TypeId)))
            {
                mapping[entry.Value] = DefinitionPointer(entry.TypeId);
            }

            foreach (var variant in union.Variants)
            {
                if (variant.Type is NamedRef named && _pointers.ContainsKey(named.TypeId) && named.TypeId.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    var name = named.TypeId["#/components/schemas/".Length..];
                    if (!name.Contains('/', StringComparison.Ordinal) && !mapping.ContainsKey(name))
                    {
                        mapping[name] = DefinitionPointer(named.TypeId);
                    }
                }
            }

            result["discriminator"] = new JsonObject { ["propertyName"] = discriminator.PropertyName, ["mapping"] = mapping };
        }

        return result;
    }

    /// <summary>One use: the type, its constraints, then null if allowed.</summary>
    private JsonObject Lower(TypeUse use)
    {
        var schema = use.Type switch
        {
            PrimitiveRef primitive => Primitive(primitive),
            NamedRef named when _types.ContainsKey(named.TypeId) => new JsonObject { ["$ref"] = DefinitionPointer(named.TypeId) },
            ArrayRef array => new JsonObject { ["type"] = "array", ["items"] = Lower(array.Items) },
            MapRef map => MapSchema(map),
            _ => new JsonObject(),
        };
        AddConstraints(schema, use.Constraints);
        return use.Nullable ? MakeNullable(schema) : schema;
    }

    private JsonObject MapSchema(MapRef map)
    {
        var values = Lower(map.Values);
        var schema = new JsonObject { ["type"] = "object" };

        // {} admits anything: leave it out rather than spell "additionalProperties: {}".
        if (values.Count > 0)
        {
            schema["additionalProperties"] = values;
        }

        return schema;
    }

    private static void Rebase(JsonNode? node, string documentUri)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var text) && text.StartsWith('#'))
                    {
                        obj[key] = documentUri + text;
                    }
                    else if (key == "mapping" && value is JsonObject mapping)
                    {
                        foreach (var (tag, target) in mapping.ToList())
                        {
                            if (target is JsonValue t && t.TryGetValue<string>(out var pointer) && pointer.StartsWith('#'))
                            {
                                mapping[tag] = documentUri + pointer;
                            }
                        }
                    }
                    else
                    {
                        Rebase(value, documentUri);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rebase(item, documentUri);
                }

                break;
        }
    }

    private static string PercentEncode(string text)
    {
        if (TextScan.AllUnreservedOrSlash(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (TextScan.IsUnreservedOrSlash(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
