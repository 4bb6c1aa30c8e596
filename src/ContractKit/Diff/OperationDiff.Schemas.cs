using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;
using ContractKit.Reporting;
using ContractKit.Runtime;

namespace ContractKit.Diff;

/// <summary>
/// Structural schema comparison. Request side: the head must accept everything the base accepted. Response side: the
/// head may only return what the base could return. Named types and aliases are resolved first, so where a schema is
/// defined (inline or in components) and what it is called never matter.
/// </summary>
internal sealed partial class OperationDiff
{
    /// <summary>Where a value sits, for messages: <c>'data[].file_ids' in response 200 (application/json)</c>.</summary>
    private sealed record Place(string Root, string Path)
    {
        public Place Child(string segment) => new(Root, Path.Length == 0 ? segment.TrimStart('.') : Path + segment);

        public override string ToString() => Path.Length == 0 ? Root : $"'{Path}' in {Root}";
    }

    /// <summary>A type use with aliases, named primitives, arrays and maps resolved; <see cref="Definition"/> is an object, enum or union.</summary>
    private sealed record Resolved(TypeRef Ref, TypeDefinition? Definition, bool Nullable, Constraints Constraints, string Pointer);

    private static Resolved Resolve(TypeUse use, Dictionary<string, TypeDefinition> types, string pointer)
    {
        var nullable = false;
        var constraints = Constraints.None;
        for (var depth = 0; depth < 64; depth++)
        {
            nullable |= use.Nullable;
            constraints = ConstraintMath.Merge(constraints, use.Constraints);
            if (use.Type is not NamedRef named || !types.TryGetValue(named.TypeId, out var definition))
            {
                return new Resolved(use.Type, null, nullable, constraints, pointer);
            }

            nullable |= definition.Nullable;
            constraints = ConstraintMath.Merge(constraints, definition.Constraints);
            pointer = definition.Id;
            switch (definition)
            {
                case AliasType alias:
                    use = alias.Target;
                    continue;
                case PrimitiveType primitive:
                    return new Resolved(new PrimitiveRef(primitive.Kind, primitive.Format), null, nullable, constraints, pointer);
                case ArrayType array:
                    return new Resolved(new ArrayRef(array.Items), null, nullable, constraints, pointer);
                case MapType map:
                    return new Resolved(new MapRef(map.Values), null, nullable, constraints, pointer);
                default:
                    return new Resolved(use.Type, definition, nullable, constraints, pointer);
            }
        }

        return new Resolved(PrimitiveRef.Any, null, true, Constraints.None, pointer);
    }

    /// <summary>Compares one place where a value is sent (<paramref name="request"/>) or received.</summary>
    private void CompareUse(TypeUse baseUse, TypeUse headUse, bool request, string headPointer, Place where)
    {
        if (_session.Unchanged.Same(baseUse, headUse))
        {
            return;
        }

        var b = Resolve(baseUse, _session.BaseTypes, headPointer);
        var h = Resolve(headUse, _session.HeadTypes, headPointer);
        var pointer = h.Pointer;

        if (request && b.Nullable && !h.Nullable)
        {
            Report(DiffRules.RequestNullableRemoved, pointer, $"{where} no longer accepts null{RefSiblingNote(headPointer, isBase: false)}");
        }
        else if (!request && !b.Nullable && h.Nullable)
        {
            Report(DiffRules.ResponseBecameNullable, pointer, $"{where} may now be null{RefSiblingNote(headPointer, isBase: true)}");
        }

        CompareConstraints(b, h, request, pointer, where);

        var baseKind = KindOf(b);
        var headKind = KindOf(h);
        if (b.Ref is MapRef bm && h.Ref is MapRef hm)
        {
            CompareUse(bm.Values, hm.Values, request, pointer + "/additionalProperties", where.Child("{}"));
            return;
        }

        // A free-form object and one with listed properties are both objects: compare them property by property.
        if (AsObject(b) is { } bo && AsObject(h) is { } ho)
        {
            if (_visited.Add((bo.Id, ho.Id, request)))
            {
                CompareObjects(bo, ho, request, where);
            }

            return;
        }

        if (b.Definition is UnionType || h.Definition is UnionType)
        {
            // A union may contain itself (oneOf: [$ref: itself, …]): a pair already being compared is taken as equal, as for objects.
            if (_visited.Add((b.Definition?.Id ?? b.Ref.ToString(), h.Definition?.Id ?? h.Ref.ToString(), request)))
            {
                CompareUnions(b, h, request, pointer, where);
            }

            return;
        }

        if (b.Ref is ArrayRef ba && h.Ref is ArrayRef ha)
        {
            CompareUse(ba.Items, ha.Items, request, pointer + "/items", where.Child("[]"));
            return;
        }

        var (wide, narrow) = request ? (h, b) : (b, h);
        if (!Accepts(wide, narrow))
        {
            Report(request ? DiffRules.RequestTypeChanged : DiffRules.ResponseTypeChanged, pointer, $"{where}: type changed from {baseKind} to {headKind}");
        }
    }

