using System;
using System.Collections.Generic;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>
/// Linking: once every node is compiled, the shortcuts the verdict-only walk takes, decided per node from the
/// whole graph (so they stay exact): $ref-only nodes forward to their target, the dynamic scope is dropped
/// when nothing reads it, and each node gets its verdict form (type as a kind mask, one fused member pass,
/// no bookkeeping for nodes that apply no subschema). The collecting walk keeps the keywords as written.
/// </summary>
internal sealed partial class SchemaCompiler
{
    private void Link()
    {
        foreach (var node in _nodes.Values)
        {
            node.UsesScope = UsesDynamicScope;
        }

        foreach (var node in _nodes.Values)
        {
            node.RefTarget = FinalTarget(node);
            PrepareVerdict(node);
        }

        // Read from the candidates only, so a node that others forward to never forwards itself.
        var candidates = new Dictionary<SchemaNode, SchemaNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in _nodes.Values)
        {
            if (NullableTarget(node) is { } target)
            {
                candidates[node] = target;
            }
        }

        foreach (var (node, target) in candidates)
        {
            if (!candidates.ContainsKey(target))
            {
                node.NullOr = target;
            }
        }
    }

    /// <summary>
    /// X (past its $ref chain) when <paramref name="node"/> is nothing but <c>anyOf: [X, {"type":"null"}]</c> and
    /// skipping its setup changes nothing: it collects no annotations, and X is in the same resource (or nothing
    /// reads the dynamic scope).
    /// </summary>
    private SchemaNode? NullableTarget(SchemaNode node)
    {
        if (node.Constant is not null || node.TracksAnnotations || node.Keywords is not [AnyOfKeyword { NonNullBranch: { } branch }])
        {
            return null;
        }

        var target = branch.RefTarget ?? branch;
        return !UsesDynamicScope || ReferenceEquals(target.Resource, node.Resource) ? target : null;
    }

    private static void PrepareVerdict(SchemaNode node)
    {
        if (node.Constant is not null)
        {
            return;
        }

        var kinds = -1;
        var type = Find<TypeKeyword>(node.Keywords);
        if (type is not null)
        {
            // Integer without number is decided by the literal: the kind mask lets numbers through to the keyword.
            var integerOnly = (type.Allowed & JsonTypes.Integer) != 0 && (type.Allowed & JsonTypes.Number) == 0;
            kinds = type.Kinds | (integerOnly ? 1 << (int)TokenKind.Number : 0);
            // Kept for the literal check, unless an int32/int64 format (which admits integer values only) decides it.
            if (integerOnly && (type.Draft4 || Find<FormatKeyword>(node.Keywords) is not { IsIntegerRange: true }))
            {
                type = null;
            }
        }

        var properties = Find<PropertiesKeyword>(node.Keywords);
        var required = Find<RequiredKeyword>(node.Keywords);
        var additional = Find<AdditionalPropertiesKeyword>(node.Keywords);
        var propertyNames = Find<PropertyNamesKeyword>(node.Keywords);
        if (!MembersKeyword.CanFuse(properties, required, additional))
        {
            if (MembersKeyword.CanFuse(properties, required, null))
            {
                additional = null;
            }
            else if (MembersKeyword.CanFuse(properties, null, additional))
            {
                required = null;
            }
            else
            {
                additional = null;
                required = null;
            }
        }

        var fuse = properties is not null || additional is not null || propertyNames is not null;
        var members = fuse ? new MembersKeyword(properties, required, additional, propertyNames) : null;
        var verdict = new List<Keyword>(node.Keywords.Length);
        var counts = VerdictCounts.None;
        ItemsKeyword? items = null;
        foreach (var k in node.Keywords)
        {
            if (ReferenceEquals(k, type))
            {
                continue;
            }

            if (k is CountKeyword c)
            {
                counts = (c.Kind, c.Upper) switch
                {
                    (TokenKind.Array, false) => new VerdictCounts(Math.Max(counts.MinItems, c.Limit), counts.MaxItems, counts.MinProperties, counts.MaxProperties),
                    (TokenKind.Array, true) => new VerdictCounts(counts.MinItems, Math.Min(counts.MaxItems, c.Limit), counts.MinProperties, counts.MaxProperties),
                    (_, false) => new VerdictCounts(counts.MinItems, counts.MaxItems, Math.Max(counts.MinProperties, c.Limit), counts.MaxProperties),
                    _ => new VerdictCounts(counts.MinItems, counts.MaxItems, counts.MinProperties, Math.Min(counts.MaxProperties, c.Limit)),
                };
                continue;
            }

            if (k is ItemsKeyword i && items is null && !i.RunsLast)
            {
                items = i;
                continue;
            }

            if (fuse && (ReferenceEquals(k, properties) || ReferenceEquals(k, required) || ReferenceEquals(k, additional) || ReferenceEquals(k, propertyNames)))
            {
                if (members is not null && !ReferenceEquals(k, required))
                {
                    // The fused pass takes the place of the first member keyword, so unevaluated* still runs after it.
                    verdict.Add(members);
                    members = null;
                }

                continue;
            }

            verdict.Add(k);
        }

        if (members is not null)
        {
            verdict.Add(members);
        }

        // The member pass and items run first, directly (see SchemaNode.WalkStructured): take them out of the list.
        var direct = verdict.Find(k => k is MembersKeyword) as MembersKeyword;
        verdict.Remove(direct!);
        var leaf = true;
        foreach (var k in verdict)
        {
            leaf &= !k.AppliesSubschemas;
        }

        node.PrepareVerdict(verdict.ToArray(), kinds, leaf, direct, items, counts);
    }

    private static T? Find<T>(Keyword[] keywords)
        where T : Keyword
    {
        foreach (var k in keywords)
        {
            if (k is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The end of a chain of $ref-only nodes from <paramref name="node"/>; null when it is not one, or the chain cycles.</summary>
    private static SchemaNode? FinalTarget(SchemaNode node)
    {
        var seen = new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance);
        var current = node;
        while (OnlyRef(current) is { } next)
        {
            if (!seen.Add(current))
            {
                // A cycle of bare $refs never consumes the payload: leave it to the walker's recursion guard.
                return null;
            }

            current = next;
        }

        return ReferenceEquals(current, node) ? null : current;
    }

    /// <summary>
    /// The target when <paramref name="node"/> does nothing but apply it: no other keyword, no nullable, and the same
    /// resource (so skipping this node's dynamic-scope push changes nothing, the target pushes the same resource).
    /// </summary>
    private static SchemaNode? OnlyRef(SchemaNode node) =>
        node.Constant is null && !node.AdmitsNull && node.Keywords is [RefKeyword r] && ReferenceEquals(r.Target.Resource, node.Resource)
            ? r.Target
            : null;
}
