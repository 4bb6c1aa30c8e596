using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Lint.Rules;
using ContractKit.Reporting;

namespace ContractKit.Lint;

/// <summary>A lint rule as users see it: a stable id (never renumbered), a readable name, a default level.</summary>
public sealed record LintRuleInfo(string Id, string Name, FindingLevel DefaultLevel, string Summary);

/// <summary>
/// The registry of <c>contractkit lint</c> rules, built from the one list of rule classes: each class declares the
/// rules it reports (id, name, level, summary) beside its code. Ids are <c>CK4xxx</c>; problems the reader finds keep
/// their own <c>CK1xxx</c> ids and are surfaced as findings too.
/// </summary>
public static class LintRules
{
    /// <summary>
    /// The rule classes, in the order they run: the one registration list. A rule class missing here never runs
    /// (<c>LintRuleRegistryTests</c> fails on it), and its rules are in no report or document.
    /// </summary>
    internal static ILintRule[] CreateChecks() =>
    [
        new ExampleRule(),
        new UnusedComponentRule(),
        new OperationIdRule(),
        new PathParameterRule(),
        new DiscriminatorRule(),
        new RequiredPropertyRule(),
        new ServerUrlRule(),
        new SchemaValueRule(),
        new VersionSyntaxRule(),
        new PathQueryStringRule(),
        new RefSiblingRule(),
    ];

    /// <summary>Every rule the registered classes report, in id order.</summary>
    public static IReadOnlyList<LintRuleInfo> All { get; } =
        [.. CreateChecks().SelectMany(c => c.Rules).OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>A rule by id (<c>CK4003</c>) or name (<c>unused-component</c>), case-insensitive; null when unknown.</summary>
    public static LintRuleInfo? Find(string idOrName) =>
        All.FirstOrDefault(r => r.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
