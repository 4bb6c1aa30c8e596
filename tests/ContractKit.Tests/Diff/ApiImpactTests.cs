using System.Linq;
using ContractKit.Diff;
using ContractKit.Reporting;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;

namespace ContractKit.Tests.Diff;

/// <summary>Changes harmless on the wire that rename what <c>generate</c> writes: reported as impact "api", naming the C# symbols.</summary>
public sealed class ApiImpactTests
{
    private const string Thing = "{type: object, properties: {a: {type: string}, e: {type: string, enum: [x, y]}}}";

    private static Finding OnlyApi(string baseYaml, string headYaml, DiffRule rule, string message)
    {
        var findings = Changes(baseYaml, headYaml);
        Assert.True(findings.Count > 0 && findings.All(f => f.Impact == DiffRules.Api && f.Level == FindingLevel.Warning), "expected api warnings only:\n" + Describe(findings));
        return Assert.Single(findings, f => f.RuleId == rule.Id && f.Message.Contains(message, System.StringComparison.Ordinal));
    }

    [Fact]
    public void ComponentRenamed_RenamesTheDto()
    {
        var f = OnlyApi(
            Api(request: "{$ref: '#/components/schemas/Old'}", schemas: "Old: " + Thing),
            Api(request: "{$ref: '#/components/schemas/New'}", schemas: "New: " + Thing),
            DiffRules.ApiTypeRenamed, "generated type Old becomes New (the component was renamed)");

        // Its inline enum is named after it, so that type is renamed too.
        Assert.Contains("OldE becomes NewE", Describe(Changes(
            Api(request: "{$ref: '#/components/schemas/Old'}", schemas: "Old: " + Thing),
            Api(request: "{$ref: '#/components/schemas/New'}", schemas: "New: " + Thing))), System.StringComparison.Ordinal);
    }

    [Fact]
    public void InlineSchemaMoved_RenamesTheGeneratedType()
    {
        var f = OnlyApi(Api(request: Thing), Api(request: "{$ref: '#/components/schemas/Item'}", schemas: "Item: " + Thing), DiffRules.ApiTypeRenamed, "generated type OpRequest becomes Item");
        Assert.Contains("the schema moved from #/paths/", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void InlineEnumMovedToAComponentOfTheSameGeneratedName_IsSilent() =>
        None(Changes(
            Api(request: "{$ref: '#/components/schemas/Item'}", schemas: "Item: " + Thing),
            Api(request: "{$ref: '#/components/schemas/Item'}", schemas: "Item: {type: object, properties: {e: {$ref: '#/components/schemas/ItemE'}, a: {type: string}}}\nItemE: {type: string, enum: [x, y]}")));

    [Fact]
    public void EnumValueRenamed_NamesTheMembers()
    {
        var findings = Changes(Api(response: "{$ref: '#/components/schemas/Color'}", schemas: "Color: {type: string, enum: [red, green]}"),
            Api(response: "{$ref: '#/components/schemas/Color'}", schemas: "Color: {type: string, enum: [red, lime]}"));
        var f = Single(findings, DiffRules.ApiEnumMemberRenamed);
        Assert.Contains("Color.Green no longer generated (renamed to Color.Lime)", f.Message, System.StringComparison.Ordinal);
        Assert.Contains(findings, w => w.RuleId == DiffRules.ResponseEnumValueAdded.Id);
    }

    [Fact]
    public void PropertyWhoseCSharpNameCollides_IsRenamed()
    {
        // 'a_b' and 'aB' both want AB; adding the second shifts the first's C# name when it sorts first.
        var findings = Changes(
            Api(response: "{$ref: '#/components/schemas/T'}", schemas: "T: {type: object, properties: {aB: {type: string}}}"),
            Api(response: "{$ref: '#/components/schemas/T'}", schemas: "T: {type: object, properties: {a_b: {type: string}, aB: {type: string}}}"));
        var f = Single(findings, DiffRules.ApiPropertyRenamed);
        Assert.Contains("T.AB ('aB') becomes T.AB2", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task TagRenamed_MovesTheMethodToAnotherClient_WhenClientsAreGroupedByTag()
    {
        var tag = Api(operationExtras: "tags: [items]");
        var renamed = Api(operationExtras: "tags: [things]");
        using var files = new Support.TempFiles();
        var run = await DiffPipeline.RunAsync(new DiffRequest
        {
            Base = files.Write("base.yaml", tag),
            Head = files.Write("head.yaml", renamed),
            Api = DiffOptions.DefaultApi with { Clients = ContractKit.CodeGen.ClientGrouping.Tag },
        });
        var f = Single(run.Findings, DiffRules.ApiClientRenamed);
        Assert.Contains("OpAsync moves from ItemsClient to ThingsClient", f.Message, System.StringComparison.Ordinal);
        None(Changes(tag, renamed));
    }

    [Fact]
    public void ApiFindings_HaveTheirOwnFailThreshold()
    {
        var findings = Changes(Api(), Api().Replace("operationId: op", "operationId: other", System.StringComparison.Ordinal));
        Assert.Equal(0, DiffPipeline.ExitCodeFor(findings, FindingLevel.Warning, FindingLevel.Error));
        Assert.Equal(1, DiffPipeline.ExitCodeFor(findings, FindingLevel.Error, FindingLevel.Warning));
    }
}
