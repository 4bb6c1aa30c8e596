using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>Request bodies that are not JSON, binary responses and clients per tag, on small specs written here.</summary>
public sealed class OperationBodyTests
{
    private static async Task<(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)> Generate(string spec, ClientGrouping clients = ClientGrouping.Single)
    {
        using var temp = new TempSpec(spec);
        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(temp.Target() with { Clients = clients });
        Assert.True(exitCode == 0, string.Join("\n", diagnostics));
        var problems = CSharpCompiler.Compile(files);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return (files, diagnostics);
    }

    private static string Content(IReadOnlyList<GeneratedFile> files, string path) => files.Single(f => f.RelativePath == path).Content;

    private const string Header = """
        openapi: 3.1.0
        info: { title: T, version: '1' }
        servers: [ { url: 'https://example.test' } ]
        paths:
        """;

    [Fact]
    public async Task JsonAndMultipart_JsonMethodPlusAMultipartMethod_EachSaysWhichItSends()
    {
        var (files, diagnostics) = await Generate(Header + """

              /images/edits:
                post:
                  operationId: editImage
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { type: object, required: [url], properties: { url: { type: string } } }
                      multipart/form-data:
                        schema:
                          type: object
                          required: [image]
                          properties:
                            image:
                              anyOf:
                                - { type: string, format: binary }
                                - { type: array, items: { type: string, format: binary } }
                            mask: { type: string, format: binary }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Contains("EditImageAsync(EditImageRequest body,", client, System.StringComparison.Ordinal);
        Assert.Contains("EditImageMultipartAsync(global::System.Collections.Generic.IEnumerable<global::ContractKit.Runtime.FilePart> image, global::ContractKit.Runtime.FilePart? mask = default,", client, System.StringComparison.Ordinal);
        Assert.Contains("the contract also accepts <c>multipart/form-data</c> (<see cref=\"EditImageMultipartAsync\"/>)", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task JsonSchemaWithBinaryFields_MultipartIsTheMainMethod()
    {
        var (files, _) = await Generate(Header + """

              /files:
                post:
                  operationId: createFile
                  requestBody:
                    content:
                      application/json: { schema: { $ref: '#/components/schemas/Body' } }
                      multipart/form-data: { schema: { $ref: '#/components/schemas/Body' } }
                  responses:
                    '204': { description: ok }
            components:
              schemas:
                Body:
                  type: object
                  properties:
                    file_id: { type: string }
                    file: { type: string, format: binary }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Contains("CreateFileAsync(string? fileId = default, global::ContractKit.Runtime.FilePart? @file = default,", client, System.StringComparison.Ordinal);
        Assert.Contains("CreateFileJsonAsync(Body? body = null,", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedShapes_WarnWithTheJsonPointer_AndStillCompile()
    {
        var (files, diagnostics) = await Generate(Header + """

              /raw:
                post:
                  operationId: postRaw
                  requestBody:
                    content:
                      multipart/form-data: { schema: { type: string } }
                  responses:
                    '204': { description: ok }
              /form:
                post:
                  operationId: postForm
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            name: { type: string }
                            blob: { type: string, format: binary }
                  responses:
                    '204': { description: ok }
              /mixed:
                post:
                  operationId: postMixed
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            video:
                              oneOf:
                                - { type: string, format: binary }
                                - { type: object, properties: { id: { type: string } } }
                  responses:
                    '204': { description: ok }
            """);

        var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.Contains(warnings, d => d.Message.Contains("postRaw", System.StringComparison.Ordinal) && d.Location!.Pointer == "#/paths/~1raw/post/requestBody/content/multipart~1form-data/schema");
        Assert.Contains(warnings, d => d.Message.Contains("'blob'", System.StringComparison.Ordinal) && d.Location!.Pointer!.EndsWith("/properties/blob", System.StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.Message.Contains("'video'", System.StringComparison.Ordinal) && d.Location!.Pointer!.EndsWith("/properties/video", System.StringComparison.Ordinal));
        Assert.All(warnings, d => Assert.True(d.Location is { Line: > 0 }, $"no line for: {d}"));
        var client = Content(files, "TestClient.g.cs");
        Assert.Contains("PostRawAsync(global::System.Net.Http.HttpContent? body = null,", client, System.StringComparison.Ordinal);
        Assert.Contains("PostFormAsync(string? name = default,", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlEncodedForm_ExplodeDefaultsPerStyle_WhenTheEncodingLeavesItOut()
    {
        var (files, _) = await Generate(Header + """

              /form:
                post:
                  operationId: postForm
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          required: [ids]
                          properties:
                            ids: { type: array, items: { type: integer } }
                            names: { type: array, items: { type: string } }
                            filter: { type: object, properties: { a: { type: string } } }
                        encoding:
                          ids: { contentType: text/plain }
                          names: { style: pipeDelimited }
                          filter: { style: deepObject }
                  responses:
                    '204': { description: ok }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Contains("AddFormField(content, \"ids\", ids, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<global::System.Collections.Generic.IList<long>>)", client, System.StringComparison.Ordinal);
        Assert.Contains("IList<long>))!, null, true);", client, System.StringComparison.Ordinal);
        Assert.Contains("IList<string>))!, \"pipedelimited\", false);", client, System.StringComparison.Ordinal);
        Assert.Contains("\"deepobject\", false);", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryAndTextResponses_StreamAndString()
    {
        var (files, diagnostics) = await Generate(Header + """

              /pdf:
                get:
                  operationId: getPdf
                  responses:
                    '200': { description: ok, content: { application/pdf: { schema: { type: string, format: binary } } } }
              /audio:
                post:
                  operationId: speak
                  requestBody:
                    required: true
                    content:
                      text/plain: { schema: { type: string } }
                  responses:
                    '200': { description: ok, content: { audio/mpeg: { schema: { type: string, format: binary } } } }
              /csv:
                get:
                  operationId: getCsv
                  responses:
                    '200': { description: ok, content: { text/csv: { schema: { type: string } } } }
                    '202': { description: accepted }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Contains("Task<global::ContractKit.Runtime.ResponseStream> GetPdfAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("Task<global::ContractKit.Runtime.ResponseStream> SpeakAsync(string body,", client, System.StringComparison.Ordinal);
        Assert.Contains("Task<string?> GetCsvAsync(", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task ClientsPerTag_UniqueDeterministicNames_UntaggedStayOnTheRoot()
    {
        var spec = Header + """

              /a:
                get: { operationId: getA, tags: [Vector stores], responses: { '204': { description: ok } } }
              /b:
                get: { operationId: getB, tags: [vector-stores, Other], responses: { '204': { description: ok } } }
              /c:
                get: { operationId: getC, tags: [Test], responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/VectorStoresClient' } } } } } }
              /d:
                get: { operationId: getD, responses: { '204': { description: ok } } }
            components:
              schemas:
                VectorStoresClient: { type: object, properties: { id: { type: string } } }
            """;

        var (files, _) = await Generate(spec, ClientGrouping.Tag);
        var (again, _) = await Generate(spec, ClientGrouping.Tag);

        Assert.Equal(files, again);
        Assert.Equal(
            ["Models/VectorStoresClient3.g.cs", "TestClient.g.cs", "TestClient2.g.cs", "TestClientJsonContext.g.cs", "TestClientOptions.g.cs", "TestClientSchemas.g.cs", "VectorStoresClient.g.cs", "VectorStoresClient2.g.cs"],
            files.Select(f => f.RelativePath).Order(System.StringComparer.Ordinal));
        var root = Content(files, "TestClient.g.cs");
        Assert.Contains("public VectorStoresClient VectorStores { get; }", root, System.StringComparison.Ordinal);
        Assert.Contains("public VectorStoresClient2 VectorStores2 { get; }", root, System.StringComparison.Ordinal);
        Assert.Contains("public TestClient2 Test { get; }", root, System.StringComparison.Ordinal);
        Assert.Contains("GetDAsync(", root, System.StringComparison.Ordinal);
        Assert.DoesNotContain("GetAAsync(", root, System.StringComparison.Ordinal);
        Assert.Contains("GetBAsync(", Content(files, "VectorStoresClient2.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("Task<VectorStoresClient3> GetCAsync(", Content(files, "TestClient2.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Config_Clients_IsSingleOrTag()
    {
        using var files = new TempFiles();
        var good = files.Write("contractkit.json", """{ "specs": [ { "spec": "a.yaml", "output": "out", "namespace": "N", "clients": "tag" } ] }""");
        var bad = files.Write("bad.json", """{ "specs": [ { "spec": "a.yaml", "output": "out", "namespace": "N", "clients": "perTag" } ] }""");

        var (config, error) = ContractKitConfig.Load(good);
        var (_, badError) = ContractKitConfig.Load(bad);

        Assert.Null(error);
        Assert.Equal(ClientGrouping.Tag, config!.Specs[0].Clients);
        Assert.Contains("\"clients\" must be \"single\" or \"tag\"", badError!.Message, System.StringComparison.Ordinal);
    }
}
