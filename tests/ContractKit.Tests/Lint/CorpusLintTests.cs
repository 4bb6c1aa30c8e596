using System;
using System.Diagnostics;
using System.Linq;
using ContractKit.Lint;
using ContractKit.Reading;
using ContractKit.Reporting;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.Lint;

public sealed class CorpusLintTests
{
    private readonly ITestOutputHelper _output;

    public CorpusLintTests(ITestOutputHelper output) => _output = output;

    [CorpusTheory]
    [InlineData("oai-examples", "petstore-expanded.yaml")]
    [InlineData("oai-examples", "api-with-examples.yaml")]
    [InlineData("oai-examples", "callback-example.yaml")]
    [InlineData("oai-examples", "link-example.yaml")]
    [InlineData("oai-examples", "uspto.yaml")]
    [InlineData("openai", "assistants-v2.yaml")]
    [InlineData("openai", "openapi.yaml")]
    public void CorpusSpec_Lints_EveryFindingLocated(string folder, string file)
    {
        var read = SpecReader.Read(Corpus.PathOf(folder, file));
        var clock = Stopwatch.StartNew();
        var result = SpecLinter.Lint(read);
        clock.Stop();

        _output.WriteLine($"{file}: {result.Findings.Count} findings in {clock.ElapsedMilliseconds} ms (model + lint); examples checked {result.ExamplesChecked}, skipped {result.ExamplesSkipped}");
        foreach (var group in result.Findings.GroupBy(f => (f.RuleId, f.Level)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {group.Key.RuleId} {group.Key.Level}: {group.Count()}");
        }

        Assert.All(result.Findings, f => Assert.True(f.Location is { Line: > 0 }, f.ToString()));
    }
}
