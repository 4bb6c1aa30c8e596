using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Pipeline;

/// <summary>
/// Generation builds the model while Microsoft.OpenApi's validation rules still run; what they find decides the run
/// exactly as when they ran first.
/// </summary>
public sealed class GenerationPipelineTests
{
    [Fact]
    public async Task ValidationRuleError_StopsGeneration_WithItsDiagnosticAndLocation()
    {
        using var spec = new TempSpec(RuleSpecs.RuleError);
        var target = spec.Target();

        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(target);

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Empty(files);
        var error = Assert.Single(diagnostics);
        Assert.Equal(
            (DiagnosticIds.OpenApiError, DiagnosticSeverity.Error, @"The key 'Bad Name' in 'schemas' of components MUST match the regular expression '^[a-zA-Z0-9\.\-_]+$'."),
            (error.Id, error.Severity, error.Message));
        Assert.Equal(new SourceLocation(target.SpecPath, 13, 1, "#/components"), error.Location);
        Assert.Equal(SpecReader.Read(target.SpecPath).Diagnostics, diagnostics);
    }

    public static TheoryData<string, int> Specs() => new()
    {
        { RuleSpecs.Valid, ExitCodes.Success },
        { RuleSpecs.RuleError, ExitCodes.InputErrors },
        { RuleSpecs.RuleWarning, ExitCodes.Success },
        { RuleSpecs.ReadingError, ExitCodes.InputErrors },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task ValidatingWhileBuildingTheModel_GivesTheSameRunAsValidatingFirst(string content, int exitCode)
    {
        using var spec = new TempSpec(content);
        var target = spec.Target();

        var first = await GenerationPipeline.EmitAsync(target, validateConcurrently: false);
        var concurrent = await GenerationPipeline.EmitAsync(target, validateConcurrently: true);

        Assert.Equal(exitCode, first.ExitCode);
        Assert.Equal(first.ExitCode, concurrent.ExitCode);
        Assert.Equal(first.Diagnostics, concurrent.Diagnostics);
        Assert.Equal(first.Files, concurrent.Files);
        Assert.Equal(exitCode == ExitCodes.Success, concurrent.Files.Count > 0);
    }

    [CorpusFact]
    public async Task OpenAiSpec_ValidatingWhileBuildingTheModel_GivesTheSameRunAsValidatingFirst()
    {
        var target = new SpecTarget(Corpus.PathOf("openai", "openapi.yaml"), Path.Combine(Path.GetTempPath(), "unused"), "Corpus.Generated", "CorpusClient");

        var first = await GenerationPipeline.EmitAsync(target, validateConcurrently: false);
        var concurrent = await GenerationPipeline.EmitAsync(target, validateConcurrently: true);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(first.ExitCode, concurrent.ExitCode);
        Assert.Contains(concurrent.Diagnostics, d => d.Id == DiagnosticIds.OpenApiWarning);
        Assert.Equal(first.Diagnostics, concurrent.Diagnostics);
        Assert.Equal(first.Files, concurrent.Files);
    }
}
