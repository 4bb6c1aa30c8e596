using System.Linq;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.ModelBuilding;

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
        Assert.Equal(
            [("thread_id", ParameterLocation.Path, true), ("OpenAI-Beta", ParameterLocation.Header, true)],
            operation.Parameters.Select(p => (p.Name, p.In, p.Required)));
        var beta = (EnumType)model.Types.Single(t => t.Id == ((NamedRef)operation.Parameters[1].Type.Type).TypeId);
        Assert.Equal([new EnumValue("assistants=v2")], beta.Values);
        Assert.True(operation.Deprecated);
        Assert.Equal("OpenAI's API reference marks Modify thread (Assistants API) as deprecated.", operation.DeprecationNote);
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

    private static T Type<T>(ContractModel model, string name) where T : TypeDefinition =>
        Assert.IsType<T>(model.Types.Single(t => t.Id == "#/components/schemas/" + name));

    [Fact]
    public void DiscriminatorWithoutMapping_MapsEachVariantByTheValueItFixesItsTagTo()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                A: { type: object, required: [type], properties: { type: { const: a } } }
                B: { type: object, properties: { type: { type: string, enum: [b1, b2] } } }
                C: { type: object, properties: { type: { type: string } } }
                M1: { type: object, properties: { type: { enum: [m] }, x: { type: string } } }
                M2: { type: object, properties: { type: { enum: [m] }, y: { type: string } } }
                Tagged:
                  oneOf: [ { $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }, { $ref: '#/components/schemas/C' } ]
                  discriminator: { propertyName: type }
                Shared:
                  oneOf: [ { $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/M1' }, { $ref: '#/components/schemas/M2' } ]
                  discriminator: { propertyName: type }
            """);
        var model = spec.BuildModel();

        var tagged = Type<UnionType>(model, "Tagged").Discriminator!.Mapping.Select(m => (m.Value, m.TypeId[21..]));
        var shared = Type<UnionType>(model, "Shared").Discriminator!.Mapping.Select(m => (m.Value, m.TypeId[21..]));

        Assert.Equal([("a", "A"), ("b1", "B"), ("b2", "B"), ("C", "C")], tagged);
        Assert.Equal([("a", "A")], shared);
        var lowering = new ContractKit.Validation.SchemaLowering(model);
        Assert.NotNull(lowering.LowerDocument()["$defs"]!["Tagged"]!["discriminator"]);
        Assert.Null(lowering.LowerDocument()["$defs"]!["Shared"]!["discriminator"]);
    }

    [Fact]
    public void RequiredOnlyBranchesBesideProperties_AreAConstraintOfTheObject()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Ref:
                  type: object
                  properties: { url: { type: string }, file_id: { type: string } }
                  anyOf: [ { required: [url] }, { required: [file_id] } ]
            """);

        var reference = Type<ObjectType>(spec.BuildModel(), "Ref");

        Assert.Equal(["url", "file_id"], reference.Properties.Select(p => p.JsonName));
        Assert.Equal(UnionKind.AnyOf, reference.RequiredChoice!.Kind);
        Assert.Equal([["url"], ["file_id"]], reference.RequiredChoice.Alternatives.Select(a => a.ToArray()));
    }

    [Fact]
    public void IntegerEnumsAndConsts_AreEnumsOfTheirKind_TypeArraysAreUnions()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Level: { type: integer, enum: [1, 2, -3] }
                Two: { const: 2 }
                Word: { const: two }
                Big: { type: integer, enum: [1, 99999999999999999999] }
                Scalar: { type: [string, integer, 'null'], maxLength: 3 }
            """);
        var model = spec.BuildModel();

        var level = Type<EnumType>(model, "Level");
        Assert.Equal(PrimitiveKind.Integer, level.Kind);
        Assert.Equal(["1", "2", "-3"], level.Values.Select(v => v.Value));
        Assert.Equal((PrimitiveKind.Integer, "2"), (Type<EnumType>(model, "Two").Kind, Type<EnumType>(model, "Two").Values.Single().Value));
        Assert.Equal((PrimitiveKind.String, "two"), (Type<EnumType>(model, "Word").Kind, Type<EnumType>(model, "Word").Values.Single().Value));
        Assert.Equal(2, Type<PrimitiveType>(model, "Big").Constraints.Enum.Count);
        var scalar = Type<UnionType>(model, "Scalar");
        Assert.True(scalar.Nullable);
        Assert.Equal(
            [new TypeUse(new PrimitiveRef(PrimitiveKind.String)), new TypeUse(new PrimitiveRef(PrimitiveKind.Integer))],
            scalar.Variants);
        Assert.Equal(3, scalar.Constraints.MaxLength);
    }

    [Fact]
    public void AllOfOneComponentPlusProperties_ExtendsIt_UnlessABasePropertyIsRestated()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Base: { type: object, required: [id], properties: { id: { type: string } } }
                Derived:
                  allOf: [ { $ref: '#/components/schemas/Base' }, { properties: { extra: { type: integer } } } ]
                Restated:
                  allOf: [ { $ref: '#/components/schemas/Base' }, { properties: { id: { type: string, format: uuid } } } ]
                Closed:
                  allOf: [ { $ref: '#/components/schemas/Base' }, { properties: { extra: { type: integer } }, additionalProperties: false } ]
                Two:
                  allOf: [ { $ref: '#/components/schemas/Base' }, { $ref: '#/components/schemas/Derived' } ]
            """);
        var model = spec.BuildModel();

        var derived = Type<ObjectType>(model, "Derived");
        Assert.Equal("#/components/schemas/Base", derived.Base);
        Assert.Equal(["id", "extra"], derived.Properties.Select(p => p.JsonName));
        Assert.Null(Type<ObjectType>(model, "Restated").Base);
        Assert.Null(Type<ObjectType>(model, "Closed").Base);
        Assert.Null(Type<ObjectType>(model, "Two").Base);
    }

    [Fact]
    public void KeywordsTheModelLeavesOut_AreWarningsAtTheKeyword()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Filter:
                  type: object
                  properties:
                    name: { type: string }
                    filters:
                      type: array
                      items: { $recursiveRef: '#' }
                  not: { required: [name, filters] }
                Event:
                  allOf:
                    - anyOf: [ { $ref: '#/components/schemas/Filter' }, { type: string } ]
                    - { type: object, properties: { lane: { type: string } } }
            """);

        var built = ContractKit.ModelBuilding.ModelBuilder.Build(ContractKit.Reading.SpecReader.Read(spec.Path));

        var warnings = built.Diagnostics.Where(d => d.Id == "CK2001").Select(d => (d.Location!.Line, d.Location.Pointer, d.Message)).ToList();
        Assert.Equal(
            [
                (12, "#/components/schemas/Filter/properties/filters/items/$recursiveRef", "'$recursiveRef' is not supported yet: the schema is treated as any JSON value"),
                (13, "#/components/schemas/Filter/not", "'not' is not supported yet: it is ignored by the generated types and by their validation"),
                (16, "#/components/schemas/Event/allOf/0/anyOf", "'anyOf' inside an 'allOf' part is not supported yet: the object gets only the properties of the other parts, and validation does not check it"),
            ],
            warnings.OrderBy(w => w.Line));
    }

    [Fact]
    public void RecursiveRefToAnAnchoredComponentRoot_IsAReferenceToTheComponent()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Leaf: { type: object, required: [type], properties: { type: { enum: [eq, ne] } } }
                Filter:
                  $recursiveAnchor: true
                  type: object
                  required: [type]
                  properties:
                    type: { enum: [and, or] }
                    filters:
                      type: array
                      items:
                        oneOf: [ { $ref: '#/components/schemas/Leaf' }, { $recursiveRef: '#' } ]
                        discriminator: { propertyName: type }
            """);

        var built = ContractKit.ModelBuilding.ModelBuilder.Build(ContractKit.Reading.SpecReader.Read(spec.Path));

        Assert.DoesNotContain(built.Diagnostics, d => d.Id == "CK2001");
        var items = Assert.IsType<UnionType>(built.Model.Types.Single(t => t.Id == "#/components/schemas/Filter/properties/filters/items"));
        Assert.Equal(new TypeUse(new NamedRef("#/components/schemas/Filter")), items.Variants[1]);
        Assert.Equal(["eq", "ne", "and", "or"], items.Discriminator!.Mapping.Select(m => m.Value));
    }

    [Fact]
    public void AllOfOfOneSchemaAndAnnotations_IsThatSchema_NullableWhenAnAnnotationSaysSo()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Choice:
                  oneOf: [ { type: string, enum: [auto, none] }, { type: object, properties: { name: { type: string } } } ]
                Run:
                  type: object
                  properties:
                    choice:
                      allOf:
                        - $ref: '#/components/schemas/Choice'
                        - nullable: true
                    described:
                      allOf:
                        - $ref: '#/components/schemas/Choice'
                        - description: the same choice
            """);
        var model = spec.BuildModel();

        var run = Type<ObjectType>(model, "Run");

        Assert.Equal(new TypeUse(new NamedRef("#/components/schemas/Choice"), Nullable: true), run.Properties[0].Type);
        Assert.Equal(new TypeUse(new NamedRef("#/components/schemas/Choice")), run.Properties[1].Type);
        Assert.DoesNotContain(model.Types, t => t.Id.StartsWith("#/components/schemas/Run/properties", System.StringComparison.Ordinal));
    }

    [Fact]
    public void RequiredNamesNotDeclared_AreKept_ThoseDeclaredInAnotherAllOfPartAreNot()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Approval:
                  type: object
                  required: [type, request_id, approve]
                  properties: { type: { type: string }, approve: { type: boolean } }
                Base: { type: object, properties: { a: { type: string } } }
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - { type: object, required: [z, a, b], properties: { b: { type: string } } }
            """);

        var model = spec.BuildModel();

        var approval = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/Approval");
        var derived = (ObjectType)model.Types.Single(t => t.Id == "#/components/schemas/Derived");
        Assert.Equal(["request_id"], approval.UndeclaredRequired);
        Assert.Equal(["approve", "type"], approval.Properties.Where(p => p.Required).Select(p => p.JsonName).Order());
        Assert.Equal(["z"], derived.UndeclaredRequired);
    }

    [CorpusFact]
    public void OpenAi_SchemasRequiringUndeclaredNames_CarryThemInTheModel()
    {
        var model = TempSpec.BuildModel(Corpus.PathOf("openai", "openapi.yaml"));

        // The twelve components lint reports as CK4011 (inline uses of them, inside unions, carry the same names).
        var undeclared = model.Types.OfType<ObjectType>()
            .Where(t => t.UndeclaredRequired.Count > 0)
            .Select(t => (Name: t.Id.Replace("#/components/schemas/", string.Empty, System.StringComparison.Ordinal), t.UndeclaredRequired))
            .Where(t => !t.Name.Contains('/', System.StringComparison.Ordinal))
            .ToDictionary(t => t.Name, t => string.Join(",", t.UndeclaredRequired));
        Assert.True(undeclared.Count == 12, string.Join("; ", undeclared.Select(kv => kv.Key + "=" + kv.Value)));
        Assert.Equal("request_id", undeclared["MCPApprovalResponse"]);
        Assert.Equal("call_id", undeclared["LocalShellToolCallOutput"]);
        Assert.Equal("response_id", undeclared["ResponseAudioDoneEvent"]);
    }
}
