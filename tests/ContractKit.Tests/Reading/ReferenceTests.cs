using System;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Microsoft.OpenApi;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class ReferenceTests : IDisposable
{
    private const string Other = """
        openapi: 3.0.3
        info: {title: other, version: "1"}
        paths: {}
        components:
          schemas:
            Thing:
              type: string
        """;

    private const string HolderOfOtherThing = """
        openapi: 3.0.3
        info: {title: x, version: "1"}
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                thing:
                  $ref: "other.yaml#/components/schemas/Thing"
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void UnresolvedLocalRef_IsReportedOnceAtTheRef()
    {
        var path = _files.Write("api.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths:
              /pets:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: "#/components/schemas/Missing"
            """);

        var result = SpecReader.Read(path);

        // Microsoft.OpenApi warns about the same reference; it is not repeated.
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(new SourceLocation(path, 12, 17, "#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref"), diagnostic.Location);
        Assert.Contains("'#/components/schemas/Missing'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnresolvedLocalRefInJson_IsReportedAtTheRef()
    {
        var path = _files.Write("api.json", """
            {
              "openapi": "3.1.0",
              "info": {"title": "x", "version": "1"},
              "components": {
                "schemas": {
                  "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}}
                }
              }
            }
            """);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal((6, 52), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void RefWithEscapedPointer_Resolves()
    {
        var path = _files.Write("api.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths:
              /a/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  responses:
                    "200": {description: ok}
              /b/{id}:
                $ref: "#/paths/~1a~1%7Bid%7D"
            """);

        Assert.Empty(SpecReader.Read(path).Diagnostics);
    }

    [Fact]
    public void ExternalRef_IsLoadedAndResolved()
    {
        _files.Write("other.yaml", Other);
        var path = _files.Write("api.yaml", HolderOfOtherThing);

        var result = SpecReader.Read(path);

        Assert.Empty(result.Diagnostics);
        var thing = result.Document!.Components!.Schemas!["Holder"].Properties!["thing"];
        Assert.Equal(JsonSchemaType.String, thing.Type);
    }

    /// <summary>
    /// The external document is bundled into the tree before Microsoft.OpenApi reads it, so a started read may hand out
    /// its document before the validation rules have run: it already resolves.
    /// </summary>
    [Fact]
    public async Task ExternalRef_StartedRead_ResolvesBeforeValidation()
    {
        _files.Write("other.yaml", Other);
        var path = _files.Write("api.yaml", HolderOfOtherThing);

        var reading = await SpecReader.StartAsync(path, parsed: null, validateConcurrently: true, default);

        Assert.Equal(JsonSchemaType.String, reading.Unvalidated!.Document!.Components!.Schemas!["Holder"].Properties!["thing"].Type);
        var result = await reading.Complete;
        Assert.Equal(SpecReader.Read(path).Diagnostics, result.Diagnostics);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(JsonSchemaType.String, result.Document!.Components!.Schemas!["Holder"].Properties!["thing"].Type);
    }

    [Fact]
    public void MissingExternalFile_IsReportedAtTheRef()
    {
        var path = _files.Write("api.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths: {}
            components:
              schemas:
                Holder:
                  $ref: "missing.yaml#/components/schemas/Thing"
            """);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal((7, 7), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("missing.yaml", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFragmentInExternalFile_IsReportedAtTheRef()
    {
        _files.Write("other.yaml", Other);
        var path = _files.Write("api.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths: {}
            components:
              schemas:
                Holder:
                  $ref: "./other.yaml#/components/schemas/Nope"
            """);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal((7, 7), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("'./other.yaml#/components/schemas/Nope'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedExternalFile_IsReportedAtTheRef()
    {
        _files.Write("broken.yaml", "a: [\n");
        var path = _files.Write("api.yaml", "openapi: 3.0.3\ninfo: {title: x, version: \"1\"}\npaths:\n  /a:\n    $ref: broken.yaml#/a\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal((5, 5), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void RefInsideExamplesAndExtensions_IsData()
    {
        var path = _files.Write("api.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths: {}
            x-notes:
              $ref: "#/not/a/reference"
            components:
              schemas:
                A:
                  type: object
                  example:
                    $ref: "#/not/a/reference"
                  properties:
                    example:
                      $ref: "#/components/schemas/Gone"
              examples:
                E:
                  value:
                    $ref: "#/not/a/reference"
            """);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        // Only the schema named "example" under properties is a real reference.
        Assert.Equal((14, 11), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Swagger20Ref_ToMissingDefinition_IsReported()
    {
        var path = _files.Write("v2.yaml", """
            swagger: "2.0"
            info: {title: x, version: "1"}
            paths: {}
            definitions:
              A:
                properties:
                  b: {$ref: "#/definitions/B"}
            """);

        var result = SpecReader.Read(path);

        Assert.Equal([DiagnosticIds.UnresolvedReference], result.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Equal((7, 11), (result.Diagnostics[0].Location!.Line, result.Diagnostics[0].Location!.Column));
    }
}
