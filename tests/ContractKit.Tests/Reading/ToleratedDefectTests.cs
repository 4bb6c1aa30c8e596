using System;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// Defects that leave the rest of a document meaningful are warnings at the node they are about, and the model is
/// built from what can be used; under strict reading they are errors at the same place.
/// </summary>
public sealed class ToleratedDefectTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private SpecReadResult Read(ToleratedDefectFixtures.Fixture fixture, bool strict = false) =>
        SpecReader.Read(_files.Write(fixture.Name + ".yaml", fixture.Yaml), strict);

    private ContractModel Build(ToleratedDefectFixtures.Fixture fixture)
    {
        var read = Read(fixture);
        var built = ModelBuilder.Build(read);
        Assert.False(built.HasErrors, string.Join("\n", built.Diagnostics));
        return built.Model;
    }

    [Theory]
    [MemberData(nameof(ToleratedDefectFixtures.Names), MemberType = typeof(ToleratedDefectFixtures))]
    public void Defect_IsOneWarning_AtTheNodeItIsAbout(string name)
    {
        var fixture = ToleratedDefectFixtures.Named(name);

        var read = Read(fixture);

        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        Assert.NotNull(read.Document);
        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((fixture.Id, DiagnosticSeverity.Warning), (finding.Id, finding.Severity));
        Assert.Equal((fixture.Line, fixture.Column), (finding.Location!.Line, finding.Location.Column));
        Assert.Matches("ignored|read (as|without)", finding.Message);
    }

    [Theory]
    [MemberData(nameof(ToleratedDefectFixtures.Names), MemberType = typeof(ToleratedDefectFixtures))]
    public void Defect_UnderStrict_IsAnErrorAtTheSamePlace(string name)
    {
        var fixture = ToleratedDefectFixtures.Named(name);

        var read = Read(fixture, strict: true);

        Assert.True(read.HasErrors);
        var finding = Assert.Single(read.Diagnostics);
        Assert.Equal((fixture.Id, DiagnosticSeverity.Error), (finding.Id, finding.Severity));
        Assert.Equal((fixture.Line, fixture.Column), (finding.Location!.Line, finding.Location.Column));
    }

    [Fact]
    public void UnknownKeys_InAListOfParameters_AreEachLocatedAtTheirOwnItem()
    {
        var path = _files.Write("two.yaml", """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - {name: a, in: query, type: string}
                    - {name: b, in: query, schema: {type: string}}
                    - {name: c, in: query, type: integer}
                  responses:
                    "200": {description: ok}
            """);

        var read = SpecReader.Read(path);

        Assert.Equal([(7, 32), (9, 32)], read.Diagnostics.Select(d => (d.Location!.Line, d.Location.Column)));
        Assert.All(read.Diagnostics, d => Assert.Equal(DiagnosticIds.UnknownField, d.Id));
    }

    [Fact]
    public void UnknownKeys_InJsonAndSwagger2_AreLocatedAtTheKey()
    {
        var json = _files.Write("spec.json", """
            {
              "openapi": "3.0.3",
              "info": {"title": "T", "version": "1"},
              "paths": {
                "/engines": {
                  "get": {
                    "oaiMeta": {"name": "x"},
                    "responses": {"200": {"description": "ok"}}
                  }
                }
              }
            }
            """);
        var swagger = _files.Write("swagger.yaml", """
            swagger: "2.0"
            info: {title: T, version: "1"}
            paths:
              /a:
                get:
                  responses:
                    "200":
                      description: ok
                      schema: {ref: '#/definitions/A'}
            definitions:
              A: {type: object, optional: true}
            """);

        var fromJson = Assert.Single(SpecReader.Read(json).Diagnostics);
        var fromSwagger = SpecReader.Read(swagger).Diagnostics;

        Assert.Equal((DiagnosticIds.UnknownField, 7, 9), (fromJson.Id, fromJson.Location!.Line, fromJson.Location.Column));
        Assert.Equal(
            [("'ref'", 9, 20, "#/paths/~1a/get/responses/200/schema/ref"), ("'optional'", 11, 21, "#/definitions/A/optional")],
            fromSwagger.Select(d => (d.Message.Split(' ')[0], d.Location!.Line, d.Location.Column, d.Location.Pointer)));
    }

    [Fact]
    public void BrokenYamlAndUnresolvedReferences_StayErrors()
    {
        var yaml = _files.Write("bad.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a: [unclosed\n");
        var reference = _files.Write("ref.yaml", """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/Missing'}
            """);

        Assert.Contains(SpecReader.Read(yaml).Diagnostics, d => d is { Id: DiagnosticIds.SyntaxError, Severity: DiagnosticSeverity.Error });
        Assert.Contains(SpecReader.Read(reference).Diagnostics, d => d is { Id: DiagnosticIds.UnresolvedReference, Severity: DiagnosticSeverity.Error });
    }

    [Fact]
    public void ExtensionWithoutXPrefix_OperationIsKept()
    {
        var operation = Assert.Single(Build(ToleratedDefectFixtures.ExtensionWithoutXPrefix).Operations);

        Assert.Equal(("listEngines", "200"), (operation.OperationId, Assert.Single(operation.Responses).StatusCode));
    }

    [Fact]
    public void RefWithoutDollar_SchemaTakesAnyValue_AndReferencesNothing()
    {
        var response = Assert.Single(Assert.Single(Build(ToleratedDefectFixtures.RefWithoutDollar).Operations).Responses);

        Assert.Equal(PrimitiveRef.Any, Assert.Single(response.Content).Schema!.Type);
    }

    [Fact]
    public void PropertyNamesIn30_MapOfStringsIsKept()
    {
        var labels = Assert.Single(Build(ToleratedDefectFixtures.PropertyNamesIn30).Types);

        var values = labels switch
        {
            MapType map => map.Values,
            ObjectType obj => obj.AdditionalProperties,
            _ => null,
        };
        Assert.Equal(new PrimitiveRef(PrimitiveKind.String), values?.Type);
    }

    [Fact]
    public void RecursiveRefIn30_ArrayKeepsItsOtherKeywords()
    {
        var node = Assert.IsType<ObjectType>(Assert.Single(Build(ToleratedDefectFixtures.RecursiveRefIn30).Types, t => t is ObjectType));

        Assert.Equal(["name", "children"], node.Properties.Select(p => p.JsonName));
        Assert.IsType<ArrayRef>(node.Properties.Single(p => p.JsonName == "children").Type.Type);
    }

    [Fact]
    public void OptionalTrue_PropertyIsKept_AndOptional()
    {
        var a = Assert.IsType<ObjectType>(Assert.Single(Build(ToleratedDefectFixtures.OptionalTrue).Types));

        var x = Assert.Single(a.Properties);
        Assert.Equal(("x", false, (TypeRef)new PrimitiveRef(PrimitiveKind.String)), (x.JsonName, x.Required, x.Type.Type));
    }

    [Fact]
    public void TypeAmongParameters_ParameterIsKept_AndWithoutSchemaTakesAnyValue()
    {
        var parameters = Assert.Single(Build(ToleratedDefectFixtures.TypeAmongParameters).Operations).Parameters;

        Assert.Equal(["limit", "order"], parameters.Select(p => p.Name));
        Assert.Equal(new PrimitiveRef(PrimitiveKind.Integer), parameters[0].Type.Type);
        Assert.Equal(PrimitiveRef.Any, parameters[1].Type.Type);
    }

    [Fact]
    public void SchemaNotAMap_MediaTypeIsKept_WithoutSchema()
    {
        var response = Assert.Single(Assert.Single(Build(ToleratedDefectFixtures.SchemaNotAMap).Operations).Responses);

        var content = Assert.Single(response.Content);
        Assert.Equal(("application/json", (TypeUse?)null), (content.MediaType, content.Schema));
    }

    [Fact]
    public void TemplateNameWithoutParameter_OperationHasNoParameter()
    {
        var operation = Assert.Single(Build(ToleratedDefectFixtures.TemplateNameWithoutParameter).Operations);

        Assert.Equal(("/a/{id}", 0), (operation.Path, operation.Parameters.Count));
    }

    [Fact]
    public void PathParameterNotInTemplate_ParameterIsKeptAsDeclared()
    {
        var parameter = Assert.Single(Assert.Single(Build(ToleratedDefectFixtures.PathParameterNotInTemplate).Operations).Parameters);

        Assert.Equal(("id", ParameterLocation.Path), (parameter.Name, parameter.In));
    }

    [Fact]
    public void NoResponses_OperationIsKept_WithNoResponse()
    {
        var operation = Assert.Single(Build(ToleratedDefectFixtures.NoResponses).Operations);

        Assert.Equal("getA", operation.OperationId);
        Assert.Empty(operation.Responses);
    }
}
