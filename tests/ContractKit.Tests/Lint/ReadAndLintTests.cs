using System.IO;
using System.Threading.Tasks;
using ContractKit.Lint;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Lint;

/// <summary>
/// <see cref="LintPipeline.ReadAndLintAsync(string, ContractKit.Lint.LintOptions?, System.Threading.CancellationToken)"/> walks the document while Microsoft.OpenApi reads it and checks examples
/// beside the other rules: it must find exactly what reading first and then linting finds, in the same order.
/// </summary>
public sealed class ReadAndLintTests
{
    [Theory]
    [InlineData("threads.yaml")]
    [InlineData("shapes.yaml")]
    public async Task RepositorySpec_SameFindingsAsReadThenLint(string file) =>
        await AssertSameAsSequential(Path.Combine(Corpus.RepoRoot, "spec", file));

    [CorpusTheory]
    [InlineData("oai-examples", "petstore-expanded.yaml")]
    [InlineData("oai-examples", "uspto.yaml")]
    [InlineData("openai", "assistants-v2.yaml")]
    [InlineData("openai", "openapi.yaml")]
    public async Task CorpusSpec_SameFindingsAsReadThenLint(string folder, string file) =>
        await AssertSameAsSequential(Corpus.PathOf(folder, file));

    public static TheoryData<string> RuleSpecTexts() => [RuleSpecs.RuleError, RuleSpecs.RuleWarningAndError, RuleSpecs.RootProblems];

    /// <summary>Microsoft.OpenApi's validation rules run while the model is built; what they find is as when they ran first.</summary>
    [Theory]
    [MemberData(nameof(RuleSpecTexts))]
    public async Task SpecWithValidationRuleFindings_SameFindingsAsReadThenLint(string content)
    {
        using var spec = new TempSpec(content);

        await AssertSameAsSequential(spec.Path);
    }

    [Fact]
    public async Task SpecWithSyntaxErrors_NoResult_DiagnosticsAsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ck-read-and-lint-{System.Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "openapi: 3.1.0\ninfo: [unclosed\npaths: {}\n");
        try
        {
            var (read, result) = await LintPipeline.ReadAndLintAsync(path);
            var expected = await SpecReader.ReadAsync(path);

            Assert.Null(result);
            Assert.Null(read.Document);
            Assert.NotEmpty(read.Diagnostics);
            Assert.Equal(expected.Diagnostics, read.Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task AssertSameAsSequential(string path)
    {
        var expectedRead = await SpecReader.ReadAsync(path);
        var expected = LintPipeline.Lint(expectedRead);

        var (read, result) = await LintPipeline.ReadAndLintAsync(path);

        Assert.NotNull(read.Document);
        Assert.Equal(expectedRead.Diagnostics, read.Diagnostics);
        Assert.NotNull(result);
        Assert.Equal(expected.Findings, result.Findings);
        Assert.Equal(expected.ExamplesChecked, result.ExamplesChecked);
        Assert.Equal(expected.ExamplesSkipped, result.ExamplesSkipped);
    }
}
