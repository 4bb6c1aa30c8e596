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
        document["$defs"]![SchemaLowering.DefinitionKey(typeId)]!;

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
            """{"anyOf":[{"$ref":"#/$defs/components~1schemas~1ModifyThreadRequest~1properties~1tool_resources"},{"type":"null"}]}""",
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

        Assert.Equal("urn:contractkit:threads#/$defs/components~1schemas~1ModifyThreadRequest", schema["$ref"]!.GetValue<string>());
        Assert.Equal(SchemaLowering.Dialect, schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void DefinitionPointer_EscapesPointerAndUriCharacters()
    {
        // The $defs key is the id without "#/", one token: its '/' and '~' are escaped, then '{' and '}' percent-encoded.
        Assert.Equal(
            "#/$defs/paths~1~01threads~01%7Bthread_id%7D~1post",
            SchemaLowering.DefinitionPointer("#/paths/~1threads~1{thread_id}/post"));
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

        var pet = Def(new SchemaLowering(spec.BuildModel()).LowerDocument(), "#/components/schemas/Pet");

        Assert.Equal(
            """{"propertyName":"kind","mapping":{"doggo":"#/$defs/components~1schemas~1Dog","Cat":"#/$defs/components~1schemas~1Cat","Dog":"#/$defs/components~1schemas~1Dog"}}""",
            pet["discriminator"]!.ToJsonString());
    }
}
