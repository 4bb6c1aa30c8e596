using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// What a <c>$ref</c> to another file names is brought into the spec (issue #15: a schema behind
/// <c>./schemas.yaml#/Pet</c> was once typed <c>JsonElement</c> with exit 0): schemas become named components that
/// every stage sees, other objects are copied in, references inside a file resolve against that file, cycles across
/// files work, and problems are located in the file where they are written.
/// </summary>
public sealed class ReferenceBundlerTests : IDisposable
{
    private const string PetsAndOwners = """
        Pet:
          type: object
          required: [name]
          properties:
            name: {type: string}
            owner:
              $ref: "#/Owner"
        Owner:
          type: object
          properties:
            id: {type: integer}
            pets:
              type: array
              items: {$ref: "#/Pet"}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Spec(string responseSchema, string components = "") => $$$"""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "{{{responseSchema}}}"}
        {{{components}}}
        """;

    private async Task<LoadedContract> LoadAsync(string spec)
    {
        var loaded = await ContractLoader.LoadAsync(spec);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return loaded;
    }

    private static string[] TypeIds(LoadedContract loaded) => [.. loaded.Model!.Types.Select(t => t.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task SchemaInAFragmentFile_AndTheSchemaItRefersTo_AreGeneratedAsNamedTypes()
    {
        _files.Write("schemas.yaml", PetsAndOwners);
        var spec = _files.Write("main.yaml", Spec("./schemas.yaml#/Pet"));

        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(new SpecTarget(spec, Path.Combine(_files.Root, "out"), "Ext.Api", "ExtClient"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(diagnostics);
        Assert.Contains(files, f => f.RelativePath.EndsWith("Pet.g.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.RelativePath.EndsWith("Owner.g.cs", StringComparison.Ordinal));
        var client = files.Single(f => f.RelativePath == "ExtClient.g.cs").Content;
        Assert.Contains("Task<Pet> GetPetAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonElement?> GetPetAsync(", client, StringComparison.Ordinal);

        // Pet and Owner refer to each other through the components they became: the cycle across files is kept.
        var pet = files.Single(f => f.RelativePath.EndsWith("Pet.g.cs", StringComparison.Ordinal)).Content;
        Assert.Contains("public Owner? Owner { get; set; }", pet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycleBetweenTwoFiles_ResolvesToOneComponentEach()
    {
        _files.Write("a.yaml", "A:\n  type: object\n  properties:\n    b: {$ref: 'b.yaml#/B'}\n");
        _files.Write("b.yaml", "B:\n  type: object\n  properties:\n    a: {$ref: './a.yaml#/A'}\n");
        var spec = _files.Write("main.yaml", Spec("a.yaml#/A"));

        var loaded = await LoadAsync(spec);

        Assert.Equal(["#/components/schemas/A", "#/components/schemas/B"], TypeIds(loaded));
    }

    [Fact]
    public async Task WholeFileRef_IsNamedAfterTheFile_AndACollisionGetsTheFileNameFirst()
    {
        _files.Write("pet-owner.yaml", "type: object\nproperties:\n  who: {$ref: 'common.yaml#/Pet'}\n");
        _files.Write("common.yaml", "Pet: {type: object, properties: {fromCommon: {type: string}}}\n");
        var spec = _files.Write("main.yaml", Spec("pet-owner.yaml", """
            components:
              schemas:
                Pet: {type: object, properties: {local: {type: string}}}
            """));

        var loaded = await LoadAsync(spec);

        Assert.Equal(["#/components/schemas/Pet", "#/components/schemas/common_Pet", "#/components/schemas/pet-owner"], TypeIds(loaded));
        Assert.Equal(loaded.Model, (await LoadAsync(spec)).Model); // deterministic
    }

    [Fact]
    public async Task ComponentThatIsOnlyARefToAnotherFile_KeepsItsName()
    {
        _files.Write("schemas.yaml", PetsAndOwners);
        var spec = _files.Write("main.yaml", Spec("#/components/schemas/Animal", """
            components:
              schemas:
                Animal: {$ref: "schemas.yaml#/Pet"}
            """));

        var loaded = await LoadAsync(spec);

        // Owner's reference back to Pet points at Animal: one type, not a second copy named Pet.
        Assert.Equal(["#/components/schemas/Animal", "#/components/schemas/Owner"], TypeIds(loaded));
    }

    [Fact]
    public async Task NonSchemaObjectsFromAnotherFolder_AreCopiedIn_AndTheirRefsResolveAgainstTheirFile()
    {
        Directory.CreateDirectory(Path.Combine(_files.Root, "common"));
        _files.Write("common/schemas.yaml", "Error: {type: object, required: [message], properties: {message: {type: string}}}\nLimit: {type: integer, maximum: 100}\n");
        _files.Write("common/parts.yaml", """
            parameters:
              limit: {name: limit, in: query, schema: {$ref: "./schemas.yaml#/Limit"}}
            requestBodies:
              NewPet:
                required: true
                content: {application/json: {schema: {$ref: "../pets.yaml#/Pet"}}}
            responses:
              Problem:
                description: a problem
                content: {application/json: {schema: {$ref: "schemas.yaml#/Error"}}}
            paths:
              /health:
                get:
                  operationId: health
                  responses: {"500": {$ref: "#/responses/Problem"}, "204": {description: fine}}
            """);
        _files.Write("pets.yaml", PetsAndOwners);
        var spec = _files.Write("main.yaml", """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /pets:
                post:
                  operationId: addPet
                  parameters: [{$ref: "common/parts.yaml#/parameters/limit"}]
                  requestBody: {$ref: "common/parts.yaml#/requestBodies/NewPet"}
                  responses:
                    "201": {description: created}
                    default: {$ref: "common/parts.yaml#/responses/Problem"}
              /health: {$ref: "common/parts.yaml#/paths/~1health"}
            """);

        var loaded = await LoadAsync(spec);

        Assert.Equal(["#/components/schemas/Error", "#/components/schemas/Limit", "#/components/schemas/Owner", "#/components/schemas/Pet"], TypeIds(loaded));
        var addPet = loaded.Model!.Operations.Single(o => o.OperationId == "addPet");
        Assert.Equal("limit", Assert.Single(addPet.Parameters).Name);
        Assert.Contains(loaded.Model.Operations, o => o.OperationId == "health");
        Assert.Equal([spec, .. new[] { "common/parts.yaml", "common/schemas.yaml", "pets.yaml" }.Select(f => Path.Combine(_files.Root, f))],
            [spec, .. loaded.Read.ReferencedFiles]);
    }

    [Fact]
    public void ProblemInsideAnotherFile_IsReportedOnce_InThatFileAtItsLine()
    {
        Directory.CreateDirectory(Path.Combine(_files.Root, "sub"));
        _files.Write("sub/schemas.yaml", "Pet:\n  type: object\n  properties:\n    owner: {$ref: '#/Ownr'}\n    secret: {$ref: '../../secret.yaml#/X'}\n");
        var spec = _files.Write("main.yaml", Spec("sub/schemas.yaml#/Pet"));

        var errors = SpecReader.Read(spec).Diagnostics;

        var inFile = Path.Combine(_files.Root, "sub", "schemas.yaml");
        Assert.Collection(
            errors,
            d => Assert.Equal((DiagnosticIds.UnresolvedReference, inFile, 4, 13, "#/Pet/properties/owner/$ref"), (d.Id, d.Location!.FilePath, d.Location.Line, d.Location.Column, d.Location.Pointer)),
            d =>
            {
                Assert.Equal((inFile, 5, 14), (d.Location!.FilePath, d.Location.Line, d.Location.Column));
                Assert.Contains("leaves the spec's folder", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task LintFindingInAnotherFile_IsLocatedThere()
    {
        _files.Write("schemas.yaml", "Pet:\n  type: object\n  required: [name, nickname]\n  properties:\n    name: {type: string}\n");
        _files.Write("main.yaml", Spec("schemas.yaml#/Pet"));

        var result = await Cli.CliRunner.RunAsync(_files.Root, "lint", "main.yaml");

        Assert.Contains("schemas.yaml(3,20): warning CK4011: 'nickname' is required", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAndDiff_SeeSchemasFromOtherFiles()
    {
        foreach (var side in new[] { "base", "head" })
        {
            Directory.CreateDirectory(Path.Combine(_files.Root, side));
            _files.Write($"{side}/main.yaml", Spec("schemas.yaml#/Pet"));
        }

        _files.Write("base/schemas.yaml", PetsAndOwners);
        _files.Write("head/schemas.yaml", PetsAndOwners.Replace("name: {type: string}", "name: {type: integer}", StringComparison.Ordinal));
        _files.Write("pet.json", """{"name": 7}""");

        var validate = await Cli.CliRunner.RunAsync(_files.Root, "validate", "base/main.yaml", "--schema", "Pet", "pet.json");
        var diff = await Cli.CliRunner.RunAsync(_files.Root, "diff", "base/main.yaml", "head/main.yaml");

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("/name: value is integer; expected string", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains("head/schemas.yaml(", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("name", diff.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscriminatorMappingInAnotherFile_NamesTheComponents()
    {
        _files.Write("shapes.yaml", """
            Shape:
              oneOf: [{$ref: "#/Circle"}, {$ref: "#/Square"}]
              discriminator:
                propertyName: kind
                mapping: {circle: "#/Circle", square: "#/Square"}
            Circle: {type: object, required: [kind], properties: {kind: {type: string}, r: {type: number}}}
            Square: {type: object, required: [kind], properties: {kind: {type: string}, side: {type: number}}}
            """);
        var spec = _files.Write("main.yaml", Spec("shapes.yaml#/Shape"));

        var loaded = await LoadAsync(spec);

        var raw = loaded.Read.RawNodeAt("#/components/schemas/Shape/discriminator/mapping")!.ToJsonString();
        Assert.Equal("""{"circle":"#/components/schemas/Circle","square":"#/components/schemas/Square"}""", raw);
        Assert.Equal(["#/components/schemas/Circle", "#/components/schemas/Shape", "#/components/schemas/Square"], TypeIds(loaded));
    }

    [Fact]
    public async Task Swagger2_SchemasFromOtherFiles_BecomeDefinitions()
    {
        _files.Write("schemas.yaml", PetsAndOwners);
        var spec = _files.Write("v2.yaml", """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    "200": {description: ok, schema: {type: array, items: {$ref: "schemas.yaml#/Pet"}}}
            """);

        var loaded = await LoadAsync(spec);

        Assert.Equal(["Owner", "Pet"], loaded.Read.RawNodeAt("#/definitions")!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["#/components/schemas/Owner", "#/components/schemas/Pet"], TypeIds(loaded)); // the model's 3.x view of definitions
    }

    [Theory]
    [InlineData("a: {$ref: '#/x'}\nb: {\"$ref\": \"#/y\"}\n", false)]
    [InlineData("a: {$ref: 'other.yaml#/x'}", true)]
    [InlineData("{\"a\": {\"$ref\" : \"other.json\"}}", true)]
    [InlineData("{\"a\": {\"\\u0024ref\": \"other.json\"}}", true)]
    [InlineData("{\"a\": {\"$r\\u0065f\": \"other.json\"}}", true)]
    [InlineData("a:\n  $ref: # a comment, not a value\n    other.yaml\n", true)]
    [InlineData("a:\n  $ref: *anchor\n", true)]
    [InlineData("description: use $ref to share schemas\n", false)]
    public void ThePrefilter_NeverMissesAReferenceToAnotherDocument(string text, bool expected)
    {
        Assert.Equal(expected, ReferenceBundler.MayHaveExternalReferences(text));
    }

    [Fact]
    public async Task EscapedRefKeyInJson_IsStillFollowed()
    {
        _files.Write("schemas.yaml", PetsAndOwners);
        var spec = _files.Write("main.json", """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/p": {"get": {"operationId": "getPet", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"\u0024ref": "schemas.yaml#/Pet"}}}}}}}}}
            """);

        var loaded = await LoadAsync(spec);

        Assert.Equal(["#/components/schemas/Owner", "#/components/schemas/Pet"], TypeIds(loaded));
    }

    [Fact]
    public async Task RefBelowANestedId_IsNotFollowed_ButNeverSilentlyTypedAsAnyJson()
    {
        var spec = _files.Write("main.yaml", """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  $id: https://example.com/schemas/a
                  type: object
                  properties:
                    b: {$ref: "b.json"}
            """);

        var loaded = await ContractLoader.LoadAsync(spec);

        var warning = Assert.Single(loaded.Diagnostics, d => d.Id == DiagnosticIds.UnsupportedSchema);
        Assert.Equal((DiagnosticSeverity.Warning, 10, 9), (warning.Severity, warning.Location!.Line, warning.Location.Column));
        Assert.Contains("'b.json' could not be resolved", warning.Message, StringComparison.Ordinal);
    }
}
