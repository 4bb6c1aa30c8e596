using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Reporting;
using Xunit;

namespace ContractKit.Tests.Diff;

public sealed class ReportingTests
{
    private static readonly Finding[] Findings =
    [
        new("response-property-removed", FindingLevel.Error, "required response property 'a' in response 200, 100% gone\nreally", new SourceLocation("spec/api.yaml", 12, 5, "#/components/schemas/Thing"))
        {
            Operation = "GET /things/{id}", Direction = "response", OasdiffId = "response-required-property-removed",
        },
        new("request-property-removed", FindingLevel.Warning, "request property 'b' was removed", new SourceLocation("spec/api.yaml", 20, 7, "#/components/schemas/In"))
        {
            Operation = "POST /things", Direction = "request",
        },
        new("ignore-entry-stale", FindingLevel.Info, "ignore[0] matched no finding", new SourceLocation("ignore.json", 0, 0)),
    ];

    private static readonly ReportContext Context = new("diff", "git:main:spec/api.yaml", "spec/api.yaml", Color: false)
    {
        RuleDescriptions = ContractKit.Diff.DiffRules.Titles,
    };

    private static string Render(ReportFormat format, bool color = false)
    {
        using var writer = new StringWriter();
        FindingWriter.Write(writer, Findings, format, Context with { Color = color });
        return writer.ToString();
    }

    [Fact]
    public void Text_OneLinePerFinding_ColorOnlyWhenAsked()
    {
        var text = Render(ReportFormat.Text);
        Assert.Contains("spec/api.yaml(12,5): error response-property-removed: GET /things/{id}: required response property", text, System.StringComparison.Ordinal);
        Assert.Contains("1 error(s), 1 warning(s), 1 info", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, System.StringComparison.Ordinal);
        Assert.Contains("\u001b[", Render(ReportFormat.Text, color: true), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_SummaryTable_ThenGroupsByOperation()
    {
        var md = Render(ReportFormat.Markdown);
        Assert.Contains("| Level | Count |", md, System.StringComparison.Ordinal);
        Assert.Contains("error | 1 |", md, System.StringComparison.Ordinal);
        Assert.Contains("#### `GET /things/{id}`", md, System.StringComparison.Ordinal);
        Assert.Contains("#### General", md, System.StringComparison.Ordinal);
        Assert.True(md.IndexOf("GET /things", System.StringComparison.Ordinal) < md.IndexOf("#### General", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Json_StableFieldNames()
    {
        var json = JsonNode.Parse(Render(ReportFormat.Json))!;
        Assert.Equal("diff", json["command"]!.GetValue<string>());
        Assert.Equal(1, json["summary"]!["error"]!.GetValue<int>());
        var first = json["findings"]![0]!;
        Assert.Equal("response-property-removed", first["ruleId"]!.GetValue<string>());
        Assert.Equal("error", first["level"]!.GetValue<string>());
        Assert.Equal("response", first["direction"]!.GetValue<string>());
        Assert.Equal("response-required-property-removed", first["oasdiffId"]!.GetValue<string>());
        Assert.Equal(12, first["line"]!.GetValue<int>());
        Assert.Equal("#/components/schemas/Thing", first["pointer"]!.GetValue<string>());
        Assert.Null(json["findings"]![1]!["oasdiffId"]);
    }

    [Fact]
    public void GitHub_WorkflowCommands_Escaped()
    {
        var lines = Render(ReportFormat.GitHub).Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("::error file=spec/api.yaml,line=12,col=5,title=response-property-removed::GET /things/{id}: required response property 'a' in response 200, 100%25 gone%0Areally", lines[0]);
        Assert.StartsWith("::warning file=spec/api.yaml,line=20,col=7,", lines[1], System.StringComparison.Ordinal);
        Assert.StartsWith("::notice file=ignore.json,title=ignore-entry-stale::", lines[2], System.StringComparison.Ordinal);
        Assert.Equal("a%3Ab%2Cc%25", FindingWriter.Property("a:b,c%"));
    }

    [Fact]
    public void Sarif_2_1_0_RulesAndResults()
    {
        var sarif = JsonNode.Parse(Render(ReportFormat.Sarif))!;
        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["ignore-entry-stale", "request-property-removed", "response-property-removed"], rules);
        var result = run["results"]![0]!;
        Assert.Equal("response-property-removed", result["ruleId"]!.GetValue<string>());
        Assert.Equal("error", result["level"]!.GetValue<string>());
        Assert.Equal(2, result["ruleIndex"]!.GetValue<int>());
        var physical = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("spec/api.yaml", physical["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal(12, physical["region"]!["startLine"]!.GetValue<int>());
        Assert.Equal("note", run["results"]![2]!["level"]!.GetValue<string>());
    }
}
