using ContractKit.Reporting;
using Xunit;

namespace ContractKit.Tests.Reporting;

public sealed class ReportPolicyTests
{
    [Theory]
    [InlineData(ReportFormat.Text, false, null, true)]
    [InlineData(ReportFormat.Text, false, "", true)]
    [InlineData(ReportFormat.Text, false, "1", false)]
    [InlineData(ReportFormat.Text, true, null, false)]
    [InlineData(ReportFormat.Json, false, null, false)]
    [InlineData(ReportFormat.Sarif, false, null, false)]
    public void Color_OnlyForTextToATerminal_AndNoColorDisablesItWhenNotEmpty(ReportFormat format, bool redirected, string? noColor, bool expected) =>
        Assert.Equal(expected, ReportPolicy.UseColor(format, redirected, noColor));

    [Fact]
    public void Levels_OffAndNoneDropARule_AndKeysIgnoreCase()
    {
        var levels = ReportPolicy.ParseLevels(["a=off", "B = none", "c=Warning"], _ => true, hint: null, out var error);

        Assert.Null(error);
        Assert.NotNull(levels);
        Assert.Null(levels["A"]);
        Assert.Null(levels["b"]);
        Assert.Equal(FindingLevel.Warning, levels["C"]);
    }

    [Theory]
    [InlineData("unknown=off")]
    [InlineData("known=loud")]
    [InlineData("=off")]
    [InlineData("known")]
    public void Levels_RejectUnknownRulesAndLevels_SayingWhatIsExpected(string item)
    {
        var levels = ReportPolicy.ParseLevels([item], rule => rule == "known", "rules: known", out var error);

        Assert.Null(levels);
        Assert.Equal($"--level '{item}': expected <rule>=error|warning|info|off with a known rule id; rules: known", error);
    }

    [Fact]
    public void FailOn_IsAThreshold_NoneNeverFails()
    {
        Finding[] findings = [new("x", FindingLevel.Warning, "m", null)];

        Assert.Equal(0, ReportPolicy.ExitCodeFor(findings, ReportPolicy.ParseFailOn("error")));
        Assert.Equal(1, ReportPolicy.ExitCodeFor(findings, ReportPolicy.ParseFailOn("warning")));
        Assert.Equal(1, ReportPolicy.ExitCodeFor(findings, ReportPolicy.ParseFailOn("info")));
        Assert.Equal(0, ReportPolicy.ExitCodeFor(findings, ReportPolicy.ParseFailOn("none")));
    }
}
