using System.Linq;
using ContractKit.Model;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Model;

public sealed class ModelBuilderTests
{
    private static readonly TypeUse NullableString = new(new PrimitiveRef(PrimitiveKind.String), Nullable: true);

    [Fact]
    public void ReadingTheSameSpecTwice_GivesEqualModels()
    {
        var first = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);
        var second = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first, second);
    }

    [Fact]
    public void EveryWayToSayNullable_ResolvesToTheSameTypeUse()
    {
        using var v30 = new TempSpec("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    flag: { type: string, nullable: true }
            """);
        using var v31 = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    typeArray: { type: [string, 'null'] }
                    anyOfNull: { anyOf: [ { type: string }, { type: 'null' } ] }
                    oneOfNull: { oneOf: [ { type: 'null' }, { type: string } ] }
            """);

        var holder30 = (ObjectType)v30.BuildModel().Types.Single(t => t.Id == "#/components/schemas/Holder");
        var holder31 = (ObjectType)v31.BuildModel().Types.Single(t => t.Id == "#/components/schemas/Holder");

        Assert.Equal(NullableString, holder30.Properties.Single(p => p.JsonName == "flag").Type);
        foreach (var property in holder31.Properties)
        {
            Assert.Equal(NullableString, property.Type);
        }
    }

    [Fact]
    public void NullableReference_ToComponent_IsNullableNamedUse()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Thing: { type: object, properties: { id: { type: string } } }
                Holder:
                  type: object
                  required: [maybe, always]
                  properties:
                    maybe: { anyOf: [ { $ref: '#/components/schemas/Thing' }, { type: 'null' } ] }
                    always: { $ref: '#/components/schemas/Thing' }
            """);

        var holder = (ObjectType)spec.BuildModel().Types.Single(t => t.Id == "#/components/schemas/Holder");

        var thing = new NamedRef("#/components/schemas/Thing");
        Assert.Equal(new TypeUse(thing, Nullable: true), holder.Properties[0].Type);
        Assert.Equal(new TypeUse(thing, Nullable: false), holder.Properties[1].Type);
        Assert.All(holder.Properties, p => Assert.True(p.Required));
    }

    [Fact]
    public void ThreadsSpec_ModifyThreadRequest_HasOptionalNullableProperties_AndClosedShape()
    {
        var model = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);
        var request = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/ModifyThreadRequest");

        Assert.True(request.AdditionalPropertiesForbidden);
        Assert.Equal(["tool_resources", "metadata"], request.Properties.Select(p => p.JsonName));
        Assert.All(request.Properties, p => Assert.False(p.Required));
        Assert.All(request.Properties, p => Assert.True(p.Type.Nullable));

        var toolResources = request.Properties[0];
        var inlineId = "#/components/schemas/ModifyThreadRequest/properties/tool_resources";
        Assert.Equal(new NamedRef(inlineId), toolResources.Type.Type);
        var inline = (ObjectType)model.Types.Single(t => t.Id == inlineId);
        Assert.Equal(["ModifyThreadRequest", "tool_resources"], inline.NameParts);
    }

    [Fact]
    public void ThreadsSpec_KeepsTheLimits()
    {
        var model = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);

        var metadata = (MapType)model.Types.Single(t => t.Id == "#/components/schemas/Metadata");
        Assert.True(metadata.Nullable);
        Assert.Equal(16, metadata.Constraints.MaxProperties);
        Assert.Equal(64, metadata.Constraints.PropertyNames?.MaxLength);
        Assert.Equal(new PrimitiveRef(PrimitiveKind.String), metadata.Values.Type);
        Assert.Equal(512, metadata.Values.Constraints.MaxLength);

        var codeInterpreter = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/ModifyThreadRequest/properties/tool_resources/properties/code_interpreter");
        var fileIds = codeInterpreter.Properties.Single();
        Assert.Equal(20, fileIds.Type.Constraints.MaxItems);
        Assert.Equal("[]", fileIds.Type.Constraints.Default);
        var fileSearch = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/ModifyThreadRequest/properties/tool_resources/properties/file_search");
        Assert.Equal(1, fileSearch.Properties.Single().Type.Constraints.MaxItems);
    }

    [Fact]
    public void ThreadsSpec_ThreadObject_RequiresEverything_AndObjectIsAnEnum()
    {
        var model = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);
        var thread = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/ThreadObject");

        Assert.All(thread.Properties, p => Assert.True(p.Required));
        var nullables = thread.Properties.Where(p => p.Type.Nullable).Select(p => p.JsonName);
        Assert.Equal(["tool_resources", "metadata"], nullables);
        var objectEnum = (EnumType)model.Types.Single(t => t.Id == "#/components/schemas/ThreadObject/properties/object");
        Assert.Equal([new EnumValue("thread")], objectEnum.Values);
        Assert.Equal(new PrimitiveRef(PrimitiveKind.Integer, "int64"), thread.Properties.Single(p => p.JsonName == "created_at").Type.Type);
    }

    [Fact]
    public void ThreadsSpec_Operation_IsFullyDescribed()
    {
        var model = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);

        var operation = Assert.Single(model.Operations);
        Assert.Equal("modifyThread", operation.OperationId);
        Assert.Equal("POST", operation.Method);
        Assert.Equal("/threads/{thread_id}", operation.Path);
        var parameter = Assert.Single(operation.Parameters);
        Assert.Equal(("thread_id", ParameterLocation.Path, true), (parameter.Name, parameter.In, parameter.Required));
        Assert.True(operation.RequestBody!.Required);
        Assert.Equal(new NamedRef("#/components/schemas/ModifyThreadRequest"), operation.RequestBody.Content.Single().Schema!.Type);
        Assert.Equal(["200", "default"], operation.Responses.Select(r => r.StatusCode));
        Assert.Equal("BearerAuth", operation.Security.Single().Schemes.Single().SchemeName);
        Assert.Equal("https://api.openai.com/v1", model.Servers.Single().Url);
        var scheme = model.SecuritySchemes.Single();
        Assert.Equal((SecuritySchemeKind.Http, "bearer"), (scheme.Kind, scheme.HttpScheme));
    }

    [Fact]
    public void AllOf_MergesPropertiesAndRequired_FromEveryPart()
    {
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  required: [id]
                  properties: { id: { type: string } }
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      required: [name]
                      properties: { name: { type: string } }
            """);

        var derived = (ObjectType)spec.BuildModel().Types.Single(t => t.Id == "#/components/schemas/Derived");

        Assert.Equal(["id", "name"], derived.Properties.Select(p => p.JsonName));
        Assert.All(derived.Properties, p => Assert.True(p.Required));
        Assert.Equal(["#/components/schemas/Base"], derived.AllOf);
    }

    [Fact]
    public void OperationWithoutId_GetsOneFromMethodAndPath_AndAnInfoDiagnostic()
    {
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /items/{item_id}:
                parameters:
                  - { name: item_id, in: path, required: true, schema: { type: string } }
                get:
                  responses: { '204': { description: none } }
            """);

        var read = ContractKit.Reading.SpecReader.Read(spec.Path);
        var built = ModelBuilder.Build(read);

        Assert.Equal("get_items_item_id", built.Model.Operations.Single().OperationId);
        Assert.Equal("item_id", built.Model.Operations.Single().Parameters.Single().Name);
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal("CK2002", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location?.Line);
    }

    [Fact]
    public void NullableBesideOneOfOrAllOf_WithoutType_IsStillNullable()
    {
        // Microsoft.OpenApi drops `nullable` when there is no `type`; real specs write it this way to mean "or null".
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Thing: { type: object, properties: { id: { type: string } } }
                Holder:
                  type: object
                  properties:
                    wrapped: { nullable: true, allOf: [ { $ref: '#/components/schemas/Thing' } ] }
                    either: { nullable: true, oneOf: [ { $ref: '#/components/schemas/Thing' }, { type: integer } ] }
                    plain: { allOf: [ { $ref: '#/components/schemas/Thing' } ] }
            """);

        var model = spec.BuildModel();
        var holder = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/Holder");

        Assert.Equal(new TypeUse(new NamedRef("#/components/schemas/Thing"), Nullable: true), holder.Properties[0].Type);
        Assert.True(holder.Properties[1].Type.Nullable);
        Assert.IsType<UnionType>(model.Types.Single(t => t.Id == "#/components/schemas/Holder/properties/either"));
        Assert.Equal(new TypeUse(new NamedRef("#/components/schemas/Thing"), Nullable: false), holder.Properties[2].Type);
    }

    [Fact]
    public void BooleanExclusiveBound_InA31Document_MakesTheBoundBesideItExclusive()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    rate: { type: number, minimum: 0, maximum: 2, exclusiveMinimum: true }
                    plain: { type: number, exclusiveMaximum: 10 }
            """);

        var holder = (ObjectType)spec.BuildModel().Types.Single(t => t.Id == "#/components/schemas/Holder");

        var rate = holder.Properties[0].Type.Constraints;
        Assert.Equal((null, "0", "2", null), (rate.Minimum, rate.ExclusiveMinimum, rate.Maximum, rate.ExclusiveMaximum));
        Assert.Equal("10", holder.Properties[1].Type.Constraints.ExclusiveMaximum);
    }
}
