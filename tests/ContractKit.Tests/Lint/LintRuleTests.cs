using System.Collections.Generic;
using System.Linq;
using ContractKit.Lint;
using ContractKit.Reading;
using ContractKit.Reporting;
using ContractKit.Tests.Support;
using Xunit;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Lint;

/// <summary>One spec that triggers each rule and one that does not; findings asserted as (rule, level, line).</summary>
public class LintRuleTests
{
    private const string Header = """
        openapi: 3.0.3
        # the spec under test starts on line 4
        info: {title: T, version: "1"}

        """;

    private static List<(string Rule, FindingLevel Level, int Line)> Lint(string yaml, LintOptions? options = null)
    {
        using var spec = new TempSpec(Header + yaml);
        var result = LintPipeline.Lint(SpecReader.Read(spec.Path), options);
        return result.Findings.Select(f => (f.RuleId, f.Level, f.Location?.Line ?? 0)).ToList();
    }

    private static List<(string Rule, FindingLevel Level, int Line)> Only(string yaml, string rule) =>
        Lint(yaml).Where(f => f.Rule == rule).ToList();

    [Fact]
    public void Swagger2_Examples_AndDefaults_AreCheckedWhereTheFileWritesThem()
    {
        const string yaml = """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                get:
                  operationId: getPet
                  produces: [application/json]
                  parameters:
                    - {name: id, in: path, required: true, type: integer, x-example: abc}
                    - {name: limit, in: query, type: integer, maximum: 10, default: 50}
                    - {name: page, in: query, type: integer, default: 2, x-example: 3}
                  responses:
                    '200':
                      description: ok
                      schema: {$ref: '#/definitions/Pet'}
                      examples:
                        application/json: {id: x, name: 3}
                        text/plain: not json, not checked
              /pets:
                post:
                  operationId: addPet
                  parameters:
                    - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
                  responses:
                    '201': {description: created, schema: {type: object, properties: {ok: {type: boolean, default: yes}}}}
            definitions:
              Pet:
                type: object
                required: [id]
                properties:
                  id: {type: integer, example: nope}
                  name: {type: string, maxLength: 3, default: toolong}
                example: {id: 1, name: abcdef}
                x-valid: {id: 1}
            """;
        using var spec = new TempSpec(yaml);
        var result = LintPipeline.Lint(SpecReader.Read(spec.Path));
        var findings = result.Findings.Where(f => f.RuleId is "CK4001" or "CK4002").Select(f => (f.RuleId, f.Location?.Line ?? 0)).ToList();

        Assert.Equal(
            [("CK4001", 9), ("CK4002", 10), ("CK4001", 17), ("CK4002", 25), ("CK4001", 31), ("CK4002", 32), ("CK4001", 33)],
            findings.OrderBy(f => f.Item2).ToList());
    }

    [Fact]
    public void InvalidExamples_ReportedAtTheExampleLine_ValidOnesNot()
    {
        var yaml = """
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                        examples:
                          good: {value: {name: x}}
                          bad:
                            value: {name: 5}
                          readOnlySent:
                            value: {name: x, id: "1"}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                          example: {name: x, id: "1"}
            components:
              schemas:
                Thing:
                  type: object
                  required: [name]
                  properties:
                    id: {type: string, readOnly: true}
                    name:
                      type: string
                      maxLength: 3
                      example: toolong
                    count: {type: integer, default: "zero", minimum: 0}
                  example: {name: abc}
            """;
        var findings = Lint(yaml).Where(f => f.Rule.StartsWith("CK400", System.StringComparison.Ordinal) && f.Rule != "CK4003").ToList();
        Assert.Equal(
            [("CK4001", FindingLevel.Error, 15), ("CK4001", FindingLevel.Error, 17), ("CK4001", FindingLevel.Error, 35), ("CK4002", FindingLevel.Error, 36)],
            findings);
    }

    [Fact]
    public void Example_MissingARequiredNameTheSchemaDoesNotDeclare_IsReported()
    {
        var yaml = """
            paths: {}
            components:
              schemas:
                Approval:
                  type: object
                  required: [type, request_id]
                  properties: {type: {type: string}}
                  example: {type: approval}
                Answered:
                  type: object
                  required: [type, request_id]
                  properties: {type: {type: string}}
                  example: {type: approval, request_id: r1}
            """;
        Assert.Equal([("CK4001", FindingLevel.Error, 11)], Only(yaml, "CK4001"));
    }

