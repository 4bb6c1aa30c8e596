using System;
using System.Collections.Generic;
using ContractKit.Model;

namespace ContractKit.Diff;

/// <summary>
/// A fast path, not a rule: a use whose named types (and everything they refer to) are equal, by id and by value, in
/// both models cannot change anything, so the structural walk skips it. Keeps diffing a mostly unchanged 3,000-type
/// spec cheap; a type moved or renamed simply takes the slow, structural path.
/// </summary>
internal sealed class UnchangedTypes
{
    private readonly Dictionary<string, TypeDefinition> _base;
    private readonly Dictionary<string, TypeDefinition> _head;
    private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

    public UnchangedTypes(Dictionary<string, TypeDefinition> baseTypes, Dictionary<string, TypeDefinition> headTypes)
    {
        _base = baseTypes;
        _head = headTypes;
    }

    /// <summary>True when the two uses are equal and every type they reach is the same in both models.</summary>
    public bool Same(TypeUse baseUse, TypeUse headUse)
    {
        if (!baseUse.Equals(headUse))
        {
            return false;
        }

        var ids = new List<string>();
        CollectReferences(baseUse, ids);
        foreach (var id in ids)
        {
            if (!SameClosure(id))
            {
                return false;
            }
        }

        return true;
    }

    private bool SameClosure(string root)
    {
        if (_known.TryGetValue(root, out var known))
        {
            return known;
        }

        // Depth-first over the closure; "true" is only cached once the whole closure is known to be equal, so a cycle
        // never lets an assumption leak into the cache.
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        var stack = new Stack<string>();
        stack.Push(root);
        var references = new List<string>();
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (_known.TryGetValue(id, out var k))
            {
                if (!k)
                {
                    _known[root] = false;
                    return false;
                }

                continue;
            }

            if (!_base.TryGetValue(id, out var b) || !_head.TryGetValue(id, out var h) || !b.Equals(h))
            {
                _known[id] = false;
                _known[root] = false;
                return false;
            }

            references.Clear();
            CollectReferences(b, references);
            foreach (var next in references)
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        foreach (var id in seen)
        {
            _known[id] = true;
        }

        return true;
    }

    private static void CollectReferences(TypeDefinition definition, List<string> ids)
    {
        switch (definition)
        {
            case ObjectType o:
                foreach (var p in o.Properties)
                {
                    CollectReferences(p.Type, ids);
                }

                if (o.AdditionalProperties is not null)
                {
                    CollectReferences(o.AdditionalProperties, ids);
                }

                break;
            case MapType m:
                CollectReferences(m.Values, ids);
                break;
            case ArrayType a:
                CollectReferences(a.Items, ids);
                break;
            case AliasType alias:
                CollectReferences(alias.Target, ids);
                break;
            case UnionType u:
                foreach (var v in u.Variants)
                {
                    CollectReferences(v, ids);
                }

                break;
        }
    }

    private static void CollectReferences(TypeUse use, List<string> ids)
    {
        switch (use.Type)
        {
            case NamedRef n:
                ids.Add(n.TypeId);
                break;
            case ArrayRef a:
                CollectReferences(a.Items, ids);
                break;
            case MapRef m:
                CollectReferences(m.Values, ids);
                break;
        }
    }
}
