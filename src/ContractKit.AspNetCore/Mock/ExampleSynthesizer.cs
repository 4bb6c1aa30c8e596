using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Runtime.Validation;

namespace ContractKit.AspNetCore.Mock;

/// <summary>
/// Makes a JSON value from a schema of the model: the schema's own example when it has one, else a value built from
/// its type, format, enum and limits. Deterministic unless given a <see cref="Random"/>. Properties a direction
/// forbids (writeOnly in responses, readOnly in requests) are left out; recursion is cut at optional properties.
/// </summary>
public sealed class ExampleSynthesizer
{
    private const int MaxDepth = 12;
    private readonly Func<string, TypeDefinition?> _findType;
    private readonly Random? _random;
    private readonly ValidationDirection _direction;
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);

    /// <summary>A synthesizer over a model's named types; <paramref name="random"/> null for deterministic values.</summary>
    public ExampleSynthesizer(Func<string, TypeDefinition?> findType, ValidationDirection direction, Random? random = null)
    {
        _findType = findType ?? throw new ArgumentNullException(nameof(findType));
        _direction = direction;
        _random = random;
    }

    /// <summary>A value for <paramref name="use"/>.</summary>
    public JsonNode? Synthesize(TypeUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return Value(use, 0);
    }

    private JsonNode? Value(TypeUse use, int depth)
    {
        if (use.Constraints.Enum.Count > 0)
        {
            return ModelJson.Parse(Pick(use.Constraints.Enum));
        }

        return use.Type switch
        {
            PrimitiveRef p => Primitive(p.Kind, p.Format, use.Constraints),
            ArrayRef a => Array(a.Items, use.Constraints, depth),
            MapRef m => Map(m.Values, use.Constraints, depth),
            NamedRef n => Named(n.TypeId, use.Constraints, depth),
            _ => null,
        };
    }

    private JsonNode? Named(string typeId, Constraints outer, int depth)
    {
        var type = _findType(typeId);
        if (type is null || depth > MaxDepth)
        {
            return null;
        }

        if (type.Examples.Count > 0 && type is not ObjectType and not UnionType)
        {
            return ModelJson.Parse(type.Examples[0]);
        }

        _open.Add(typeId);
        try
        {
            return type switch
            {
                ObjectType o => Object(o, depth),
                EnumType e => e.Kind == PrimitiveKind.Integer ? ModelJson.Parse(Pick(e.Values).Value) : JsonValue.Create(Pick(e.Values).Value),
                MapType m => Map(m.Values, Merge(type.Constraints, outer), depth),
                ArrayType a => Array(a.Items, Merge(type.Constraints, outer), depth),
                PrimitiveType p => type.Constraints.Enum.Count > 0 ? ModelJson.Parse(Pick(type.Constraints.Enum)) : Primitive(p.Kind, p.Format, Merge(type.Constraints, outer)),
                UnionType u => Union(u, depth),
                AliasType a => Value(a.Target, depth + 1),
                _ => null,
            };
        }
        finally
        {
            _open.Remove(typeId);
        }
    }

    private JsonObject Object(ObjectType type, int depth)
    {
        var result = new JsonObject();
        var excluded = ExcludedByChoice(type);
        foreach (var property in type.Properties)
        {
            var forbidden = _direction == ValidationDirection.Response ? property.WriteOnly : _direction == ValidationDirection.Request && property.ReadOnly;
            var recursive = property.Type.Type is NamedRef n && _open.Contains(n.TypeId) || property.Type.Type is ArrayRef { Items.Type: NamedRef i } && _open.Contains(i.TypeId);
            if (forbidden || excluded.Contains(property.JsonName) || (!property.Required && (recursive || depth > 4)))
            {
                continue;
            }

            var value = property.Type.Nullable && property.Type.Type is NamedRef && depth > 6 ? null : Value(property.Type, depth + 1);
            if (value is null && !property.Required && !property.Type.Nullable)
            {
                continue;
            }

            result[property.JsonName] = value;
        }

        return result;
    }

    /// <summary>With a "exactly one of these" rule, the names of every alternative but the first.</summary>
    private static HashSet<string> ExcludedByChoice(ObjectType type)
    {
        if (type.RequiredChoice is not { Kind: UnionKind.OneOf, Alternatives.Count: > 1 } choice)
        {
            return [];
        }

        var first = choice.Alternatives[0].ToHashSet(StringComparer.Ordinal);
        return choice.Alternatives.Skip(1).SelectMany(a => a).Where(n => !first.Contains(n)).ToHashSet(StringComparer.Ordinal);
    }

    private JsonNode? Union(UnionType union, int depth)
    {
        var variant = union.Variants.FirstOrDefault(v => v.Type is not NamedRef n || !_open.Contains(n.TypeId)) ?? union.Variants[0];
        if (_random is not null)
        {
            variant = union.Variants[_random.Next(union.Variants.Count)];
        }

        var value = Value(variant, depth + 1);
        if (union.Discriminator is { } discriminator && value is JsonObject obj && variant.Type is NamedRef named &&
            discriminator.Mapping.FirstOrDefault(m => m.TypeId == named.TypeId) is { } mapping)
        {
            obj[discriminator.PropertyName] = mapping.Value;
        }

        return value;
    }

    private JsonArray Array(TypeUse items, Constraints constraints, int depth)
    {
        var count = Math.Max(constraints.MinItems ?? 0, 1);
        if (constraints.MaxItems is { } max)
        {
            count = Math.Min(count, max);
        }

        var result = new JsonArray();
        for (var i = 0; i < count && depth <= MaxDepth; i++)
        {
            var item = Value(items, depth + 1);
            if (constraints.UniqueItems && i > 0 && item is JsonValue v && v.TryGetValue<string>(out var text))
            {
                item = JsonValue.Create(text + i.ToString(CultureInfo.InvariantCulture));
            }

            result.Add(item);
        }

        return result;
    }

    private JsonObject Map(TypeUse values, Constraints constraints, int depth)
    {
        var result = new JsonObject();
        if (constraints.MaxProperties is 0 || depth > MaxDepth)
        {
            return result;
        }

        for (var i = 0; i < Math.Max(constraints.MinProperties ?? 1, 1); i++)
        {
            result[i == 0 ? "key" : "key" + i.ToString(CultureInfo.InvariantCulture)] = Value(values, depth + 1);
        }

        return result;
    }

    private JsonNode? Primitive(PrimitiveKind kind, string? format, Constraints constraints)
    {
        if (constraints.Enum.Count > 0)
        {
            return ModelJson.Parse(Pick(constraints.Enum));
        }

        if (constraints.Default is { } defaultValue && _random is null)
        {
            return ModelJson.Parse(defaultValue);
        }

        return kind switch
        {
            PrimitiveKind.String => JsonValue.Create(ScalarSynthesis.Text(format, constraints, _random)),
            PrimitiveKind.Integer => JsonValue.Create((long)ScalarSynthesis.Number(constraints, integer: true, _random)),
            PrimitiveKind.Number => JsonValue.Create(ScalarSynthesis.Number(constraints, integer: false, _random)),
            PrimitiveKind.Boolean => JsonValue.Create(_random is null || _random.Next(2) == 0),
            _ => JsonValue.Create("string"),
        };
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random?.Next(values.Count) ?? 0];

    private static Constraints Merge(Constraints inner, Constraints outer) => outer.IsEmpty ? inner : inner.IsEmpty ? outer : outer with
    {
        MinLength = outer.MinLength ?? inner.MinLength,
        MaxLength = outer.MaxLength ?? inner.MaxLength,
        Minimum = outer.Minimum ?? inner.Minimum,
        Maximum = outer.Maximum ?? inner.Maximum,
        MinItems = outer.MinItems ?? inner.MinItems,
        MaxItems = outer.MaxItems ?? inner.MaxItems,
    };
}