    [Fact]
    public void UnusedComponents_Reported_ReachableOnesNot()
    {
        var yaml = """
            paths:
              /a:
                get:
                  operationId: a
                  parameters: [{$ref: '#/components/parameters/P'}]
                  responses:
                    '200': {$ref: '#/components/responses/R'}
            components:
              parameters:
                P: {name: p, in: query, schema: {type: string}}
                Q: {name: q, in: query, schema: {type: string}}
              responses:
                R:
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Used'}}}
              schemas:
                Used: {type: object, properties: {b: {$ref: '#/components/schemas/UsedToo'}}}
                UsedToo: {type: string}
                Unused: {type: object, properties: {c: {$ref: '#/components/schemas/OnlyFromUnused'}}}
                OnlyFromUnused: {type: string}
            """;
        Assert.Equal([("CK4003", FindingLevel.Warning, 14), ("CK4003", FindingLevel.Warning, 22), ("CK4003", FindingLevel.Warning, 23)], Only(yaml, "CK4003"));
    }

    [Fact]
    public void UnresolvedReference_SurfacedFromTheReader()
    {
        var yaml = """
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}
            """;
        Assert.Contains(Lint(yaml), f => f.Rule == "CK1007" && f.Level == FindingLevel.Error && f.Line == 11);
    }

    [Fact]
    public void OperationIds_DuplicateIsError_MissingIsInfo()
    {
        var yaml = """
            paths:
              /a:
                get:
                  operationId: same
                  responses: {'200': {description: ok}}
                put:
                  operationId: same
                  responses: {'200': {description: ok}}
                post:
                  responses: {'200': {description: ok}}
                delete:
                  operationId: other
                  responses: {'200': {description: ok}}
            """;
        var findings = Lint(yaml).Where(f => f.Rule is "CK4004" or "CK4005").ToList();
        Assert.Equal([("CK4004", FindingLevel.Error, 10), ("CK4005", FindingLevel.Info, 12)], findings);
    }

