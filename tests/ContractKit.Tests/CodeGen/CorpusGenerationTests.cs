using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.CodeGen;

/// <summary>Real specs of every size go through the whole pipeline: read, model, emit, compile.</summary>
[Collection(CompiledCorpusCollection.Name)]
public sealed class CorpusGenerationTests(CompiledCorpus corpus, ITestOutputHelper output)
{
    public static IEnumerable<object[]> SmallSpecs()
    {
        if (Corpus.Root is null)
        {
            return [["(corpus absent)"]];
        }

        return Directory.GetFiles(Corpus.PathOf("oai-examples"))
            .Where(f => f.EndsWith(".yaml", System.StringComparison.Ordinal) || f.EndsWith(".json", System.StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Corpus.Root, f))
            .Append(Path.Combine("openai", "assistants-v1.yaml"))
            .Append(Path.Combine("openai", "assistants-v2.yaml"))
            .Order(System.StringComparer.Ordinal)
            .Select(f => new object[] { f });
    }

    private static async Task<(IReadOnlyList<ContractKit.CodeGen.GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)> Emit(string relative)
    {
        var path = Corpus.PathOf(relative);
        var target = new SpecTarget(path, Path.Combine(Path.GetTempPath(), "unused"), "Corpus.Generated", "CorpusClient");
        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(target);
        Assert.True(exitCode == 0, string.Join("\n", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (files, diagnostics);
    }

    [CorpusTheory]
    [MemberData(nameof(SmallSpecs))]
    public void CorpusSpec_Generates_AndTheCodeCompilesClean(string relative)
    {
        var spec = corpus.Get(relative);

        Assert.Contains(spec.Files, f => f.RelativePath == "CorpusClient.g.cs");
        Assert.True(spec.Compiled.Problems.Count == 0, string.Join("\n", spec.Compiled.Problems));
    }

    [CorpusFact]
    public void WholeOpenAiSpec_CompilesWithNoErrorsAndNoWarnings()
    {
        var spec = corpus.Get(Path.Combine("openai", "openapi.yaml"));

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"OpenAI: {spec.Model.Types.Count} model types, {spec.Model.Operations.Count} operations, {spec.Compiled.SourceFiles} C# files; Roslyn compile + STJ source generator + emit: {spec.Compiled.Elapsed.TotalSeconds:0.0} s"));
        Assert.True(spec.Compiled.Problems.Count == 0, $"{spec.Compiled.Problems.Count} problems:\n" + string.Join("\n", spec.Compiled.Problems.Take(200)));
        Assert.NotNull(spec.Compiled.Image);
    }

    [CorpusFact]
    public async Task WholeOpenAiSpec_Generates_WithWarningsOnlyForWhatIsNotImplementedYet()
    {
        var (files, diagnostics) = await Emit(Path.Combine("openai", "openapi.yaml"));

        Assert.True(files.Count > 1500, $"only {files.Count} files");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(diagnostics, d => Assert.True(d.Location is { Line: > 0 }, $"no line for: {d}"));

        // Every warning, pinned: the spec's own two no-op discriminators (CK1006), and what the generator does not
        // implement yet (CK2001 unsupported keywords, CK2002 multipart fields that may be a file or a value). A new
        // warning, or one of these gone, is a change to look at.
        var warnings = diagnostics
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Id}@{d.Location!.Line}"))
            .Order(System.StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "CK1006@32119", "CK1006@77215",
                "CK2001@42165", "CK2001@61475", "CK2001@85822",
                "CK2002@71899", "CK2002@72000", "CK2002@72036",
            ],
            warnings);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.UnsupportedSchema && d.Message.StartsWith("'not' is not supported yet", System.StringComparison.Ordinal));
    }

    [CorpusFact]
    public void WholeOpenAiSpec_ReadTwice_GivesEqualModels()
    {
        var path = Corpus.PathOf("openai", "openapi.yaml");

        var first = TempSpec.BuildModel(path);
        var second = TempSpec.BuildModel(path);

        Assert.Equal(first, second);
        Assert.True(first.Types.Count > 1422, $"{first.Types.Count} types");
        Assert.Equal(288, first.Operations.Count);
    }
}
