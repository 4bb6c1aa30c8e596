using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.CodeGen;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.Diff;

/// <summary>
/// The generated-API pass: what a change does to the C# that <c>generate</c> writes, with the generator's own naming
/// (<see cref="CSharpNaming"/>) run on both models. Walks each matched operation's method, parameters and every type
/// reachable from its bodies, pairing base and head types by where they are used (not by id), so a renamed component
/// or a moved inline schema is seen as the same type under a new name, and a <c>$ref</c> to an identical component under
/// the same name stays silent.
/// </summary>
internal sealed class ApiImpact
{
    private readonly DiffSession _session;
    private readonly CSharpNaming _baseNames;
    private readonly CSharpNaming _headNames;
    private readonly HashSet<(string Base, string Head)> _visited = [];

    private ApiImpact(DiffSession session, CSharpNaming baseNames, CSharpNaming headNames)
    {
        _session = session;
        _baseNames = baseNames;
        _headNames = headNames;
    }

    /// <summary>Names both models as <c>generate</c> would with <paramref name="options"/>.</summary>
    public static ApiImpact Create(DiffSession session, ContractModel baseModel, ContractModel headModel, CSharpOptions options)
    {
        var names = new CSharpNaming[2];
        ParallelWork.For(2, i => names[i] = new CSharpNaming(i == 0 ? baseModel : headModel, options));
        return new ApiImpact(session, names[0], names[1]);
    }

    public void CompareOperation(Operation b, Operation h)
    {
        var label = h.Method + " " + h.Path;
        var pointer = JsonPointer.Append("#/paths", h.Path, h.Method.ToLowerInvariant());
        var (baseMethod, headMethod) = (_baseNames.Method(b.OperationId), _headNames.Method(h.OperationId));
        if (!string.Equals(b.OperationId, h.OperationId, StringComparison.Ordinal))
        {
            var method = baseMethod == headMethod ? $"the generated method stays {headMethod}" : $"the generated method {baseMethod} becomes {headMethod}";
            _session.Report(DiffRules.OperationIdChanged, label, pointer + "/operationId", $"operationId '{b.OperationId}' → '{h.OperationId}': {method}");
        }
        else if (baseMethod != headMethod)
        {
            _session.Report(DiffRules.ApiMethodRenamed, label, pointer, $"the generated method {baseMethod} becomes {headMethod}");
        }

        var (baseClient, headClient) = (_baseNames.ClientOf(b)?.ClassName, _headNames.ClientOf(h)?.ClassName);
        if (!string.Equals(baseClient, headClient, StringComparison.Ordinal))
        {
            _session.Report(DiffRules.ApiClientRenamed, label, pointer + "/tags",
                $"{headMethod} moves from {baseClient ?? "the root client"} to {headClient ?? "the root client"}");
        }

        CompareParameters(b, h, label);
        if (b.RequestBody is { } bb && h.RequestBody is { } hb)
        {
            ComparePairs(bb.Content, hb.Content, label);
        }

        foreach (var br in b.Responses)
        {
            if (h.Responses.FirstOrDefault(r => string.Equals(r.StatusCode, br.StatusCode, StringComparison.OrdinalIgnoreCase)) is { } hr)
            {
                ComparePairs(br.Content, hr.Content, label);
            }
        }
    }

