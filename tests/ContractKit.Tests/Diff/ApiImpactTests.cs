using System.Linq;
using ContractKit.Diff;
using ContractKit.Reporting;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;
using ContractKit.Pipeline;

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

    [Fact]
    public void NamedSymbols_AreExactlyWhatGenerateWrites()
    {
        // An operationId renamed, a component renamed, an inline schema moved to a component of another name.
        var before = Api(request: "{$ref: '#/components/schemas/Old'}", response: Thing, schemas: "Old: " + Thing);
        var after = Api(request: "{$ref: '#/components/schemas/New'}", response: "{$ref: '#/components/schemas/Reply'}", schemas: "New: " + Thing + "\nReply: " + Thing)
            .Replace("operationId: op", "operationId: updateItem", System.StringComparison.Ordinal);
        var findings = Changes(before, after);
        var (baseCode, headCode) = (Generate(before), Generate(after));

        var renames = findings.Where(f => f.RuleId == DiffRules.ApiTypeRenamed.Id).ToList();
        Assert.Equal(4, renames.Count); // Old, OldE, OpResponse, OpResponseE → New, NewE, Reply, ReplyE
        foreach (var f in renames)
        {
            var match = System.Text.RegularExpressions.Regex.Match(f.Message, @"generated type (\w+) becomes (\w+)");
            var (oldName, newName) = (match.Groups[1].Value, match.Groups[2].Value);
            Assert.Contains("Models/" + oldName + ".g.cs", baseCode.Keys);
            Assert.DoesNotContain("Models/" + oldName + ".g.cs", headCode.Keys);
            Assert.Contains("Models/" + newName + ".g.cs", headCode.Keys);
        }

        var method = Single(findings, DiffRules.OperationIdChanged);
        Assert.Contains("OpAsync becomes UpdateItemAsync", method.Message, System.StringComparison.Ordinal);
        Assert.Contains(baseCode.Values, c => c.Contains(" OpAsync(", System.StringComparison.Ordinal));
        Assert.Contains(headCode.Values, c => c.Contains(" UpdateItemAsync(", System.StringComparison.Ordinal));
    }

    private static System.Collections.Generic.Dictionary<string, string> Generate(string yaml)
    {
        using var spec = new Support.TempSpec(yaml);
        var model = ContractKit.ModelBuilding.ModelBuilder.Build(ContractKit.Reading.SpecReader.Read(spec.Path)).Model;
        return ContractKit.CodeGen.CSharpEmitter.Generate(model, DiffOptions.DefaultApi).Files.ToDictionary(f => f.RelativePath, f => f.Content);
    }
}
