using System;
using System.Diagnostics;
using System.Linq;
using ContractKit.Lint;
using ContractKit.Reading;
using ContractKit.Reporting;
using Xunit;
using Xunit.Abstractions;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Lint;

public sealed class CorpusLintTests
{
    private readonly ITestOutputHelper _output;

    public CorpusLintTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Every finding on the real specs, counted per rule and level and pinned: a rule that stops firing (or starts
    /// firing everywhere) fails here, and so does an example check that stops checking. A change to these figures is
    /// a change to read, finding by finding, before it is pinned again.
    /// </summary>
    [CorpusTheory]
    [InlineData("oai-examples", "petstore-expanded.yaml", 0, "")]
    [InlineData("oai-examples", "api-with-examples.yaml", 0, "")]
    [InlineData("oai-examples", "callback-example.yaml", 2, "CK4005 Info 1")]
    [InlineData("oai-examples", "link-example.yaml", 0, "")]
    [InlineData("oai-examples", "uspto.yaml", 8, "")]
    [InlineData("openai", "assistants-v2.yaml", 212, "CK4001 Error 4; CK4003 Warning 32; CK4011 Error 2; CK4011 Warning 1; CK4015 Warning 1; CK4018 Warning 14")]
    [InlineData("openai", "openapi.yaml", 966, "CK1006 Warning 2; CK4001 Error 13; CK4002 Error 15; CK4003 Warning 201; CK4005 Info 16; CK4009 Error 2; CK4010 Warning 8; CK4011 Warning 12; CK4015 Warning 1; CK4016 Warning 119; CK4017 Warning 6")]
    public void CorpusSpec_Lints_EveryFindingLocated_AndTheCountsPerRuleArePinned(string folder, string file, int examplesChecked, string counts)
    {
        var read = SpecReader.Read(Corpus.PathOf(folder, file));
        var clock = Stopwatch.StartNew();
        var result = LintPipeline.Lint(read);
        clock.Stop();

        _output.WriteLine($"{file}: {result.Findings.Count} findings in {clock.ElapsedMilliseconds} ms (model + lint); examples checked {result.ExamplesChecked}, skipped {result.ExamplesSkipped}");
        var actual = string.Join("; ", result.Findings
            .GroupBy(f => (f.RuleId, f.Level))
            .OrderBy(g => g.Key.RuleId, StringComparer.Ordinal).ThenBy(g => g.Key.Level.ToString(), StringComparer.Ordinal)
            .Select(g => $"{g.Key.RuleId} {g.Key.Level} {g.Count()}"));
        _output.WriteLine(actual);

        Assert.All(result.Findings, f => Assert.True(f.Location is { Line: > 0 }, f.ToString()));
        Assert.Equal(counts, actual);
        Assert.Equal(examplesChecked, result.ExamplesChecked);
    }
}
