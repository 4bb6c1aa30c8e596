using System;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class SourceMapTests : IDisposable
{
    private const string Yaml = """
        openapi: 3.0.3
        info:
          title: Pets
          version: "1"
        paths:
          /pets/{id}:
            get:
              parameters:
                - name: id
                  in: path
                - $ref: '#/components/parameters/Limit'
              responses:
                "200":
                  description: ok
        components:
          parameters:
            Limit: &limit
              name: limit
              in: query
            Copy: *limit
          schemas:
            "a/b~c":
              type: string
        """;

    private const string Json = """
        {
          "openapi": "3.0.3",
          "info": {"title": "Pets", "version": "1"},
          "paths": {
            "/pets/{id}": {
              "get": {
                "parameters": [
                  {"name": "id", "in": "path"},
                  {"$ref": "#/components/parameters/Limit"}
                ],
                "responses": {"200": {"description": "ok"}}
              }
            }
          },
          "components": {
            "parameters": {"Limit": {"name": "limit", "in": "query"}},
            "schemas": {"a/b~c": {"description": "été café", "type": "string"}}
          }
        }
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get", 7, 5)]
    [InlineData("/paths/~1pets~1{id}/get", 7, 5)]
    [InlineData("#/paths/~1pets~1%7Bid%7D/get", 7, 5)]
    [InlineData("#/paths/~1pets~1{id}/get/parameters/1", 11, 11)]
    [InlineData("#/paths/~1pets~1{id}/get/parameters/1/$ref", 11, 11)]
    [InlineData("#/paths/~1pets~1{id}/get/responses/200/description", 14, 11)]
    [InlineData("#/components/schemas/a~1b~0c", 22, 5)]
    [InlineData("#/components/schemas/a~1b~0c/type", 23, 7)]
    [InlineData("#/info/version", 4, 3)]
    [InlineData("#", 1, 1)]
    [InlineData("", 1, 1)]
    public void YamlPointer_LocatesTheKey(string pointer, int line, int column)
    {
        var result = SpecReader.Read(_files.Write("pets.yaml", Yaml));

        var location = result.Source.Locate(pointer);

        Assert.Equal((line, column), (location!.Line, location.Column));
        Assert.Equal(result.FilePath, location.FilePath);
    }

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get", 6, 7)]
    [InlineData("/paths/~1pets~1{id}/get", 6, 7)]
    [InlineData("#/paths/~1pets~1%7Bid%7D/get/parameters/1", 9, 11)]
    [InlineData("#/paths/~1pets~1{id}/get/parameters/1/$ref", 9, 12)]
    [InlineData("#/paths/~1pets~1{id}/get/responses/200/description", 11, 31)]
    [InlineData("#/components/schemas/a~1b~0c/type", 17, 54)] // columns count characters: "été café" is 8, not 11 bytes
    [InlineData("#/components/schemas/a~1b~0c/description", 17, 27)]
    [InlineData("#", 1, 1)]
    public void JsonPointer_LocatesTheKey(string pointer, int line, int column)
    {
        var result = SpecReader.Read(_files.Write("pets.json", Json));

        var location = result.Source.Locate(pointer);

        Assert.Equal((line, column), (location!.Line, location.Column));
    }

    [Theory]
    [InlineData("pets.yaml", "#/paths/~1pets~1{id}/get/responses/404/description", 12, 7)]
    [InlineData("pets.yaml", "#/info/version/deeper", 4, 3)]
    [InlineData("pets.yaml", "#/paths/~1pets~1{id}/get/parameters/7", 8, 7)]
    [InlineData("pets.yaml", "#/nothing/here", 1, 1)]
    [InlineData("pets.json", "#/paths/~1pets~1{id}/get/responses/404/description", 11, 9)]
    [InlineData("pets.json", "#/paths/~1pets~1{id}/get/parameters/-", 7, 9)]
    [InlineData("pets.json", "#/nothing/here", 1, 1)]
    public void MissingNode_LocatesTheNearestExistingAncestor(string file, string pointer, int line, int column)
    {
        var result = SpecReader.Read(_files.Write(file, file.EndsWith(".json", StringComparison.Ordinal) ? Json : Yaml));

        var location = result.Source.Locate(pointer);

        Assert.Equal((line, column), (location!.Line, location.Column));
    }

    [Fact]
    public void AliasCopy_LocatesTheAlias()
    {
        var result = SpecReader.Read(_files.Write("pets.yaml", Yaml));

        var location = result.Source.Locate("#/components/parameters/Copy/name");

        Assert.Equal((20, 5), (location!.Line, location.Column));
    }

    [Fact]
    public void Location_CarriesThePointerInFragmentForm()
    {
        var result = SpecReader.Read(_files.Write("pets.yaml", Yaml));

        Assert.Equal("#/paths/~1pets~1{id}/get", result.Source.Locate("/paths/~1pets~1{id}/get")!.Pointer);
        Assert.Equal("#/paths/~1pets~1{id}/get", result.Source.Locate("#/paths/~1pets~1%7Bid%7D/get")!.Pointer);
    }

    [Theory]
    [InlineData("components/schemas")]
    [InlineData("?x")]
    public void MalformedPointer_LocatesNothing(string pointer)
    {
        var result = SpecReader.Read(_files.Write("pets.yaml", Yaml));

        Assert.Null(result.Source.Locate(pointer));
    }

    [Fact]
    public void UnreadableFile_LocatesNothing()
    {
        var result = SpecReader.Read(_files.Write("bad.yaml", "a: [\n"));

        Assert.Null(result.Source.Locate("#/a"));
    }

    [Fact]
    public void MicrosoftOpenApiErrors_AreLocatedThroughTheirPointer()
    {
        var path = _files.Write("noin.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - name: q
                      in: nowhere
                  responses:
                    "200": {description: ok}
            """);

        var result = SpecReader.Read(path);

        // Microsoft.OpenApi reports the bad enum value against "parameters" and the missing "in" at the "in" key.
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.OpenApiError, d.Id));
        Assert.All(result.Diagnostics, d => Assert.InRange(d.Location!.Line, 6, 8));
    }
}
