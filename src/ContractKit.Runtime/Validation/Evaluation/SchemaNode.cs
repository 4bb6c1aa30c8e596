using System.Runtime.CompilerServices;
using ContractKit.Runtime.Validation.Instance;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>A compiled (sub)schema: its keywords in evaluation order. Created before its keywords so $ref cycles compile.</summary>
internal sealed class SchemaNode
{
    public SchemaNode(string location, SchemaResource resource)
    {
        Location = location;
        Resource = resource;
    }

    /// <summary>Document URI and pointer, for diagnostics.</summary>
    public string Location { get; }

    public SchemaResource Resource { get; }

    /// <summary>Set for boolean schemas.</summary>
    public bool? Constant { get; set; }

    public Keyword[] Keywords { get; set; } = [];

    /// <summary>Has unevaluatedProperties/unevaluatedItems: collects its own annotations.</summary>
    public bool TracksAnnotations { get; set; }

    /// <summary>OpenAPI 3.0 <c>nullable: true</c>: null is valid whatever the other keywords say.</summary>
    public bool AdmitsNull { get; set; }

    /// <summary>OpenAPI readOnly/writeOnly, for the directional checks of the enclosing object.</summary>
    public bool ReadOnly { get; set; }

    public bool WriteOnly { get; set; }

    /// <summary>
    /// Set (after compilation) when this node is only a <c>$ref</c> to a node of the same resource: a verdict-only
    /// walk goes straight to the target, skipping this node's setup. Walks that keep the evaluation path still
    /// visit this node, so error locations keep their <c>$ref</c> segment. The target is never a $ref-only node.
    /// </summary>
    public SchemaNode? RefTarget { get; set; }

    /// <summary>False when no <c>$dynamicRef</c> anywhere can consult the dynamic scope, so it is not maintained.</summary>
    public bool UsesScope { get; set; } = true;

    /// <summary>
    /// For the verdict walk, set by linking: the keywords in a cheaper equivalent form (fused member pass, the type
    /// check folded into <see cref="_kinds"/>), the token kinds that can pass at all, and whether the node applies
    /// no subschema (so it needs no recursion guard, scope or annotation bookkeeping).
    /// </summary>
    private Keyword[]? _verdict;
    private int _kinds = -1;
    private bool _leaf;

    /// <summary>The verdict form's fused member pass and items keyword, called directly rather than through the keyword list.</summary>
    private MembersKeyword? _members;
    private ItemsKeyword? _items;

    /// <summary>minItems/maxItems and minProperties/maxProperties of the verdict form, as plain bounds.</summary>
    private VerdictCounts _counts = VerdictCounts.None;
    private bool _hasCounts;

    /// <summary>
    /// Set by linking when this node is only <c>anyOf: [X, {"type":"null"}]</c>: the verdict is null's kind or X's,
    /// decided without this node's setup. X never forwards itself, so the walk still enters a guarded node.
    /// </summary>
    private SchemaNode? _nullOr;

    public void PrepareVerdict(Keyword[] verdict, int kinds, bool leaf, MembersKeyword? members, ItemsKeyword? items, VerdictCounts counts)
    {
        _verdict = verdict;
        _kinds = kinds;
        _leaf = leaf && members is null && items is null && !TracksAnnotations;
        _members = members;
        _items = items;
        _counts = counts;
        _hasCounts = counts.Any;
    }

    public SchemaNode? NullOr
    {
        get => _nullOr;
        set => _nullOr = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Evaluate(ref Walker w, int token, in Annotations parent) =>
        w.KeepsPath ? Collect(ref w, token, parent) : Decide(ref w, token, parent);

    /// <summary>The evaluation of a collecting walk: the keywords as written, every $ref node visited for its path segment.</summary>
    private bool Collect(ref Walker w, int token, in Annotations parent)
    {
        if (Constant is { } constant)
        {
            return constant || w.Report(token, "false", "no value is allowed here (the schema is false)", keywordInPath: false);
        }

        if (AdmitsNull && w.Tokens[token].Kind == TokenKind.Null)
        {
            return true;
        }

        return Walk(ref w, token, parent, Keywords);
    }

    /// <summary>The verdict-only evaluation: first failure ends it, nothing is reported.</summary>
    private bool Decide(ref Walker w, int token, in Annotations parent)
    {
        var node = RefTarget ?? this;
        var kind = (int)w.Tokens[token].Kind;
        if (node._nullOr is { } nonNull && !parent.IsActive)
        {
            if (kind == (int)TokenKind.Null)
            {
                return true;
            }

            node = nonNull;
        }

        if (node.Constant is { } constant)
        {
            return constant;
        }

        if (node.AdmitsNull && kind == (int)TokenKind.Null)
        {
            return true;
        }

        if ((node._kinds & (1 << kind)) == 0)
        {
            return false;
        }

        var keywords = node._verdict ?? node.Keywords;
        if (node._hasCounts && !node._counts.Allow(ref w.Tokens[token]))
        {
            return false;
        }

        if (!node._leaf)
        {
            return node._members is null && node._items is null
                ? node.Walk(ref w, token, parent, keywords)
                : node.WalkStructured(ref w, token, parent, keywords);
        }

        for (var i = 0; i < keywords.Length; i++)
        {
            if (!keywords[i].Evaluate(ref w, token, parent))
            {
                return false;
            }
        }

        return true;
    }

    private bool Walk(ref Walker w, int token, in Annotations parent, Keyword[] keywords)
    {
        if (!w.Enter(token))
        {
            return false;
        }

        var pushed = UsesScope && w.PushScope(Resource);
        var local = TracksAnnotations ? w.BeginAnnotations(token) : parent;
        var ok = true;
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!keywords[i].Evaluate(ref w, token, local))
            {
                ok = false;
                if (!w.Collecting)
                {
                    break;
                }
            }
        }

        if (TracksAnnotations)
        {
            if (ok)
            {
                w.Merge(parent, local);
            }

            w.EndAnnotations(local);
        }

        if (pushed)
        {
            w.PopScope();
        }

        w.Leave();
        return ok;
    }

    /// <summary>The verdict walk of a node with a member pass or items: those first, directly, then the rest of its keywords.</summary>
    private bool WalkStructured(ref Walker w, int token, in Annotations parent, Keyword[] keywords)
    {
        if (!w.Enter(token))
        {
            return false;
        }

        var pushed = UsesScope && w.PushScope(Resource);
        var local = TracksAnnotations ? w.BeginAnnotations(token) : parent;
        var ok = (_members is null || _members.Evaluate(ref w, token, local)) && (_items is null || _items.Evaluate(ref w, token, local));
        for (var i = 0; ok && i < keywords.Length; i++)
        {
            ok = keywords[i].Evaluate(ref w, token, local);
        }

        if (TracksAnnotations)
        {
            if (ok)
            {
                w.Merge(parent, local);
            }

            w.EndAnnotations(local);
        }

        if (pushed)
        {
            w.PopScope();
        }

        w.Leave();
        return ok;
    }

    public override string ToString() => Location;
}