    [Fact]
    public void WebhookOperations_NeedAnOperationIdToo_ButHaveNoPathTemplate()
    {
        using var spec = new TempSpec("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            webhooks:
              "{weird}":
                post:
                  responses: {'200': {description: ok}}
            """);
        var findings = LintPipeline.Lint(SpecReader.Read(spec.Path)).Findings.Select(f => (f.RuleId, f.Level, f.Location?.Line ?? 0, f.Operation)).ToList();
        Assert.Equal([("CK4005", FindingLevel.Info, 6, (string?)"webhook {weird} POST")], findings);
    }

    [Fact]
    public void PathParameters_TemplateAndDeclarationsMatch_AndAreRequired()
    {
        var yaml = """
            paths:
              /a/{id}/{missing}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                get:
                  operationId: a
                  parameters:
                    - {name: extra, in: path, required: true, schema: {type: string}}
                  responses: {'200': {description: ok}}
              /b/{id}:
                get:
                  operationId: b
                  parameters:
                    - {name: id, in: path, schema: {type: string}}
                  responses: {'200': {description: ok}}
              /c/{id}:
                get:
                  operationId: c
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses: {'200': {description: ok}}
            """;
        var findings = Lint(yaml).Where(f => f.Rule is "CK4006" or "CK4007" or "CK4008").ToList();
        Assert.Equal([("CK4006", FindingLevel.Error, 8), ("CK4007", FindingLevel.Error, 11), ("CK4008", FindingLevel.Error, 17)], findings);
    }

    [Fact]
    public void Discriminator_PropertyDeclaredAndRequiredInEveryBranch()
    {
        var yaml = """
            paths: {}
            components:
              schemas:
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                    - $ref: '#/components/schemas/Fish'
                  discriminator: {propertyName: kind}
                Cat: {type: object, required: [kind], properties: {kind: {type: string}}}
                Dog: {type: object, properties: {kind: {type: string}}}
                Fish: {type: object, properties: {fins: {type: integer}}}
            """;
        var findings = Lint(yaml).Where(f => f.Rule is "CK4009" or "CK4010").ToList();
        Assert.Equal([("CK4010", FindingLevel.Warning, 10), ("CK4009", FindingLevel.Error, 11)], findings);
    }

    [Fact]
    public void Required_NamesUndeclaredProperty_ErrorWhenClosed_WarningWhenOpen_AllOfCounts()
    {
        var yaml = """
            paths: {}
            components:
              schemas:
                Closed: {type: object, additionalProperties: false, required: [a, nope], properties: {a: {type: string}}}
                Open:
                  type: object
                  required: [a, typo]
                  properties: {a: {type: string}}
                Base: {type: object, properties: {a: {type: string}}}
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - {type: object, required: [a, b], properties: {b: {type: string}}}
                OneOfRequired:
                  type: object
                  properties: {a: {type: string}, b: {type: string}}
                  oneOf: [{required: [a]}, {required: [b]}]
            """;
        Assert.Equal([("CK4011", FindingLevel.Error, 7), ("CK4011", FindingLevel.Warning, 10)], Only(yaml, "CK4011"));
    }

    [Fact]
    public void OpenApi30Syntax_IsFlaggedIn31_AndNotIn30()
    {
        const string schemas = """
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name: {type: string, nullable: true}
                    count: {type: integer, minimum: 0, exclusiveMinimum: true}
                    ratio: {type: number, exclusiveMaximum: 1}
                    plain: {type: [string, 'null']}
            """;
        using var spec31 = new TempSpec("openapi: 3.1.0\ninfo: {title: T, version: '1'}\n" + schemas);
        var found = LintPipeline.Lint(SpecReader.Read(spec31.Path)).Findings.Where(f => f.RuleId == "CK4016").Select(f => f.Location!.Pointer).ToList();
        Assert.Equal(["#/components/schemas/Thing/properties/name/nullable", "#/components/schemas/Thing/properties/count/exclusiveMinimum"], found);

        Assert.Empty(Only(schemas, "CK4016")); // the same schemas in 3.0.3 are correct 3.0
    }

    [Fact]
    public void PathWithQueryString_IsFlaggedOnce()
    {
        var yaml = """
            paths:
              /responses?beta=true:
                get: {operationId: a, responses: {'200': {description: ok}}}
                post: {operationId: b, responses: {'200': {description: ok}}}
              /responses:
                get: {operationId: c, responses: {'200': {description: ok}}}
            """;
        Assert.Equal([("CK4017", FindingLevel.Warning, 5)], Only(yaml, "CK4017"));
    }

    [Fact]
    public void Required_OnASchemaThatIsNeverAnObject_IsFlagged()
    {
        var yaml = """
            paths: {}
            components:
              schemas:
                Attachments:
                  anyOf:
                    - type: array
                      items: {type: object, properties: {file_id: {type: string}}}
                      required: [file_id]
                    - type: 'null'
                Either: {type: [string, 'null'], required: [x]}
                MaybeObject: {type: [object, 'null'], required: [x], properties: {x: {type: string}}}
                NoType: {required: [x]}
                Empty: {type: array, required: []}
            """;
        Assert.Equal([("CK4015", FindingLevel.Warning, 11), ("CK4015", FindingLevel.Warning, 13)], Only(yaml, "CK4015"));
    }

    [Fact]
    public void ServersEnumsAndBounds()
    {
        var yaml = """
            servers:
              - url: https://api.example.com/v1
              - url: /v1
              - url: '{scheme}://example.com'
                variables: {scheme: {default: https}}
            paths: {}
            components:
              schemas:
                E: {type: string, enum: [a, b, a]}
                S: {type: string, minLength: 5, maxLength: 2}
                N: {type: integer, minimum: 1, maximum: 10}
            """;
        var findings = Lint(yaml).Where(f => f.Rule is "CK4012" or "CK4013" or "CK4014").ToList();
        Assert.Equal([("CK4012", FindingLevel.Warning, 6), ("CK4013", FindingLevel.Warning, 12), ("CK4014", FindingLevel.Error, 13)], findings);
    }

    [Fact]
    public void LevelOverrides_ChangeOrTurnOffRules()
    {
        var yaml = """
            paths: {}
            components:
              schemas:
                E: {type: string, enum: [a, a]}
                U: {type: string, minLength: 5, maxLength: 2}
            """;
        var options = new LintOptions
        {
            Levels = new Dictionary<string, FindingLevel?>(System.StringComparer.OrdinalIgnoreCase) { ["duplicate-enum-value"] = FindingLevel.Error, ["CK4003"] = null },
        };
        Assert.Equal([("CK4013", FindingLevel.Error, 7), ("CK4014", FindingLevel.Error, 8)], Lint(yaml, options));
    }

    [Fact]
    public void ThreadsSpec_LintsClean()
    {
        var result = LintPipeline.Lint(SpecReader.Read(TempSpec.ThreadsSpecPath));
        Assert.DoesNotContain(result.Findings, f => f.Level >= FindingLevel.Warning);
        Assert.True(result.ExamplesChecked > 0);
        Assert.Equal(0, result.ExamplesSkipped);
    }
}
