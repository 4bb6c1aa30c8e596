using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Lint.Rules;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Reading;
using ContractKit.Reporting;

namespace ContractKit.Lint;

/// <summary>
/// <c>contractkit lint</c> as a library: the reader's diagnostics plus the <see cref="LintRules"/>, as
/// <see cref="Finding"/>s at the file's lines. One walk of the document as written, then each rule over its result.
/// </summary>
public static class SpecLinter
{
    /// <summary>The rules besides <see cref="ExampleRule"/>, which runs on a core of its own.</summary>
    private static ILintRule[] CreateRules() =>
    [
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

    /// <summary>
    /// Reads and lints a spec file: what <c>contractkit lint</c> does. The walk of the document as written runs on
    /// another core while Microsoft.OpenApi reads it, and its validation rules while the model is built; the result
    /// is the same as <see cref="Lint(SpecReadResult, LintOptions?)"/> of
    /// <see cref="SpecReader.ReadAsync(string, CancellationToken)"/>'s result.
    /// </summary>
    /// <param name="path">The spec file.</param>
    /// <param name="options">Level overrides; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The read spec, and the lint result when the document could be read (else null: see the read diagnostics).</returns>
    public static async Task<(SpecReadResult Read, LintResult? Result)> ReadAndLintAsync(string path, LintOptions? options = null, CancellationToken cancellationToken = default)
    {
        Task<LintDocument>? walk = null;
        var reading = await SpecReader.StartAsync(
            path, tree => walk = Task.Run(() => Walk(tree), cancellationToken), validateConcurrently: true, cancellationToken, options?.Strict ?? false).ConfigureAwait(false);
        var (read, built) = await reading.WhileValidating(r => r.Document is not null, ModelBuilder.Build).ConfigureAwait(false);
        if (built is null)
        {
            return (read, null);
        }

        var model = built.Model;
        PhaseTrace.Mark("model");
        var walked = walk is null ? Walk(read) : await walk.ConfigureAwait(false);
        return (read, Lint(read, model, walked, options));
    }

    /// <summary>Lints a read spec, building its model first (when the document could be read).</summary>
    /// <param name="read">The read spec.</param>
    /// <param name="options">Level overrides; null for the defaults.</param>
    /// <returns>Findings sorted by line, column and rule id, with level overrides applied.</returns>
    public static LintResult Lint(SpecReadResult read, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Document is null)
        {
            return Lint(read, null, options);
        }

        // The walk only reads the tree as written and the model builder only reads (concurrent reads of a JsonNode
        // tree are safe): on two cores they overlap.
        var walk = Task.Run(() => Walk(read));
        var model = ModelBuilder.Build(read).Model;
        PhaseTrace.Mark("model");
        return Lint(read, model, walk.GetAwaiter().GetResult(), options);
    }

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

    private static LintDocument Walk(SpecReadResult read) => Walk(read.Document is null ? null : read.Raw);

    private static LintDocument Walk(JsonNode? tree)
    {
        var document = LintWalker.Walk(tree);
        PhaseTrace.Mark("lint.walk");
        return document;
    }

    private static LintResult Lint(SpecReadResult read, ContractModel? model, LintDocument walked, LintOptions? options)
    {
        options ??= LintOptions.Default;
        var findings = read.Diagnostics.Select(FromDiagnostic).ToList();
        var context = new LintContext(read, model, walked, findings);
        if (read.Document is not null)
        {
            // Checking examples (lowering and compiling the whole contract, then validating) is the largest rule: it
            // runs beside the others with findings of its own, added before the sort. The sort alone decides the
            // order, and its rule ids are its own, so no tie between rules can change places.
            var exampleFindings = new List<Finding>();
            var exampleContext = new LintContext(read, model, walked, exampleFindings);
            var examples = Task.Run(() =>
            {
                new ExampleRule().Check(exampleContext);
                PhaseTrace.Mark("lint." + nameof(ExampleRule));
            });
            foreach (var rule in CreateRules())
            {
                rule.Check(context);
                PhaseTrace.Mark("lint." + rule.GetType().Name);
            }

            examples.GetAwaiter().GetResult();
            findings.AddRange(exampleFindings);
            context.ExamplesChecked = exampleContext.ExamplesChecked;
            context.ExamplesSkipped = exampleContext.ExamplesSkipped;
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
