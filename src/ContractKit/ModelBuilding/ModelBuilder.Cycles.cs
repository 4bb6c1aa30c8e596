using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;

namespace ContractKit.ModelBuilding;

/// <summary>
/// Recursion the model cannot represent: a component that reaches itself only through arrays, maps and aliases
/// (<c>A: {type: array, items: {$ref: A}}</c>, <c>A: {allOf: [{$ref: A}]}</c>) has no object or union to hold the
/// recursion, so every consumer following it (the type mapper, schema lowering, diff, lint) would never stop. Objects
/// and unions are nominal: recursion through them is a reference to a named type and stays.
/// </summary>
public sealed partial class ModelBuilder
{
    /// <summary>Components being defined right now: a reference back to one is the recursion, not a definition to start again.</summary>
    private readonly HashSet<string> _defining = new(StringComparer.Ordinal);

    /// <summary>Cuts each cycle of structural definitions at the reference that closes it, typing that reference as any JSON value (with a warning).</summary>
    private void BreakStructuralCycles()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        foreach (var id in _definitions.Keys.Order(StringComparer.Ordinal).ToList())
        {
            Visit(id, state);
        }
    }

    private void Visit(string id, Dictionary<string, bool> state)
    {
        if (state.ContainsKey(id) || !_definitions.TryGetValue(id, out var definition) || Inner(definition) is not { } inner)
        {
            return;
        }

        state[id] = false;
        foreach (var next in StructuralTargets(inner).Distinct(StringComparer.Ordinal).ToList())
        {
            if (state.TryGetValue(next, out var done) && !done)
            {
                _definitions[id] = WithInner(_definitions[id], Cut(Inner(_definitions[id])!, next));
                Report(
                    DiagnosticIds.UnsupportedSchema,
                    DiagnosticSeverity.Warning,
                    $"'{next}' contains itself only through arrays, maps or aliases, with no object or union in between; the recursive reference is treated as any JSON value",
                    id);
                continue;
            }

            Visit(next, state);
        }

        state[id] = true;
    }

    private static TypeUse? Inner(TypeDefinition definition) => definition switch
    {
        ArrayType array => array.Items,
        MapType map => map.Values,
        AliasType alias => alias.Target,
        _ => null,
    };

    private static TypeDefinition WithInner(TypeDefinition definition, TypeUse inner) => definition switch
    {
        ArrayType array => array with { Items = inner },
        MapType map => map with { Values = inner },
        AliasType alias => alias with { Target = inner },
        _ => definition,
    };

    /// <summary>The named types a use leads to without passing an object or union.</summary>
    private static IEnumerable<string> StructuralTargets(TypeUse use) => use.Type switch
    {
        NamedRef named => [named.TypeId],
        ArrayRef array => StructuralTargets(array.Items),
        MapRef map => StructuralTargets(map.Values),
        _ => [],
    };

    /// <summary><paramref name="use"/> with its references to <paramref name="target"/> (outside objects and unions) made any JSON value.</summary>
    private static TypeUse Cut(TypeUse use, string target) => use.Type switch
    {
        NamedRef named when named.TypeId == target => use with { Type = PrimitiveRef.Any, Nullable = true },
        ArrayRef array => use with { Type = new ArrayRef(Cut(array.Items, target)) },
        MapRef map => use with { Type = new MapRef(Cut(map.Values, target)) },
        _ => use,
    };

    /// <summary>
    /// A reference that only leads back to itself (<c>A: {$ref: B}</c>, <c>B: {$ref: A}</c>) has no schema at its
    /// end: Microsoft.OpenApi throws when it is followed. Said as a located error (CK2003) instead.
    /// </summary>
    private Microsoft.OpenApi.IOpenApiSchema? ResolveGuarded(Func<Microsoft.OpenApi.IOpenApiSchema?> resolve, string reference)
    {
        try
        {
            return resolve();
        }
        catch (InvalidOperationException ex) when (IsReferenceCycle(ex))
        {
            var pointer = reference.StartsWith('#') ? reference : ComponentsSchemas;
            Report(DiagnosticIds.UnresolvedSchemaReference, DiagnosticSeverity.Error, $"the reference '{reference}' leads back to itself through references only; it names no schema", pointer);
            return null;
        }
    }

    private static bool IsReferenceCycle(InvalidOperationException ex) =>
        ex.Message.StartsWith("Circular reference detected", StringComparison.Ordinal);

    /// <summary>
    /// The model of a document whose reference cycle surfaced somewhere else than <see cref="TargetOf"/> (Microsoft.OpenApi
    /// follows references inside many properties): no types or operations, one located error naming the reference.
    /// </summary>
    private static ModelBuildResult ReferenceCycle(SpecReadResult input, InvalidOperationException ex)
    {
        var reference = ex.Message[(ex.Message.LastIndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
        var location = (reference.StartsWith('#') ? input.Source.Locate(reference) : null) ?? new SourceLocation(input.FilePath, 1, 1, "#");
        var model = new ContractModel
        {
            Title = string.Empty,
            ApiVersion = string.Empty,
            SpecVersion = input.SpecVersion ?? string.Empty,
            Servers = EquatableArray<Server>.Empty,
            Types = EquatableArray<TypeDefinition>.Empty,
            Operations = EquatableArray<Operation>.Empty,
            SecuritySchemes = EquatableArray<SecurityScheme>.Empty,
        };
        var error = new Diagnostic(DiagnosticIds.UnresolvedSchemaReference, DiagnosticSeverity.Error, $"the reference '{reference}' leads back to itself through references only; it names no schema", location);
        return new ModelBuildResult(model, [error]);
    }
}