    /// <summary>Explains a nullability change that is a 3.0 <c>nullable</c> moving from beside a <c>$ref</c> (ignored) to where it applies, or back.</summary>
    private string RefSiblingNote(string pointer, bool isBase) =>
        _session.Options.IgnoredRefSibling?.Invoke(isBase, pointer, "nullable") != true ? ""
        : isBase
            ? " (the base wrote 'nullable' beside a $ref, where OpenAPI 3.0 ignores it; the head applies it, e.g. with allOf: the letter of the base was never nullable)"
            : " (the head writes 'nullable' beside a $ref, where OpenAPI 3.0 ignores it; wrap the $ref in allOf to keep null allowed)";

    /// <summary>Whether every value of <paramref name="narrow"/>'s type is a value of <paramref name="wide"/>'s (ignoring constraints and enums).</summary>
    private static bool Accepts(Resolved wide, Resolved narrow)
    {
        if (wide.Ref is PrimitiveRef { Kind: PrimitiveKind.Any })
        {
            return true;
        }

        var wideKind = PrimitiveOf(wide);
        var narrowKind = PrimitiveOf(narrow);
        if (wideKind is null || narrowKind is null)
        {
            return KindOf(wide) == KindOf(narrow);
        }

        var kindOk = wideKind.Kind == narrowKind.Kind || (wideKind.Kind == PrimitiveKind.Number && narrowKind.Kind == PrimitiveKind.Integer);
        var formatOk = wideKind.Format is null
            || string.Equals(wideKind.Format, narrowKind.Format, StringComparison.Ordinal)
            || (wideKind.Format, narrowKind.Format) is ("int64", "int32") or ("double", "float");
        return kindOk && formatOk;
    }

    /// <summary>The primitive a resolved use stands for (a string enum is a string), or null for objects, arrays, maps, unions.</summary>
    private static PrimitiveRef? PrimitiveOf(Resolved r) => r.Definition switch
    {
        EnumType e => new PrimitiveRef(e.Kind),
        null when r.Ref is PrimitiveRef p => p,
        _ => null,
    };

    private static ObjectType? AsObject(Resolved r) => r.Definition switch
    {
        ObjectType o => o,
        null when r.Ref is MapRef m => new ObjectType
        {
            Id = r.Pointer,
            NameParts = EquatableArray<string>.Empty,
            Properties = EquatableArray<Property>.Empty,
            AdditionalProperties = m.Values.Type is PrimitiveRef { Kind: PrimitiveKind.Any } && !m.Values.Nullable ? null : m.Values,
        },
        _ => null,
    };

    private static string KindOf(Resolved r) => r.Definition switch
    {
        ObjectType => "object",
        UnionType => "oneOf/anyOf",
        EnumType e => e.Kind == PrimitiveKind.Integer ? "integer" : "string",
        _ => r.Ref switch
        {
            ArrayRef => "array",
            MapRef => "object (map)",
            PrimitiveRef p => p.Kind.ToString().ToLowerInvariant() + (p.Format is null ? "" : $" ({p.Format})"),
            _ => "unknown",
        },
    };

    private void CompareObjects(ObjectType bo, ObjectType ho, bool request, Place where)
    {
        var headProps = ho.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        var baseNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bp in bo.Properties)
        {
            baseNames.Add(bp.JsonName);
            var name = where.Child("." + bp.JsonName);
            if (request ? bp.ReadOnly : bp.WriteOnly)
            {
                ReportFlagRemoved(bp, headProps.GetValueOrDefault(bp.JsonName), request, ho.Id, name);
                continue;
            }

            if (!headProps.TryGetValue(bp.JsonName, out var hp) || (request ? hp.ReadOnly : hp.WriteOnly))
            {
                if (request)
                {
                    Report(DiffRules.RequestPropertyRemoved, ho.Id, $"request property {name} was removed");
                }
                else
                {
                    Report(bp.Required ? DiffRules.ResponsePropertyRemoved : DiffRules.ResponseOptionalPropertyRemoved, ho.Id,
                        $"{(bp.Required ? "required" : "optional")} response property {name} was removed");
                }

                continue;
            }

            var propertyPointer = JsonPointer.Append(ho.Id + "/properties", hp.JsonName);
            if (request && !bp.Required && hp.Required)
            {
                Report(DiffRules.RequestPropertyBecameRequired, propertyPointer, $"request property {name} became required");
            }
            else if (!request && bp.Required && !hp.Required)
            {
                Report(DiffRules.ResponsePropertyBecameOptional, propertyPointer, $"response property {name} became optional");
            }

            CompareUse(bp.Type, hp.Type, request, propertyPointer, name);
        }

