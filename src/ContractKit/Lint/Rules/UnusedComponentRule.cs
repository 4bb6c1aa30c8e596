using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Reporting;
using ContractKit.Runtime;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4003: components not reachable from the paths and webhooks. Reachability, not mere mention: a schema only
/// another unused schema refers to is unused too.
/// </summary>
internal sealed class UnusedComponentRule : ILintRule
{
    /// <summary>A component nothing reachable from the paths refers to.</summary>
    public static readonly LintRuleInfo UnusedComponent = new("CK4003", "unused-component", FindingLevel.Warning, "A component is never referenced from the API's paths or webhooks.");

    public IReadOnlyList<LintRuleInfo> Rules => [UnusedComponent];

    public void Check(LintContext context)
    {
        var components = context.Document.Components;
        if (components.Count == 0)
        {
            return;
        }

        // Every reference is owned by the component it is written in, or by the root (paths, webhooks, ...).
        var owners = components.Select(c => c.Pointer).ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, target) in context.Document.References)
        {
            if (!target.StartsWith("#/", StringComparison.Ordinal))
            {
                continue;
            }

            var owner = OwnerOf(from, owners) ?? "#";
            var targetComponent = OwnerOf(Normalize(target), owners);
            if (targetComponent is null)
            {
                continue;
            }

            if (!edges.TryGetValue(owner, out var list))
            {
                edges[owner] = list = [];
            }

            list.Add(targetComponent);
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue("#");
        while (queue.Count > 0)
        {
            if (!edges.TryGetValue(queue.Dequeue(), out var targets))
            {
                continue;
            }

            foreach (var target in targets.Where(reached.Add))
            {
                queue.Enqueue(target);
            }
        }

        foreach (var (kind, name, pointer) in components.Where(c => !reached.Contains(c.Pointer)))
        {
            context.Report(UnusedComponent, $"components/{kind}/{name} is never used by the API's paths or webhooks.", pointer);
        }
    }

    /// <summary>The component a pointer lies in: <c>#/components/{kind}/{name}</c> is its first four segments.</summary>
    private static string? OwnerOf(string pointer, HashSet<string> components)
    {
        var slashes = 0;
        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '/' && ++slashes == 4)
            {
                return components.Contains(pointer[..i]) ? pointer[..i] : null;
            }
        }

        return components.Contains(pointer) ? pointer : null;
    }

    /// <summary><c>$ref</c>s may percent-encode; the walk's pointers do not.</summary>
    private static string Normalize(string reference) =>
        reference.Contains('%', StringComparison.Ordinal) && JsonPointer.TryParse(reference, out var segments)
            ? JsonPointer.ToFragment(segments, segments.Length)
            : reference;
}
