using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.Diff;

/// <summary><c>oneOf</c>/<c>anyOf</c>: variants matched by structure, and the discriminator that selects them.</summary>
internal sealed partial class OperationDiff
{
    /// <summary>
    /// Variants match by structure, in any order: on the request side every base variant must still be accepted by
    /// some head variant; on the response side every head variant must be one the base could return. A variant
    /// matches another only when comparing them finds nothing at all: with open objects, a <c>Dog</c> payload is
    /// "accepted" by a <c>Cat</c> schema that lacks its properties, yet a client sending dogs is no longer served.
    /// </summary>
    private void CompareUnions(Resolved b, Resolved h, bool request, string pointer, Place where)
    {
        var baseVariants = Variants(b);
        var headVariants = Variants(h);
        var (from, into) = request ? (baseVariants, headVariants) : (headVariants, baseVariants);
        for (var i = 0; i < from.Count; i++)
        {
            var variant = from[i];
            var matched = into.Any(other => request ? Quiet(() => CompareUse(variant, other, true, pointer, where)) : Quiet(() => CompareUse(other, variant, false, pointer, where)));
            if (!matched)
            {
                Report(request ? DiffRules.RequestTypeChanged : DiffRules.ResponseTypeChanged, pointer,
                    request
                        ? $"{where}: variant {i + 1}{VariantName(variant, _session.BaseTypes)} of the base is no longer accepted"
                        : $"{where}: variant {i + 1}{VariantName(variant, _session.HeadTypes)} may now be returned, which the base did not allow");
            }
        }

        if (b.Definition is UnionType { Discriminator: { } bd } && h.Definition is UnionType { Discriminator: { } hd })
        {
            CompareDiscriminators(bd, hd, request, pointer, where);
        }
    }

    /// <summary>
    /// The tag names the variant: a renamed tag property, or a tag value that no longer selects an equivalent schema,
    /// misroutes every payload that uses it. Request: the base's values must survive; response: the head may add none.
    /// </summary>
    private void CompareDiscriminators(Discriminator bd, Discriminator hd, bool request, string pointer, Place where)
    {
        var rule = request ? DiffRules.RequestDiscriminatorChanged : DiffRules.ResponseDiscriminatorChanged;
        if (!string.Equals(bd.PropertyName, hd.PropertyName, System.StringComparison.Ordinal))
        {
            Report(rule, pointer, $"{where}: discriminator property '{bd.PropertyName}' → '{hd.PropertyName}'");
            return;
        }

        var baseMap = bd.Mapping.ToDictionary(m => m.Value, m => m.TypeId, System.StringComparer.Ordinal);
        var headMap = hd.Mapping.ToDictionary(m => m.Value, m => m.TypeId, System.StringComparer.Ordinal);
        var (from, into) = request ? (baseMap, headMap) : (headMap, baseMap);
        var lost = from.Keys.Where(v => !into.ContainsKey(v)).Order(System.StringComparer.Ordinal).ToList();
        if (lost.Count > 0)
        {
            Report(rule, pointer, request
                ? $"{where}: discriminator value(s) {string.Join(", ", lost)} no longer mapped"
                : $"{where}: discriminator value(s) {string.Join(", ", lost)} may now be returned");
        }

        foreach (var (value, baseId) in baseMap.OrderBy(m => m.Key, System.StringComparer.Ordinal))
        {
            if (headMap.TryGetValue(value, out var headId)
                && !Quiet(() => CompareUse(new TypeUse(new NamedRef(baseId)), new TypeUse(new NamedRef(headId)), request, pointer, where)))
            {
                Report(rule, pointer, $"{where}: discriminator value '{value}' now selects {Last(headId)} instead of {Last(baseId)}");
            }
        }
    }

    private static string VariantName(TypeUse variant, Dictionary<string, TypeDefinition> types) =>
        variant.Type is NamedRef named && types.ContainsKey(named.TypeId) && named.TypeId.StartsWith("#/components/schemas/", System.StringComparison.Ordinal)
            ? $" ({Last(named.TypeId)})"
            : "";

    private static string Last(string pointer) => pointer[(pointer.LastIndexOf('/') + 1)..];

    private static IReadOnlyList<TypeUse> Variants(Resolved r) => r.Definition is UnionType union
        ? union.Variants
        : [new TypeUse(r.Definition is null ? r.Ref : new NamedRef(r.Definition.Id)) { Constraints = r.Constraints }];
}
