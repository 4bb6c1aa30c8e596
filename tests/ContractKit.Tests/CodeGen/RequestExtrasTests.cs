using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>Constant headers, deprecated operations, <c>stream: true</c> and nested-union conversions, on small specs written here.</summary>
public sealed class RequestExtrasTests
{
    private const string Header = """
        openapi: 3.1.0
        info: { title: T, version: '1' }
        servers: [ { url: 'https://example.test' } ]
        paths:
        """;

    private static async Task<IReadOnlyList<GeneratedFile>> Generate(string spec)
    {
        using var temp = new TempSpec(spec);
        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(temp.Target());
        Assert.True(exitCode == 0, string.Join("\n", diagnostics));
        var problems = CSharpCompiler.Compile(files);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return files;
    }

    private static string Content(IReadOnlyList<GeneratedFile> files, string path) => files.Single(f => f.RelativePath == path).Content;

    [Fact]
    public async Task RequiredConstHeader_IsSentByTheClient_NotAParameter_OptionalOneValueHeaderStaysAParameter()
    {
        var files = await Generate(Header + """

              /items:
                get:
                  operationId: listItems
                  parameters:
                    - { name: X-Api-Version, in: header, required: true, schema: { const: '2024-01-01' } }
                    - { name: X-Flag, in: header, required: true, schema: { type: boolean, enum: [true] } }
                    - { name: X-Mode, in: header, schema: { type: string, enum: [fast] } }
                  responses:
                    '204': { description: done }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Matches(@"ListItemsAsync\(\w+\? xMode = default, global::System.Threading.CancellationToken cancellationToken = default\)", client);
        Assert.Contains("AddConstantHeader(request, _options.HeaderOverrides, \"X-Api-Version\", \"2024-01-01\");", client, System.StringComparison.Ordinal);
        Assert.Contains("AddConstantHeader(request, _options.HeaderOverrides, \"X-Flag\", \"true\");", client, System.StringComparison.Ordinal);
        Assert.Contains("HeaderOverrides { get; }", Content(files, "TestClientOptions.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoConstantHeader_OptionsHaveNoHeaderOverrides()
    {
        var files = await Generate(Header + """

              /items:
                get:
                  operationId: listItems
                  responses:
                    '204': { description: done }
            """);

        Assert.DoesNotContain("HeaderOverrides", Content(files, "TestClientOptions.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeprecatedOperation_IsObsolete_WithTheSpecsNote_OrAFixedSentenceNamingIt()
    {
        var files = await Generate(Header + """

              /old:
                get:
                  operationId: oldWay
                  deprecated: true
                  x-deprecation-reason: Use "newWay" instead.
                  responses:
                    '204': { description: done }
              /older:
                get:
                  operationId: olderWay
                  deprecated: true
                  responses:
                    '204': { description: done }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Contains("[global::System.Obsolete(\"Deprecated in the API contract: Use \\\"newWay\\\" instead.\")]\n    public async global::System.Threading.Tasks.Task OldWayAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Deprecated in the API contract (GET /older).\")]\n    public async global::System.Threading.Tasks.Task OlderWayAsync(", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamMethod_SetsStreamOnlyWhenTheBodyHasABooleanStream()
    {
        var files = await Generate(Header + """

              /chat:
                post:
                  operationId: chat
                  requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { stream: { type: [boolean, 'null'] } } } } } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: string } }, text/event-stream: { schema: { type: string } } } }
              /talk:
                post:
                  operationId: talk
                  requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { stream: { type: string } } } } } }
                  responses:
                    '200': { description: ok, content: { text/event-stream: { schema: { type: string } } } }
            """);

        var client = Content(files, "TestClient.g.cs");
        Assert.Equal(1, CountOf(client, "WithStreamFlag("));
        var chatStream = client[client.IndexOf("ChatStreamAsync(", System.StringComparison.Ordinal)..];
        Assert.Contains("var bodyBytes = global::ContractKit.Runtime.ApiClientHelpers.WithStreamFlag(", chatStream, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestedUnions_BothTakingAString_AddNoStringConversion()
    {
        var files = await Generate(Header + """
             {}
            components:
              schemas:
                Outer:
                  anyOf:
                    - $ref: '#/components/schemas/Left'
                    - $ref: '#/components/schemas/Right'
                Left:
                  anyOf: [ { type: string }, { type: integer } ]
                Right:
                  anyOf: [ { type: string }, { type: boolean } ]
            """);

        var outer = Content(files, "Models/Outer.g.cs");
        Assert.DoesNotContain("implicit operator Outer(string", outer, System.StringComparison.Ordinal);
        Assert.Contains("public static implicit operator Outer(long value) => Outer.FromLeft(Left.FromInt64(value));", outer, System.StringComparison.Ordinal);
        Assert.Contains("public static implicit operator Outer(bool value) => Outer.FromRight(Right.FromBoolean(value));", outer, System.StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, System.StringComparison.Ordinal).Length) / part.Length;
}
