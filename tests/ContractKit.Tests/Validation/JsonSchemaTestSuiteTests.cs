using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.Validation;

/// <summary>
/// The official JSON-Schema-Test-Suite as data: every required file of draft 4 and 2020-12 must pass (exclusions,
/// with reasons, are in <see cref="SuiteRunner.Exclusions"/>); optional files are counted and reported only.
/// 2020-12 runs with format as annotation (the suite's required files expect that); draft 4 with format assertion.
/// </summary>
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> RequiredFiles()
    {
        var data = new TheoryData<string, string>();
        if (Corpus.Root is null)
        {
            data.Add("draft4", "(corpus missing)");
            return data;
        }

        foreach (var draft in new[] { "draft4", "draft2020-12" })
        {
            foreach (var file in SuiteRunner.Files(draft, optional: false))
            {
                data.Add(draft, file);
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(RequiredFiles))]
    public void RequiredSuiteFile_EveryTestGetsTheExpectedVerdict(string draft, string file)
    {
        var outcome = SuiteRunner.RunFile(draft, file, formatAssertion: draft == "draft4");
        Assert.True(outcome.Failed == 0, $"{outcome.Failed} failed, {outcome.Passed} passed:\n" + string.Join("\n", outcome.Failures));
    }

    /// <summary>
    /// The figures docs/validation.md quotes, as minimums: a validator regression lowers a pass count, and a truncated suite
    /// folder lowers the total (the suite only grows, so more tests than these is fine).
    /// </summary>
    [CorpusTheory]
    [InlineData("draft4", false, 618, 618)]
    [InlineData("draft4", true, 319, 319)]
    [InlineData("draft2020-12", false, 1299, 1299)]
    [InlineData("draft2020-12", true, 825, 926)]
    public void SuitePassCounts_MeetTheFiguresTheDocsQuote(string draft, bool optional, int minimumPassed, int minimumTotal)
    {
        int passed = 0, failed = 0, excluded = 0;
        var failures = new List<string>();
        foreach (var file in SuiteRunner.Files(draft, optional))
        {
            var assertFormat = draft == "draft4" || (optional && file.StartsWith("optional/format", System.StringComparison.Ordinal));
            var o = SuiteRunner.RunFile(draft, file, assertFormat);
            passed += o.Passed;
            failed += o.Failed;
            excluded += o.Excluded;
            failures.AddRange(o.Failures);
        }

        output.WriteLine($"{draft} {(optional ? "optional" : "required")}: {passed} passed, {failed} failed, {excluded} excluded");
        foreach (var f in failures.Take(optional ? 400 : 100))
        {
            output.WriteLine("  " + f);
        }

        Assert.Equal(0, excluded);
        Assert.True(passed + failed >= minimumTotal, $"only {passed + failed} tests ran; the suite has at least {minimumTotal}: is the suite folder complete?");
        Assert.True(passed >= minimumPassed, $"{passed} passed, fewer than the {minimumPassed} docs/validation.md quotes");
        if (!optional)
        {
            Assert.Equal(0, failed);
        }
    }
}
