using System;
using System.IO;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class CorpusReadingTests
{
    [CorpusTheory]
    [InlineData("oai-examples", "api-with-examples.yaml")]
    [InlineData("oai-examples", "callback-example.yaml")]
    [InlineData("oai-examples", "link-example.yaml")]
    [InlineData("oai-examples", "petstore-expanded.yaml")]
    [InlineData("oai-examples", "petstore.yaml")]
    [InlineData("oai-examples", "uspto.yaml")]
    [InlineData("openai", "assistants-v1.yaml")]
    [InlineData("openai", "assistants-v2.yaml")]
    [InlineData("openai", "openapi.yaml")]
    public void CorpusSpec_ReadsWithoutErrors(string folder, string file)
    {
        var result = SpecReader.Read(Corpus.PathOf(folder, file));

        Assert.True(!result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.NotNull(result.Document);
        Assert.All(result.Diagnostics, d => Assert.True(d.Location!.Line > 0, d.ToString()));
    }

    [CorpusFact]
    public void EveryOaiExample_ReadsWithoutErrors()
    {
        var files = Directory.GetFiles(Corpus.PathOf("oai-examples"), "*.*")
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(SpecReader.Read(file).HasErrors, file));
    }

    [CorpusFact]
    public void OpenAiSpec_KeepBlockScalarOfOnlySpaces_ReadsAsNewline()
    {
        // Line 63,264: "example: |+", a line of 12 spaces, then "nullable: true" less indented. YamlDotNet 16.3.0
        // alone rejects it; the value a correct YAML 1.2 parser gives is "\n" (see YamlBlockScalarWorkaround).
        var result = SpecReader.Read(Corpus.PathOf("openai", "openapi.yaml"));

        const string pointer = "#/components/schemas/StopConfiguration/oneOf/0/example";
        var location = result.Source.Locate(pointer);
        Assert.Equal((63264, 11), (location!.Line, location.Column));
        var schema = result.Document!.Components!.Schemas!["StopConfiguration"].OneOf![0];
#pragma warning disable CS0618 // Example is obsolete in Microsoft.OpenApi 3.x; a 3.1 "example" keyword still lands there.
        var example = schema.Example;
#pragma warning restore CS0618
        Assert.Equal("\n", example!.GetValue<string>());
    }

    [CorpusFact]
    public void OpenAiSpec_InertDiscriminators_AreWarningsAtTheirLines()
    {
        var result = SpecReader.Read(Corpus.PathOf("openai", "openapi.yaml"));

        var warnings = result.Diagnostics.Where(d => d.Id == DiagnosticIds.OpenApiWarning).ToArray();
        Assert.Equal([32119, 77215], warnings.Select(w => w.Location!.Line).ToArray());
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
    }
}
