using System.Linq;
using ContractKit.Lint;
using ContractKit.Lint.Rules;
using ContractKit.Reading;
using ContractKit.Reporting;
using ContractKit.Tests.Support;
using Xunit;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Lint;

/// <summary>CK4018: keywords beside a 3.0 <c>$ref</c> are ignored; lint says so at the sibling, with the allOf fix.</summary>
public sealed class RefSiblingRuleTests
{
    private const string Schemas = """
        paths: {}
        components:
          schemas:
            OpenAIFile: {type: object, properties: {id: {type: string}}}
            Message:
              type: object
              properties:
                file: {$ref: '#/components/schemas/OpenAIFile', nullable: true, x-note: kept}
                fixed: {allOf: [{$ref: '#/components/schemas/OpenAIFile'}], nullable: true}
                plain: {$ref: '#/components/schemas/OpenAIFile'}
        """;

    private static Finding[] Lint(string version)
    {
        using var spec = new TempSpec($"openapi: {version}\ninfo: {{title: T, version: '1'}}\n" + Schemas);
        return LintPipeline.Lint(SpecReader.Read(spec.Path)).Findings.Where(f => f.RuleId == RefSiblingRule.RefSiblingIgnored.Id).ToArray();
    }

    [Fact]
    public void NullableBesideRef_In30_IsAWarningAtTheSibling_WithTheAllOfFix()
    {
        var f = Assert.Single(Lint("3.0.3"));
        Assert.Equal(FindingLevel.Warning, f.Level);
        Assert.Equal("#/components/schemas/Message/properties/file/nullable", f.Location!.Pointer);
        Assert.Equal(10, f.Location.Line);
        Assert.Contains("{allOf: [{$ref: '#/components/schemas/OpenAIFile'}], nullable: true}", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void SiblingsIn31_AreApplied_AndNotFlagged() => Assert.Empty(Lint("3.1.0"));
}
