using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;
using ContractKit.Reporting;

namespace ContractKit.Lint;

/// <summary>
/// <c>contractkit lint</c> as a library: the reader's diagnostics plus the <see cref="LintRules"/>, as
/// <see cref="Finding"/>s at the file's lines. One walk of the document as written, then each rule over its result.
/// </summary>
public static class SpecLinter
{
    /// <summary>Lints a read spec with its already built model (null: the rules that need it are skipped).</summary>
    /// <param name="read">The read spec.</param>
    /// <param name="model">Its model, or null.</param>
    /// <param name="options">Level overrides; null for the defaults.</param>
    /// <returns>Findings sorted by line, column and rule id, with level overrides applied.</returns>
    public static LintResult Lint(SpecReadResult read, ContractModel? model, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Lint(read, model, Walk(read), options);
    }

    internal static LintDocument Walk(SpecReadResult read) => Walk(read.Document is null ? null : read.Raw);

    /// <summary>The walk of the document as written (null: nothing to walk); the orchestration starts it while the document is read.</summary>
    internal static LintDocument Walk(JsonNode? tree)
    {
        var document = LintWalker.Walk(tree);
        PhaseTrace.Mark("lint.walk");
        return document;
    }

    /// <summary>Runs the rules over a read spec, its model (or null) and its walk.</summary>
    internal static LintResult Lint(SpecReadResult read, ContractModel? model, LintDocument walked, LintOptions? options)
    {
        options ??= LintOptions.Default;
        var findings = read.Diagnostics.Select(FromDiagnostic).ToList();
        var context = new LintContext(read, model, walked, findings);
        if (read.Document is not null)
        {
            // Checking examples (lowering and compiling the whole contract, then validating) is the largest rule: the
            // rules that say so run beside the others with findings of their own, added before the sort. The sort alone
            // decides the order, and their rule ids are their own, so no tie between rules can change places.
            var checks = LintRules.CreateChecks();
            var apartFindings = new List<Finding>();
            var apartContext = new LintContext(read, model, walked, apartFindings);
            var examples = Task.Run(() => Run(checks.Where(c => c.RunsApart), apartContext));
            Run(checks.Where(c => !c.RunsApart), context);
            examples.GetAwaiter().GetResult();
            findings.AddRange(apartFindings);
            context.ExamplesChecked = apartContext.ExamplesChecked;
            context.ExamplesSkipped = apartContext.ExamplesSkipped;
        }

        var result = findings
            .Select(f => Override(f, options))
            .OfType<Finding>()
            .OrderBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new LintResult(result) { ExamplesChecked = context.ExamplesChecked, ExamplesSkipped = context.ExamplesSkipped };
    }

    private static void Run(IEnumerable<ILintRule> checks, LintContext context)
    {
        foreach (var check in checks)
        {
            check.Check(context);
            PhaseTrace.Mark("lint." + check.GetType().Name);
        }
    }

    private static Finding FromDiagnostic(Diagnostic diagnostic) =>
        new(diagnostic.Id, diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => FindingLevel.Error,
            DiagnosticSeverity.Warning => FindingLevel.Warning,
            _ => FindingLevel.Info,
        }, diagnostic.Message, diagnostic.Location);

    private static Finding? Override(Finding finding, LintOptions options)
    {
        var name = LintRules.Find(finding.RuleId)?.Name;
        var hasOverride = options.Levels.TryGetValue(finding.RuleId, out var level) ||
            (name is not null && options.Levels.TryGetValue(name, out level));
        if (!hasOverride)
        {
            return finding;
        }

        return level is { } newLevel ? finding with { Level = newLevel } : null;
    }
}
