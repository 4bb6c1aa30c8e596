using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Microsoft.OpenApi;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class SpecReaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void MissingFile_ReportsFileNotFound()
    {
        var path = Path.Combine(_files.Root, "nope.yaml");

        var result = SpecReader.Read(path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FileNotFound, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Location!.FilePath);
        Assert.Null(result.Document);
        Assert.True(result.HasErrors);
        Assert.Equal(path, result.FilePath);
    }

    [Fact]
    public void Directory_ReportsFileUnreadable()
    {
        var result = SpecReader.Read(_files.Root);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FileUnreadable, diagnostic.Id);
        Assert.Contains("directory", diagnostic.Message, StringComparison.Ordinal);
    }

    [NonRootFact]
    public void FileWithoutReadPermission_ReportsFileUnreadable()
    {
        var path = _files.Write("secret.yaml", "openapi: 3.0.0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var result = SpecReader.Read(path);

        Assert.Equal(DiagnosticIds.FileUnreadable, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void BinaryFile_ReportsFileUnreadable()
    {
        var path = _files.WriteBytes("binary.yaml", [0x6F, 0x70, 0xC3, 0x28, 0xFF, 0xFE, 0x00]);

        var result = SpecReader.Read(path);

        Assert.Equal(DiagnosticIds.FileUnreadable, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void MalformedYaml_ReportsLineAndColumn()
    {
        var path = _files.Write("bad.yaml", """
            openapi: 3.0.0
            info:
              title: x
               version: 1
            """);

        var result = SpecReader.Read(path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal(new SourceLocation(path, 4, 11), diagnostic.Location);
        AssertReadable(diagnostic.Message);
        Assert.Null(result.Document);
    }

    [Fact]
    public void UnclosedYamlFlowCollection_ReportsLineAndColumnWithoutExceptionText()
    {
        // YamlDotNet throws InvalidOperationException here rather than a YamlException.
        var path = _files.Write("flow.yaml", """
            openapi: 3.0.0
            info: {title: x, version: "1"
            paths: {}
            """);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal((3, 1), (diagnostic.Location!.Line, diagnostic.Location.Column));
        AssertReadable(diagnostic.Message);
    }

    [Fact]
    public void TabIndentation_ReportsTheTabbedLine()
    {
        var path = _files.Write("tab.yaml", "openapi: 3.0.0\ninfo:\n\ttitle: x\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal((3, 1), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void MalformedJson_ReportsLineAndColumn()
    {
        var path = _files.Write("bad.json", """
            {
              "openapi": "3.0.0",
              "info": {"title": "x",, }
            }
            """);

        var result = SpecReader.Read(path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal(new SourceLocation(path, 3, 25), diagnostic.Location);
        Assert.StartsWith("Invalid JSON: ", diagnostic.Message, StringComparison.Ordinal);
        AssertReadable(diagnostic.Message);
    }

    [Fact]
    public void DuplicateYamlKey_ReportsTheSecondKey()
    {
        var path = _files.Write("dup.yaml", """
            openapi: 3.0.0
            info:
              title: x
              title: y
              version: "1"
            paths: {}
            """);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal((4, 3), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("'title'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateJsonKey_ReportsTheSecondKey()
    {
        var path = _files.Write("dup.json", "{\n  \"openapi\": \"3.0.0\",\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {}\n}\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal((3, 3), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void UnsupportedOpenApiVersion_ReportsAtTheVersionKey()
    {
        var path = _files.Write("v4.yaml", """
            # a comment first, so the key is not on line 1
              
            openapi: 4.0.0
            info: {title: x, version: "1"}
            """);

        var result = SpecReader.Read(path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnsupportedVersion, diagnostic.Id);
        Assert.Equal((3, 1), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("4.0.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("4.0.0", result.SpecVersion);
        Assert.Null(result.Document);
    }

    [Fact]
    public void UnsupportedSwaggerVersion_ReportsAtTheVersionKey()
    {
        var path = _files.Write("s12.json", "{\n  \"info\": {},\n  \"swagger\": \"1.2\"\n}\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.UnsupportedVersion, diagnostic.Id);
        Assert.Equal((3, 3), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void OpenApi32_IsReportedAsUnsupported()
    {
        var path = _files.Write("v32.yaml", "openapi: 3.2.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n");

        Assert.Equal(DiagnosticIds.UnsupportedVersion, Assert.Single(SpecReader.Read(path).Diagnostics).Id);
    }

    [Fact]
    public void NonStringVersion_ReportsUnsupportedVersion()
    {
        var path = _files.Write("obj.yaml", "info: {}\nopenapi:\n  major: 3\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.UnsupportedVersion, diagnostic.Id);
        Assert.Equal((2, 1), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void NoVersionField_ReportsNotAnOpenApiDocumentAtLine1()
    {
        var path = _files.Write("none.yaml", "\ninfo:\n  title: x\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.NotAnOpenApiDocument, diagnostic.Id);
        Assert.Equal(new SourceLocation(path, 1, 1), diagnostic.Location);
    }

    [Theory]
    [InlineData("empty.yaml", "")]
    [InlineData("comment.yaml", "# nothing here\n")]
    [InlineData("scalar.yaml", "just text\n")]
    [InlineData("list.yaml", "- openapi\n- 3.0.0\n")]
    [InlineData("null.json", "null")]
    public void DocumentThatIsNotAMapping_ReportsNotAnOpenApiDocument(string name, string content)
    {
        var path = _files.Write(name, content);

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.NotAnOpenApiDocument, diagnostic.Id);
        Assert.Equal(1, diagnostic.Location!.Line);
    }

    [Fact]
    public void SecondYamlDocument_ReportsSyntaxError()
    {
        var path = _files.Write("two.yaml", "openapi: 3.0.0\n---\nopenapi: 3.1.0\n");

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);

        Assert.Equal(DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal(2, diagnostic.Location!.Line);
    }

    [Fact]
    public void Swagger20Yaml_ReadsWithoutErrors()
    {
        var path = _files.Write("petstore-v2.yaml", """
            swagger: "2.0"
            info:
              title: Pets
              version: "1.0"
            basePath: /v1
            produces: [application/json]
            paths:
              /pets/{id}:
                get:
                  operationId: getPet
                  parameters:
                    - name: id
                      in: path
                      required: true
                      type: integer
                      format: int64
                  responses:
                    200:
                      description: A pet
                      schema:
                        $ref: '#/definitions/Pet'
            definitions:
              Pet:
                type: object
                required: [id]
                properties:
                  id: {type: integer, format: int64}
                  name: {type: string}
            """);

        var result = SpecReader.Read(path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("2.0", result.SpecVersion);
        var document = Assert.IsType<OpenApiDocument>(result.Document);
        Assert.Contains("Pet", document.Components!.Schemas!.Keys);
        var operation = document.Paths["/pets/{id}"].Operations![System.Net.Http.HttpMethod.Get];
        Assert.Equal("getPet", operation.OperationId);
        Assert.Equal(JsonSchemaType.Integer, operation.Parameters![0].Schema!.Type);
    }

    [Fact]
    public void UnquotedSwaggerVersion_IsAccepted()
    {
        var path = _files.Write("s20.yaml", "swagger: 2.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n");

        var result = SpecReader.Read(path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("2.0", result.SpecVersion);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void OpenApi31Json_ReadsWithoutErrors()
    {
        var path = _files.Write("v31.json", """
            {
              "openapi": "3.1.0",
              "info": {"title": "J", "version": "1"},
              "paths": {
                "/things": {
                  "get": {
                    "responses": {
                      "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}
                      }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Thing": {"type": "object", "properties": {"name": {"type": ["string", "null"]}}}
                }
              }
            }
            """);

        var result = SpecReader.Read(path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("3.1.0", result.SpecVersion);
        var thing = result.Document!.Components!.Schemas!["Thing"];
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, thing.Properties!["name"].Type);
    }

    [Fact]
    public void Format_IsDetectedByContentNotExtension()
    {
        var json = _files.Write("really-json.yaml", "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}");
        var yaml = _files.Write("really-yaml.json", "openapi: 3.0.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n");
        var flowYaml = _files.Write("flow-yaml.json", "{openapi: 3.0.0, info: {title: x, version: '1'}, paths: {}}");

        Assert.Empty(SpecReader.Read(json).Diagnostics);
        Assert.Empty(SpecReader.Read(yaml).Diagnostics);
        Assert.Empty(SpecReader.Read(flowYaml).Diagnostics);
    }

    [Fact]
    public void Utf8Bom_IsAccepted()
    {
        var path = _files.WriteBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. "openapi: 3.0.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n"u8]);

        Assert.Empty(SpecReader.Read(path).Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_GivesTheSameResultAsRead()
    {
        var path = _files.Write("s.yaml", "openapi: 3.0.0\ninfo: {title: x, version: \"1\"}\npaths:\n  /a:\n    $ref: '#/nope'\n");

        var sync = SpecReader.Read(path);
        var async = await SpecReader.ReadAsync(path);

        Assert.Equal(sync.Diagnostics, async.Diagnostics);
        Assert.Equal(sync.SpecVersion, async.SpecVersion);
    }

    [Fact]
    public async Task ReadAsync_WhenCancelled_Throws()
    {
        var path = _files.Write("s.yaml", "openapi: 3.0.0\n");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SpecReader.ReadAsync(path, new System.Threading.CancellationToken(canceled: true)));
    }

    [Fact]
    public void Diagnostics_AreSortedByLineThenColumn()
    {
        var path = _files.Write("refs.yaml", """
            openapi: 3.0.0
            info: {title: x, version: "1"}
            paths: {}
            components:
              schemas:
                B: {properties: {x: {$ref: '#/z'}, y: {$ref: '#/y'}}}
                A:
                  $ref: '#/a'
            """);

        var locations = SpecReader.Read(path).Diagnostics.Select(d => (d.Location!.Line, d.Location.Column)).ToArray();

        Assert.Equal([(6, 26), (6, 44), (8, 7)], locations);
    }

    /// <summary>Messages are for people: no exception type names, no stack traces.</summary>
    private static void AssertReadable(string message)
    {
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    /// <summary>Permission bits mean nothing to root, so the test only runs for other users.</summary>
    private sealed class NonRootFactAttribute : FactAttribute
    {
        public NonRootFactAttribute()
        {
            if (OperatingSystem.IsWindows() || Environment.UserName == "root")
            {
                Skip = "file permissions are not enforced for root (or on Windows)";
            }
        }
    }
}
