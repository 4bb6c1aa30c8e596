namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>One compiled keyword: a rule, evaluated by the walker against one payload token.</summary>
internal abstract class Keyword
{
    protected Keyword(string name)
    {
        Name = name;
    }

    /// <summary>The keyword as written in the schema (also its segment in the schema location).</summary>
    public string Name { get; }

    /// <summary>unevaluated* must see the annotations of every sibling, so they run last.</summary>
    public virtual bool RunsLast => false;

    /// <summary>
    /// False for rules that look at the value alone and never evaluate another schema: a node made only of such
    /// keywords cannot recurse, so the verdict walk skips its recursion guard and scope bookkeeping.
    /// </summary>
    public virtual bool AppliesSubschemas => true;

    /// <summary>Evaluates the keyword on <paramref name="token"/>; reports errors through the walker; false when it fails.</summary>
    public abstract bool Evaluate(ref Walker w, int token, in Annotations annotations);

    /// <summary>Evaluates <paramref name="node"/> on <paramref name="token"/> with <paramref name="segment"/> on the evaluation path.</summary>
    protected static bool Apply(ref Walker w, SchemaNode node, string segment, int token, in Annotations annotations)
    {
        w.PushPath(segment);
        var ok = node.Evaluate(ref w, token, annotations);
        w.PopPath();
        return ok;
    }

    /// <summary>Like <see cref="Apply"/> but only for the verdict: no errors are reported.</summary>
    protected static bool Test(ref Walker w, SchemaNode node, string segment, int token, in Annotations annotations)
    {
        w.Suppress++;
        var ok = Apply(ref w, node, segment, token, annotations);
        w.Suppress--;
        return ok;
    }
}