        if (request)
        {
            foreach (var hp in ho.Properties)
            {
                if (hp.Required && !hp.ReadOnly && !baseNames.Contains(hp.JsonName))
                {
                    Report(DiffRules.RequestPropertyAddedRequired, JsonPointer.Append(ho.Id + "/properties", hp.JsonName),
                        $"required request property {where.Child("." + hp.JsonName)} was added");
                }
            }

            if (!bo.AdditionalPropertiesForbidden && ho.AdditionalPropertiesForbidden)
            {
                Report(DiffRules.RequestAdditionalPropertiesClosed, ho.Id, $"{where} no longer accepts unlisted properties (additionalProperties: false)");
            }
        }

        if (bo.AdditionalProperties is not null && ho.AdditionalProperties is not null)
        {
            CompareUse(bo.AdditionalProperties, ho.AdditionalProperties, request, ho.Id + "/additionalProperties", where.Child("{}"));
        }
    }

    /// <summary>Runs a comparison into a scratch list; true when it found nothing at all.</summary>
    private bool Quiet(Action compare)
    {
        var saved = _session.Findings;
        var visited = new HashSet<(string, string, bool)>(_visited);
        _session.Findings = [];
        try
        {
            compare();
            return _session.Findings.Count == 0;
        }
        finally
        {
            _session.Findings = saved;
            _visited.Clear();
            _visited.UnionWith(visited);
        }
    }

    /// <summary>
    /// A required property that loses <c>readOnly</c> must now be sent (request); one that loses <c>writeOnly</c> now
    /// appears in responses. An optional one changes nothing a client must do.
    /// </summary>
    private void ReportFlagRemoved(Property bp, Property? hp, bool request, string objectId, Place name)
    {
        if (hp is null || !hp.Required || (request ? hp.ReadOnly : hp.WriteOnly))
        {
            return;
        }

        var pointer = JsonPointer.Append(objectId + "/properties", hp.JsonName);
        if (request)
        {
            Report(DiffRules.RequestPropertyReadOnlyRemoved, pointer, $"required property {name} is no longer readOnly: clients must now send it");
        }
        else
        {
            Report(DiffRules.ResponsePropertyWriteOnlyRemoved, pointer, $"required property {name} is no longer writeOnly: it now appears in responses");
        }
    }

    private void CompareConstraints(Resolved b, Resolved h, bool request, string pointer, Place where)
    {
        // Enums: EnumType values and enum constraints alike, as JSON texts.
        var baseEnum = EnumValues(b);
        var headEnum = EnumValues(h);
        if (request && headEnum is not null)
        {
            var removed = baseEnum is null ? null : baseEnum.Where(v => !headEnum.Contains(v)).ToList();
            if (baseEnum is null)
            {
                Report(DiffRules.RequestEnumValueRemoved, pointer, $"{where} is now restricted to the values {string.Join(", ", headEnum.Order(StringComparer.Ordinal))}");
            }
            else if (removed!.Count > 0)
            {
                Report(DiffRules.RequestEnumValueRemoved, pointer, $"{where}: enum value(s) {string.Join(", ", removed)} removed");
            }
        }
        else if (!request && baseEnum is not null)
        {
            var added = headEnum is null ? null : headEnum.Where(v => !baseEnum.Contains(v)).ToList();
            if (headEnum is null)
            {
                Report(DiffRules.ResponseConstraintLoosened, pointer, $"{where} is no longer restricted to an enum");
            }
            else if (added!.Count > 0)
            {
                Report(DiffRules.ResponseEnumValueAdded, pointer, $"{where}: enum value(s) {string.Join(", ", added)} added");
            }
        }

        // Tightened in a request, loosened in a response: the same test with the sides swapped.
        foreach (var change in ConstraintMath.Changes(b.Constraints, h.Constraints, tightening: request))
        {
            Report(request ? DiffRules.RequestConstraintTightened : DiffRules.ResponseConstraintLoosened, pointer, $"{where}: {change}");
        }

        if (request && b.Constraints.Default is { } before && !string.Equals(before, h.Constraints.Default, StringComparison.Ordinal))
        {
            Report(DiffRules.RequestDefaultChanged, pointer, $"{where}: default changed from {before} to {h.Constraints.Default ?? "none"}");
        }
    }

    private static HashSet<string>? EnumValues(Resolved r)
    {
        if (r.Definition is EnumType { Kind: PrimitiveKind.Integer } integers)
        {
            return integers.Values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        }

        if (r.Definition is EnumType e)
        {
            return e.Values.Select(v => "\"" + System.Text.Json.JsonEncodedText.Encode(v.Value).ToString() + "\"").ToHashSet(StringComparer.Ordinal);
        }

        return r.Constraints.Enum.Count > 0 ? r.Constraints.Enum.ToHashSet(StringComparer.Ordinal) : null;
    }
}
