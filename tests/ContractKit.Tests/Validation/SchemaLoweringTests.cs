using System;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Tests.Support;
using ContractKit.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

public sealed class SchemaLoweringTests
{
    private static readonly ContractModel Threads = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);

    private static JsonNode Def(JsonObject document, string typeId) =>
        document["$defs"]![new SchemaLowering(Threads).DefinitionKey(typeId)]!;

    private static JsonNode Def(ContractModel model, string typeId) =>
        new SchemaLowering(model).LowerDocument()["$defs"]![new SchemaLowering(model).DefinitionKey(typeId)]!;

    [Fact]
    public void Metadata_KeepsEveryLimit_IncludingKeyLength_AndAdmitsNull()
    {
        var document = new SchemaLowering(Threads).LowerDocument();

        var expected = JsonNode.Parse("""
            {
              "type": ["object", "null"],
              "additionalProperties": { "type": "string", "maxLength": 512 },
              "maxProperties": 16,
              "propertyNames": { "type": "string", "maxLength": 64 }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, Def(document, "#/components/schemas/Metadata")), Def(document, "#/components/schemas/Metadata").ToJsonString());
    }

    [Fact]
    public void ModifyThreadRequest_IsClosed_AndItsNullableInlineObjectIsNullable()
    {
        var document = new SchemaLowering(Threads).LowerDocument();
        var request = Def(document, "#/components/schemas/ModifyThreadRequest");

        Assert.False(request["additionalProperties"]!.GetValue<bool>());
        Assert.Null(request["required"]);
        var toolResources = request["properties"]!["tool_resources"]!;
        Assert.Equal(
            """{"anyOf":[{"$ref":"#/$defs/ModifyThreadRequest.tool_resources"},{"type":"null"}]}""",
            toolResources.ToJsonString());
        var fileIds = Def(document, "#/components/schemas/ModifyThreadRequest/properties/tool_resources/properties/code_interpreter")["properties"]!["file_ids"]!;
        Assert.Equal(20, fileIds["maxItems"]!.GetValue<int>());
        Assert.Equal("string", fileIds["items"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void ThreadObject_RequiresAllFive_AndObjectIsAStringEnum()
    {
        var document = new SchemaLowering(Threads).LowerDocument();
        var thread = Def(document, "#/components/schemas/ThreadObject");

        Assert.Equal(["id", "object", "created_at", "tool_resources", "metadata"], thread["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("""{"type":"string","enum":["thread"]}""", Def(document, "#/components/schemas/ThreadObject/properties/object").ToJsonString());
        Assert.Equal("""{"type":"integer","format":"int64"}""", thread["properties"]!["created_at"]!.ToJsonString());
    }

    [Fact]
    public void Use_RefersIntoTheRegisteredDocument_ByAbsoluteUri()
    {
        var body = Threads.Operations.Single().RequestBody!.Content.Single().Schema!;

        var schema = new SchemaLowering(Threads).LowerUse(body, new Uri("urn:contractkit:threads"));

        Assert.Equal("urn:contractkit:threads#/$defs/ModifyThreadRequest", schema["$ref"]!.GetValue<string>());
        Assert.Equal(SchemaLowering.Dialect, schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void DefinitionKeys_AreReadable_Unique_AndEscapedInPointers()
    {
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    b: { type: object, properties: { x: { type: string } } }
                    'we/ird {name}': { type: string, enum: [x] }
                A.b: { type: object, properties: { y: { type: string } } }
            """);
        var model = spec.BuildModel();
        var lowering = new SchemaLowering(model);

        Assert.Equal("A.b", lowering.DefinitionKey("#/components/schemas/A.b"));
        Assert.Equal("A.b~2", lowering.DefinitionKey("#/components/schemas/A/properties/b"));
        Assert.Equal("#/$defs/A.we~1ird%20%7Bname%7D", lowering.DefinitionPointer("#/components/schemas/A/properties/we~1ird {name}"));
    }

    [Fact]
    public void Discriminator_MappingIsCompleted_WithImplicitComponentNames()
    {
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Cat: { type: object, required: [kind], properties: { kind: { type: string }, meows: { type: boolean } } }
                Dog: { type: object, required: [kind], properties: { kind: { type: string }, barks: { type: boolean } } }
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
                  discriminator:
                    propertyName: kind
                    mapping: { doggo: '#/components/schemas/Dog' }
            """);

        var pet = Def(spec.BuildModel(), "#/components/schemas/Pet");

        Assert.Equal(
            """{"propertyName":"kind","mapping":{"doggo":"#/$defs/Dog","Cat":"#/$defs/Cat","Dog":"#/$defs/Dog"}}""",
            pet["discriminator"]!.ToJsonString());
    }
}
