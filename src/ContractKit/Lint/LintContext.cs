using System.Collections.Generic;
using ContractKit.Model;
using ContractKit.Reading;
using ContractKit.Reporting;

namespace ContractKit.Lint;

/// <summary>What a rule sees: the walk's result, the read document, the model (null when it could not be built), and a way to report.</summary>
internal sealed class LintContext
{
    private readonly List<Finding> _findings;

    public LintContext(SpecReadResult read, ContractModel? model, LintDocument document, List<Finding> findings)
    {
        Read = read;
        Model = model;
        Document = document;
        _findings = findings;
    }

    public SpecReadResult Read { get; }
    public ContractModel? Model { get; }
    public LintDocument Document { get; }
    public int ExamplesChecked { get; set; }
    public int ExamplesSkipped { get; set; }

    /// <summary>Reports at the rule's default level; <see cref="SpecLinter"/> applies overrides afterwards.</summary>
    public void Report(LintRuleInfo rule, string message, string pointer, string? operation = null, FindingLevel? level = null) =>
        _findings.Add(new Finding(rule.Id, level ?? rule.DefaultLevel, message, Read.Source.Locate(pointer)) { Operation = operation });
}

/// <summary>
/// One lint rule class: declares the rules it reports (its own static <see cref="LintRuleInfo"/>s, listed in
/// <see cref="Rules"/>), reads the <see cref="LintContext"/> and reports findings. Registered in
/// <see cref="LintRules.CreateChecks"/>.
/// </summary>
internal interface ILintRule
{
    /// <summary>The rules this class reports; <see cref="LintRules.All"/> is built from these.</summary>
    IReadOnlyList<LintRuleInfo> Rules { get; }

    /// <summary>Whether the rule runs on a core of its own, beside the others (the largest: the example check).</summary>
    bool RunsApart => false;

    void Check(LintContext context);
}
