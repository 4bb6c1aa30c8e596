using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContractKit.Diagnostics;
using ContractKit.Fuzz;
using ContractKit.Pipeline;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using ContractKit.Validation;
using Xunit;

namespace ContractKit.Tests.Fuzz;

/// <summary>
/// One test per bug the fuzzer found (docs/fuzzing.md lists them), each a small hand-written spec of the shape that
/// broke: the fuzzer's own oracle (every stage gives a verdict, nothing throws, diagnostics are located, the
/// generated code compiles) plus the behaviour the fix promises.
/// </summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Api(string schemas, string responseSchema = "{$ref: '#/components/schemas/Node'}", string extra = "") => $$"""
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /nodes:
            get:
              operationId: getNodes
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {{responseSchema}}
        {{extra}}
        components:
          schemas:
        {{string.Join("\n", schemas.Split('\n').Select(l => "    " + l))}}
        """;

    private IReadOnlyList<FuzzProblem> Check(string spec, string? baseSpec = null, string[]? payloads = null, bool compile = false, string extension = ".yaml") =>
        FuzzRunner.Check(Path.Combine(_files.Root, "case"), spec, baseSpec, payloads, compile, extension);

    private static void NoProblem(IReadOnlyList<FuzzProblem> problems) =>
        Assert.True(problems.Count == 0, string.Join("\n\n", problems.Select(p => $"{p.Target} {p.Kind}: {p.Message}")));

    private LoadedContract Load(string spec, string name = "spec.yaml") => ContractLoader.Load(_files.Write(name, spec));

    [Fact]
    public void ArrayOfItself_IsCutWithAWarning_AndTheClientCompiles()
    {
        var spec = Api("Node: {type: array, items: {$ref: '#/components/schemas/Node'}}");

        NoProblem(Check(spec, compile: true, payloads: ["[[[]]]", "[1]"]));
        var loaded = Load(spec);
        Assert.Equal(0, loaded.ExitCode);
        var warning = Assert.Single(loaded.Diagnostics, d => d.Id == DiagnosticIds.UnsupportedSchema);
        Assert.Contains("only through arrays, maps or aliases", warning.Message, StringComparison.Ordinal);
        Assert.Equal(16, warning.Location!.Line);
    }

    [Fact]
    public void AllOfItselfAndMapOfItself_AreCutWithAWarning()
    {
        var spec = Api("""
            Node: {allOf: [{$ref: '#/components/schemas/Node'}]}
            Map: {type: object, additionalProperties: {$ref: '#/components/schemas/Map'}}
            """);

        NoProblem(Check(spec, compile: true));
        Assert.Equal(2, Load(spec).Diagnostics.Count(d => d.Id == DiagnosticIds.UnsupportedSchema));
    }

    [Fact]
    public void UnionListingItself_CompilesWithoutAConversionFromItself_AndDiffsAgainstAnotherUnion()
    {
        var spec = Api("Node: {nullable: true, oneOf: [{$ref: '#/components/schemas/Node'}, {type: string}]}");
        var other = Api("Node: {oneOf: [{$ref: '#/components/schemas/Node'}, {type: integer}, {type: boolean}]}");

        NoProblem(Check(spec, baseSpec: other, compile: true, payloads: ["\"x\"", "{\"a\":1}", "null"]));
        NoProblem(Check(other, baseSpec: spec));
    }

    [Fact]
    public void ReferencesThatOnlyReferToEachOther_AreALocatedErrorInEveryCommand()
    {
        var spec = Api("""
            Node: {$ref: '#/components/schemas/Other'}
            Other: {$ref: '#/components/schemas/Node'}
            """);

        NoProblem(Check(spec, baseSpec: spec));
        var loaded = Load(spec);
        Assert.Equal(ExitCodes.InputErrors, loaded.ExitCode);
        var error = Assert.Single(loaded.Diagnostics, d => d.Id == DiagnosticIds.UnresolvedSchemaReference);
        Assert.Contains("leads back to itself", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location is { Line: > 0 }, error.ToString());
    }

    [Fact]
    public void NullEntriesWhereObjectsBelong_AreSkipped_NotDereferenced()
    {
        // Scalars where Microsoft.OpenApi expects objects leave null entries in its dictionaries.
        var spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get: 5
              /b: 7
              /c:
                post:
                  operationId: post
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}, tags: 3}}
                        encoding: {file: 3}
                      application/json: 5
                  responses:
                    '200':
                      description: ok
                      headers: {X-Rate: 7}
                      content:
                        application/json:
                          schema: {type: object, allOf: [4]}
                          examples: {a: 5}
                    '404': ~
            components:
              schemas:
                Broken: 42
                Named: {type: object, x-propertyNames: {minLength: {a: 1}, maxLength: [], pattern: 3}}
              securitySchemes:
                bad: x
            """;

        NoProblem(Check(spec, baseSpec: spec, compile: true));
    }

    [Fact]
    public void ComponentsOfTheWrongType_AreNotACrashOfTheLimitCheck()
    {
        var spec = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: just text\n";

        NoProblem(Check(spec));
        Assert.NotEqual(ExitCodes.UsageOrIo, Load(spec).ExitCode);
    }

    [Fact]
    public void JsonSpecEscapingHalfASurrogatePair_IsALocatedSyntaxError()
    {
        var spec = "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"T\\ud800\", \"version\": \"1\"}, \"paths\": {}}";

        NoProblem(Check(spec, extension: ".json"));
        var loaded = Load(spec, "spec.json");
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal((DiagnosticIds.SyntaxError, 2), (error.Id, error.Location!.Line));
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadEscapingHalfASurrogatePair_IsInvalidJson_NotAnException()
    {
        var validator = JsonSchemaValidator.Compile("""{"type": "string"}""");

        var result = validator.Validate("\"a\\udc00b\""u8);

        var error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaCycleThatNeverConsumesThePayload_GivesTheDepthErrorAndTheRootVerdictOnly()
    {
        // Before: every oneOf level re-ran its failed branch for diagnostics, doubling the work per level (seconds,
        // 100 errors each carrying an 8,000-segment schema path).
        var validator = JsonSchemaValidator.Compile("""
            {"$defs": {"N": {"anyOf": [{"oneOf": [{"$ref": "#/$defs/N"}, {"type": "string"}]}, {"type": "null"}]}}, "$ref": "#/$defs/N"}
            """);

        var result = validator.Validate("""{"a": 1}"""u8);

        // The depth error, then the root anyOf's own verdict: nothing between them is evaluated again.
        Assert.False(result.IsValid);
        Assert.Equal(["$ref", "anyOf"], result.Errors.Select(e => e.Keyword));
        Assert.Contains("nested too deep", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task InvalidPattern_IsALocatedSpecErrorInValidate_AndALintFinding()
    {
        var spec = Api("Node: {type: string, pattern: 'a{2,1}', example: aa}");
        NoProblem(Check(spec, payloads: ["\"aa\""]));

        var path = _files.Write("pattern.yaml", spec);
        var (validator, _, diagnostics, exitCode) = await PayloadValidation.ResolveAsync(new ValidationTarget { SpecPath = path, SchemaName = "Node" });
        Assert.Null(validator);
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.InvalidSchema, 16), (error.Id, error.Location!.Line));

        var lint = LintPipeline.Lint(ContractLoader.Load(path).Read);
        Assert.Contains(lint.Findings, f => f.Message.StartsWith("examples cannot be checked", StringComparison.Ordinal) && f.Location is { Line: 16 });
    }

    [Fact]
    public async System.Threading.Tasks.Task InvalidPatternInAnInlineBodySchema_IsLocatedAtItsLine_NotTheFilesFirst()
    {
        // Seed 300: the operation's own (inline) response schema, not a component: the error was at line 1.
        var spec = Api("Node: {type: string}", responseSchema: "{type: array, items: {type: string, pattern: '(?<n>a)\\k<m>'}}");
        NoProblem(Check(spec, payloads: ["[\"a\"]"]));

        var path = _files.Write("inline-pattern.yaml", spec);
        var (validator, _, diagnostics, exitCode) = await PayloadValidation.ResolveAsync(new ValidationTarget { SpecPath = path, OperationId = "getNodes", Body = BodyDirection.Response });
        Assert.Null(validator);
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.InvalidSchema, 12), (error.Id, error.Location!.Line));
    }

    [Fact]
    public void ReferenceToAMissingFileBesideABodysContent_IsALocatedError_NotAnExceptionOfTheModelBuilder()
    {
        // Seed 300: Microsoft.OpenApi threw UriFormatException for a relative file reference it could not place.
        var spec = Api("Node: {type: string}", extra: """
              /upload:
                put:
                  operationId: upload
                  requestBody:
                    required: true
                    content: {application/octet-stream: {schema: {type: string, format: binary}}}
                    $ref: ./nested/missing.json
                  responses: {'204': {description: done}}
            """).Replace("openapi: 3.0.3", "openapi: 3.1.0", StringComparison.Ordinal);
        NoProblem(Check(spec));

        var loaded = Load(spec);
        Assert.Equal(ExitCodes.InputErrors, loaded.ExitCode);
        Assert.Contains(loaded.Diagnostics, d => d.Id == DiagnosticIds.UnresolvedReference && d.Message.Contains("./nested/missing.json", StringComparison.Ordinal) && d.Location is { Line: > 1 });
    }

    [Fact]
    public void NamesTooLongForMetadata_AreCutWithAHash_AndTheClientCompiles()
    {
        // Seed 300: CS7013 for an operationId, a parameter and a union variant's validator of 100,000 characters.
        var longName = string.Concat(Enumerable.Repeat("ab", 700));
        // JSON: YAML refuses implicit keys over 1,024 characters.
        var schema = new System.Text.Json.Nodes.JsonObject { ["type"] = "object", ["properties"] = new System.Text.Json.Nodes.JsonObject { [longName] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string" } } };
        var union = System.Text.Json.Nodes.JsonNode.Parse("""{"oneOf": [{"type": "string"}, {}]}""")!;
        union["oneOf"]![1]!["$ref"] = "#/components/schemas/" + longName;
        var operation = new System.Text.Json.Nodes.JsonObject
        {
            ["operationId"] = longName,
            ["parameters"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = longName, ["in"] = "query", ["schema"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string" } }),
            ["responses"] = new System.Text.Json.Nodes.JsonObject { ["200"] = new System.Text.Json.Nodes.JsonObject { ["description"] = "ok", ["content"] = new System.Text.Json.Nodes.JsonObject { ["application/json"] = new System.Text.Json.Nodes.JsonObject { ["schema"] = union } } } },
        };
        var spec = new System.Text.Json.Nodes.JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new System.Text.Json.Nodes.JsonObject { ["title"] = "T", ["version"] = "1" },
            ["paths"] = new System.Text.Json.Nodes.JsonObject { ["/things"] = new System.Text.Json.Nodes.JsonObject { ["get"] = operation } },
            ["components"] = new System.Text.Json.Nodes.JsonObject { ["schemas"] = new System.Text.Json.Nodes.JsonObject { [longName] = schema } },
        }.ToJsonString();

        NoProblem(Check(spec, compile: true, extension: ".json"));
    }

    [Fact]
    public void DiscriminatorMappingToAMissingSchema_IsLoweredWithoutIt()
    {
        var spec = Api("""
            Node:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat', ghost: '#/components/schemas/Ghost'}}
              example: {kind: cat}
            Cat: {type: object, properties: {kind: {type: string}}}
            Dog: {type: object, properties: {kind: {type: string}}}
            """);

        NoProblem(Check(spec, payloads: ["{\"kind\": \"cat\"}", "{\"kind\": \"ghost\"}"]));
        var lint = LintPipeline.Lint(Load(spec).Read);
        Assert.DoesNotContain(lint.Findings, f => f.Message.Contains("example does not validate", StringComparison.Ordinal));
    }

    [Fact]
    public void EnumValueNestedDeeperThanJsonDefaults_IsNotEnforced_WithAWarning()
    {
        var deep = new StringBuilder();
        deep.Append('[', 60).Append('1').Append(']', 60);
        var spec = Api($"Node: {{enum: [{deep}, 2], example: {deep}}}");

        NoProblem(Check(spec, compile: true, payloads: ["2", deep.ToString()]));
        Assert.Contains(Load(spec).Diagnostics, d => d.Id == DiagnosticIds.UnsupportedSchema && d.Message.Contains("enum is not enforced", StringComparison.Ordinal));
    }
}
