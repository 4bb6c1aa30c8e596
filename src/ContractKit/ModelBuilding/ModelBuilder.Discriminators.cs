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

/// <summary>Discriminators (with and without a mapping) and the derived classes allOf makes possible.</summary>
public sealed partial class ModelBuilder
{
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
                    var name = JsonPointer.TryParse(typeId, out var segments) ? segments[^1] : typeId[(ComponentsSchemas.Length + 1)..];
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
            return use.Constraints.Enum.All(v => v.StartsWith('"')) ? use.Constraints.Enum.Select(v => ModelJson.Parse(v)!.GetValue<string>()).ToList() : null;
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
}
