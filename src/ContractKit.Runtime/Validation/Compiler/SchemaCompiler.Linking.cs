using System.Collections.Generic;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>
/// Linking: once every node is compiled, the shortcuts the verdict-only walk takes, decided per node from the
/// whole graph (so they stay exact): $ref-only nodes forward to their target, and the dynamic scope is dropped
/// when nothing reads it.
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
        }
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
