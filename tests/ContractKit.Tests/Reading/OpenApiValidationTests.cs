using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// Microsoft.OpenApi's validation rules run after its reading, possibly on another core: what they report, and in
/// which order, is what one read with its default rule set reports.
/// </summary>
public sealed class OpenApiValidationTests
{
    [Fact]
    public void RuleFindings_FollowTheReadersOwn_AsInOneReadWithTheDefaultRules()
    {
        using var spec = new TempSpec(RuleSpecs.RootProblems);
        var path = spec.Path;

        var result = SpecReader.Read(path);
        var oneRead = new OpenApiJsonReader().Read(result.Raw!, new Uri(Path.GetFullPath(path)), new OpenApiReaderSettings { BaseUrl = new Uri(Path.GetFullPath(path)) });

        // The reader's own findings here are defects it tolerates ('bogus', and 'items' among the paths): warnings in
        // words of ours, each at its key. The rules' findings are at the root, in the order of one read.
        var expected = oneRead.Diagnostic!.Errors.Concat(oneRead.Diagnostic.Warnings).Where(e => e is OpenApiValidatorError or OpenApiValidatorWarning).Select(e => e.Message).ToArray();
        Assert.Contains(oneRead.Diagnostic.Errors, e => e is OpenApiValidatorError);
        Assert.Equal(2, oneRead.Diagnostic.Errors.Count(e => e is not OpenApiValidatorError));
        var tolerated = result.Diagnostics.Where(d => ToleratedDefects.IsTolerated(d.Id)).ToList();
        var rules = result.Diagnostics.Where(d => !ToleratedDefects.IsTolerated(d.Id)).ToList();
        Assert.Equal([(2, 1), (4, 3)], tolerated.Select(d => (d.Location!.Line, d.Location.Column)));
        Assert.All(rules, d => Assert.Equal((1, 1), (d.Location!.Line, d.Location.Column)));
        Assert.Equal(expected, rules.Select(d => d.Message));
    }

    [Fact]
    public void RuleError_AndRuleWarning_AreReportedWithTheirLocations()
    {
        using var spec = new TempSpec(RuleSpecs.RuleWarningAndError);
        var path = spec.Path;

        var result = SpecReader.Read(path);

        Assert.Equal(
            [
                (DiagnosticIds.OpenApiWarning, DiagnosticSeverity.Warning, 12, 38, "This discriminator has no effect: a discriminator applies only to a schema with oneOf, anyOf or allOf."),
                (DiagnosticIds.OpenApiError, DiagnosticSeverity.Error, 13, 1, @"The key 'Bad Name' in 'schemas' of components MUST match the regular expression '^[a-zA-Z0-9\.\-_]+$'."),
            ],
            result.Diagnostics.Select(d => (d.Id, d.Severity, d.Location!.Line, d.Location.Column, d.Message)));
    }

    public static TheoryData<string> StartedSpecs() => [RuleSpecs.RuleWarningAndError, RuleSpecs.RootProblems, RuleSpecs.ReadingError];

    [Theory]
    [MemberData(nameof(StartedSpecs))]
    public async Task StartedRead_CompletesAsRead_AndItsUnvalidatedPartSharesTheDocument(string content)
    {
        using var spec = new TempSpec(content);
        var path = spec.Path;

        var reading = await SpecReader.StartAsync(path, parsed: null, validateConcurrently: true, default);
        var complete = await reading.Complete;

        Assert.Equal(SpecReader.Read(path).Diagnostics, complete.Diagnostics);
        var unvalidated = Assert.IsType<SpecReadResult>(reading.Unvalidated);
        Assert.Same(complete.Document, unvalidated.Document);
        Assert.Same(complete.Raw, unvalidated.Raw);
        Assert.Same(complete.Source, unvalidated.Source);
        Assert.Equal(complete.SpecVersion, unvalidated.SpecVersion);
        Assert.Subset(complete.Diagnostics.ToHashSet(), unvalidated.Diagnostics.ToHashSet());
        Assert.DoesNotContain(unvalidated.Diagnostics, d => d.Message.Contains("MUST match", StringComparison.Ordinal) || d.Message.Contains("REQUIRED", StringComparison.Ordinal));
        Assert.Equal(complete.Diagnostics.Where(d => d.Id == DiagnosticIds.UnresolvedReference), unvalidated.Diagnostics.Where(d => d.Id == DiagnosticIds.UnresolvedReference));
    }

    [Fact]
    public async Task StartedRead_WithAFatalProblem_HasFinishedAlready()
    {
        using var spec = new TempSpec("a: [\n");
        var path = spec.Path;

        var reading = await SpecReader.StartAsync(path, parsed: null, validateConcurrently: true, default);

        Assert.Null(reading.Unvalidated);
        Assert.True(reading.Complete.IsCompleted);
        Assert.Equal(SpecReader.Read(path).Diagnostics, (await reading.Complete).Diagnostics);
    }

    /// <summary>The warm-up exercises reading, references and the rules only if its documents are read cleanly.</summary>
    [Fact]
    public void WarmUpDocuments_AreReadWithNoFindings()
    {
        var results = OpenApiWarmUp.Run();

        Assert.Equal(2, results.Length);
        Assert.All(results, r =>
        {
            Assert.NotNull(r?.Document);
            Assert.Empty(r.Diagnostic!.Errors);
            Assert.Empty(r.Diagnostic.Warnings);
            Assert.NotNull(r.Document.Components!.Schemas!["C"].OneOf![0]);
        });
    }
}