    private void CompareParameters(Operation b, Operation h, string label)
    {
        foreach (var bp in b.Parameters)
        {
            var hp = h.Parameters.FirstOrDefault(p => p.In == bp.In && string.Equals(p.Name, bp.Name, p.In == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
            if (hp is null)
            {
                continue;
            }

            var (before, after) = (_baseNames.Parameter(b, bp), _headNames.Parameter(h, hp));
            if (before != after)
            {
                _session.Report(DiffRules.ApiParameterRenamed, label, hp.Pointer ?? "#/paths", $"parameter {before} of {_headNames.Method(h.OperationId)} becomes {after}");
            }

            Walk(bp.Type, hp.Type, label);
        }
    }

    private void ComparePairs(IReadOnlyList<MediaContent> baseContent, IReadOnlyList<MediaContent> headContent, string label)
    {
        foreach (var bm in baseContent)
        {
            var hm = headContent.FirstOrDefault(m => string.Equals(m.MediaType, bm.MediaType, StringComparison.OrdinalIgnoreCase));
            if (bm.Schema is not null && hm?.Schema is not null)
            {
                Walk(bm.Schema, hm.Schema, label);
            }
        }
    }

    /// <summary>Pairs the types two uses reach; a pair is visited once per diff (types are shared across operations).</summary>
    private void Walk(TypeUse b, TypeUse h, string label)
    {
        switch (b.Type, h.Type)
        {
            case (ArrayRef ba, ArrayRef ha):
                Walk(ba.Items, ha.Items, label);
                return;
            case (MapRef bm, MapRef hm):
                Walk(bm.Values, hm.Values, label);
                return;
            case (NamedRef bn, NamedRef hn):
                if (_session.BaseTypes.TryGetValue(bn.TypeId, out var bt) && _session.HeadTypes.TryGetValue(hn.TypeId, out var ht))
                {
                    WalkNamed(bt, ht, label);
                }

                return;
        }
    }

    private void WalkNamed(TypeDefinition bt, TypeDefinition ht, string label)
    {
        if (!_visited.Add((bt.Id, ht.Id)))
        {
            return;
        }

        switch (bt, ht)
        {
            case (AliasType ba, _):
                Walk(ba.Target, new TypeUse(new NamedRef(ht.Id)), label);
                return;
            case (_, AliasType ha):
                Walk(new TypeUse(new NamedRef(bt.Id)), ha.Target, label);
                return;
            case (ArrayType ba, ArrayType ha):
                Walk(ba.Items, ha.Items, label);
                return;
            case (MapType bm, MapType hm):
                Walk(bm.Values, hm.Values, label);
                return;
            case (ObjectType bo, ObjectType ho):
                TypeName(bt, ht, label);
                CompareProperties(bo, ho, label);
                return;
            case (EnumType be, EnumType he):
                TypeName(bt, ht, label);
                CompareEnumMembers(be, he, label);
                return;
            case (UnionType bu, UnionType hu):
                TypeName(bt, ht, label);
                foreach (var (b, h) in PairVariants(bu.Variants, hu.Variants))
                {
                    Walk(b, h, label);
                }

                return;
        }
    }

    /// <summary>
    /// Variants in any order: the same type id first, then the same generated name; a single variant left on each side
    /// is the same one renamed. Others are added or removed, which the wire rules judge.
    /// </summary>
    private List<(TypeUse Base, TypeUse Head)> PairVariants(IReadOnlyList<TypeUse> baseVariants, IReadOnlyList<TypeUse> headVariants)
    {
        var pairs = new List<(TypeUse, TypeUse)>();
        var left = headVariants.ToList();
        var unpaired = new List<TypeUse>();
        foreach (var b in baseVariants)
        {
            var match = left.FirstOrDefault(h => h.Type.Equals(b.Type))
                ?? left.FirstOrDefault(h => b.Type is NamedRef bn && h.Type is NamedRef hn && _baseNames.Type(bn.TypeId) == _headNames.Type(hn.TypeId));
            if (match is null)
            {
                unpaired.Add(b);
                continue;
            }

            left.Remove(match);
            pairs.Add((b, match));
        }

        if (unpaired.Count == 1 && left.Count == 1)
        {
            pairs.Add((unpaired[0], left[0]));
        }

        return pairs;
    }

    private void TypeName(TypeDefinition bt, TypeDefinition ht, string label)
    {
        var (before, after) = (_baseNames.Type(bt.Id), _headNames.Type(ht.Id));
        if (before != after)
        {
            var why = bt.Id == ht.Id ? "its name is now taken differently"
                : IsComponent(bt.Id) && IsComponent(ht.Id) ? "the component was renamed"
                : "the schema moved from " + bt.Id + " to " + ht.Id;
            _session.Report(DiffRules.ApiTypeRenamed, label, ht.Id, $"generated type {before} becomes {after} ({why})");
        }
    }

    private void CompareProperties(ObjectType bo, ObjectType ho, string label)
    {
        var typeName = _headNames.Type(ho.Id);
        foreach (var bp in bo.Properties)
        {
            var hp = ho.Properties.FirstOrDefault(p => p.JsonName == bp.JsonName);
            if (hp is null)
            {
                continue;
            }

            var (before, after) = (_baseNames.Member(bo.Id, bp.JsonName), _headNames.Member(ho.Id, hp.JsonName));
            if (before != after)
            {
                _session.Report(DiffRules.ApiPropertyRenamed, label, JsonPointer.Append(ho.Id + "/properties", hp.JsonName),
                    $"property {typeName}.{before} ('{hp.JsonName}') becomes {typeName}.{after}");
            }

            Walk(bp.Type, hp.Type, label);
        }
    }

    /// <summary>A value kept under a new member name, or a value replaced by another (a rename: the old member is gone).</summary>
    private void CompareEnumMembers(EnumType be, EnumType he, string label)
    {
        var typeName = _headNames.Type(he.Id);
        var headValues = he.Values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        var baseValues = be.Values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        var removed = be.Values.Where(v => !headValues.Contains(v.Value)).ToList();
        var added = he.Values.Where(v => !baseValues.Contains(v.Value)).ToList();
        foreach (var value in be.Values.Where(v => headValues.Contains(v.Value)))
        {
            var (before, after) = (_baseNames.Member(be.Id, value.Value), _headNames.Member(he.Id, value.Value));
            if (before != after)
            {
                _session.Report(DiffRules.ApiEnumMemberRenamed, label, he.Id, $"enum member {typeName}.{before} ('{value.Value}') becomes {typeName}.{after}");
            }
        }

        if (removed.Count > 0)
        {
            var gone = string.Join(", ", removed.Select(v => $"{typeName}.{_baseNames.Member(be.Id, v.Value)}"));
            var now = added.Count == removed.Count ? " (renamed to " + string.Join(", ", added.Select(v => $"{typeName}.{_headNames.Member(he.Id, v.Value)}")) + ")" : "";
            _session.Report(DiffRules.ApiEnumMemberRenamed, label, he.Id, $"enum member(s) {gone} no longer generated{now}");
        }
    }

    private static bool IsComponent(string id) =>
        id.StartsWith("#/components/schemas/", StringComparison.Ordinal) && id.IndexOf('/', "#/components/schemas/".Length) < 0;
}
