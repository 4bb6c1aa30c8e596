using System;
using System.Linq;
using System.Reflection;
using ContractKit.Diff;
using ContractKit.Lint;
using Xunit;

namespace ContractKit.Tests.Docs;

/// <summary>
/// The rule registries are built from one list each: a rule written but not registered (so it never runs, and no
/// report or document names it) or two rules sharing an id fail here.
/// </summary>
public sealed class RuleRegistryTests
{
    private static readonly Assembly Library = typeof(LintRules).Assembly;

    [Fact]
    public void EveryLintRuleClass_IsRegistered()
    {
        var classes = Library.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILintRule).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var registered = LintRules.CreateChecks().Select(c => c.GetType().FullName).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(classes);
        Assert.Equal(classes, registered);
    }

    [Fact]
    public void EveryLintRuleDeclaredByAClass_IsInTheRegistry()
    {
        // A LintRuleInfo a rule class declares (and reports) but leaves out of its Rules list would be missing from
        // LintRules.All, so from --level names, SARIF descriptions and docs/lint-rules.md.
        var declared = Library.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(LintRuleInfo))
            .Select(f => ((LintRuleInfo)f.GetValue(null)!).Id)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, LintRules.All.Select(r => r.Id));
    }

    [Fact]
    public void LintRules_HaveUniqueIdsAndNames()
    {
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EveryDiffRuleDeclared_IsInTheCatalogOnce()
    {
        var declared = typeof(DiffRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiffRule))
            .Select(f => ((DiffRule)f.GetValue(null)!).Id)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, DiffRules.All.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(DiffRules.All.Count, DiffRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
