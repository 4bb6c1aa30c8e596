using System.Linq;
using ContractKit.Diff;
using ContractKit.Reporting;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;

namespace ContractKit.Tests.Diff;

/// <summary>One base/head pair per rule, and the opposite direction where it matters.</summary>
public sealed class RuleTests
{
    private const string Obj = "{type: object, properties: {a: {type: string}}}";

    // Operations

    [Fact]
    public void PathRemoved()
    {
        var other = "  /other:\n    get: {operationId: other, responses: {'200': {description: ok}}}";
        var f = Single(Changes(Api(extraPaths: other), Api()), DiffRules.PathRemoved);
        Assert.Equal("GET /other", f.Operation);
        Assert.Equal("api-path-removed-without-deprecation", f.OasdiffId);
    }

    [Fact]
    public void OperationRemoved_PathKept()
    {
        var withGet = Api().Replace("    post:\n", "    get: {operationId: g, responses: {'200': {description: ok}}}\n    post:\n", System.StringComparison.Ordinal);
        Assert.Contains("operationId: g", withGet, System.StringComparison.Ordinal);
        var f = Single(Changes(withGet, Api()), DiffRules.OperationRemoved);
        Assert.Equal("GET /items/{id}", f.Operation);
        Assert.True(f.Location!.Line > 0);
    }

    [Fact]
    public void OperationAdded_IsNotAFinding() =>
        None(Changes(Api(), Api(extraPaths: "  /other:\n    get: {operationId: other, responses: {'200': {description: ok}}}")));

    [Fact]
    public void DeprecatedWithoutSunset_Warns_WithSunset_DoesNot()
    {
        Single(Changes(Api(), Api(operationExtras: "deprecated: true")), DiffRules.DeprecatedWithoutSunset);
        None(Changes(Api(), Api(operationExtras: "deprecated: true\n      x-sunset: '2026-01-01'")));
    }

    [Fact]
    public void SecurityAdded_And_SecurityChanged()
    {
        const string schemes = "components:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://x/t', scopes: {read: r, write: w}}}}";
        string WithSecurity(string security) => Api(operationExtras: "security: " + security).Replace("components:", schemes, System.StringComparison.Ordinal);

        Single(Changes(WithSecurity("[]"), WithSecurity("[{key: []}]")), DiffRules.SecurityAdded);
        Single(Changes(WithSecurity("[{oauth: [read]}]"), WithSecurity("[{oauth: [read, write]}]")), DiffRules.SecurityChanged);
        Single(Changes(WithSecurity("[{key: []}, {oauth: [read]}]"), WithSecurity("[{oauth: [read]}]")), DiffRules.SecurityChanged);

        // An extra alternative, or fewer scopes, only lets more clients in.
        None(Changes(WithSecurity("[{key: []}]"), WithSecurity("[{key: []}, {oauth: [read]}]")));
        None(Changes(WithSecurity("[{oauth: [read, write]}]"), WithSecurity("[{oauth: [read]}]")));
    }

    [Fact]
    public void SecuritySchemeChanged_WhenStillInUse()
    {
        static string With(string keyScheme, string security = "[{key: []}]") =>
            Api(operationExtras: "security: " + security).Replace("components:", "components:\n  securitySchemes:\n    key: " + keyScheme, System.StringComparison.Ordinal);

        var f = Single(Changes(With("{type: apiKey, in: header, name: X-Key}"), With("{type: apiKey, in: query, name: key}")), DiffRules.SecuritySchemeChanged);
        Assert.Equal("#/components/securitySchemes/key", f.Location!.Pointer);
        Assert.Contains("API key location header → query", f.Message, System.StringComparison.Ordinal);
        Single(Changes(With("{type: http, scheme: basic}"), With("{type: http, scheme: bearer}")), DiffRules.SecuritySchemeChanged);
        Single(Changes(With("{type: apiKey, in: header, name: X-Key}"), With("{type: http, scheme: bearer}")), DiffRules.SecuritySchemeChanged);

        // Header names are case-insensitive; a description change or an unused scheme breaks no one.
        None(Changes(With("{type: apiKey, in: header, name: X-Key}"), With("{type: apiKey, in: header, name: x-key}")));
        None(Changes(With("{type: http, scheme: bearer}"), With("{type: http, scheme: bearer, description: new words}")));
        None(Changes(With("{type: apiKey, in: header, name: X-Key}", "[]"), With("{type: apiKey, in: query, name: key}", "[]")));
    }

    // Parameters

    [Fact]
    public void RequiredParameterAdded_OptionalIsFine()
    {
        var f = Single(Changes(Api(), Api(parameters: "- {name: q, in: query, required: true, schema: {type: string}}")), DiffRules.ParameterAddedRequired);
        Assert.Equal("new-required-request-parameter", f.OasdiffId);
        Assert.Equal("request", f.Direction);
        Assert.Equal("#/paths/~1items~1{id}/post/parameters/1", f.Location!.Pointer); // the parameter itself, for annotations
        None(Changes(Api(), Api(parameters: "- {name: q, in: query, schema: {type: string}}")));
    }

    [Fact]
    public void ParameterRemoved() =>
        Single(Changes(Api(parameters: "- {name: q, in: query, schema: {type: string}}"), Api()), DiffRules.ParameterRemoved);

    [Fact]
    public void ParameterBecameRequired_AndNotTheOtherWay()
    {
        Single(Changes(Api(parameters: "- {name: q, in: query, schema: {type: string}}"), Api(parameters: "- {name: q, in: query, required: true, schema: {type: string}}")), DiffRules.ParameterBecameRequired);
        None(Changes(Api(parameters: "- {name: q, in: query, required: true, schema: {type: string}}"), Api(parameters: "- {name: q, in: query, schema: {type: string}}")));
    }

    [Fact]
    public void ParameterTypeAndFormatChanged()
    {
        static string P(string schema) => $"- {{name: q, in: query, schema: {schema}}}";
        Single(Changes(Api(parameters: P("{type: integer}")), Api(parameters: P("{type: string}"))), DiffRules.RequestTypeChanged);
        Single(Changes(Api(parameters: P("{type: string}")), Api(parameters: P("{type: string, format: uuid}"))), DiffRules.RequestTypeChanged);
        Single(Changes(Api(parameters: P("{type: integer, format: int64}")), Api(parameters: P("{type: integer, format: int32}"))), DiffRules.RequestTypeChanged);

        // Widening what a request accepts is fine.
        None(Changes(Api(parameters: P("{type: integer, format: int32}")), Api(parameters: P("{type: integer, format: int64}"))));
        None(Changes(Api(parameters: P("{type: integer}")), Api(parameters: P("{type: number}"))));
    }

    [Fact]
    public void ParameterEnumValueRemoved_AddedIsFine()
    {
        static string P(string values) => $"- {{name: q, in: query, schema: {{type: string, enum: [{values}]}}}}";
        var f = Single(Changes(Api(parameters: P("a, b")), Api(parameters: P("a"))), DiffRules.RequestEnumValueRemoved);
        Assert.Contains("\"b\"", f.Message, System.StringComparison.Ordinal);
        None(Changes(Api(parameters: P("a")), Api(parameters: P("a, b"))));
    }

    [Theory]
    [InlineData("{type: string}", "{type: string, maxLength: 5}")]
    [InlineData("{type: string, maxLength: 10}", "{type: string, maxLength: 5}")]
    [InlineData("{type: string, minLength: 1}", "{type: string, minLength: 2}")]
    [InlineData("{type: string}", "{type: string, pattern: '^a'}")]
    [InlineData("{type: integer, maximum: 10}", "{type: integer, maximum: 5}")]
    [InlineData("{type: integer}", "{type: integer, minimum: 1}")]
    public void ParameterConstraintTightened(string before, string after)
    {
        Single(Changes(Api(parameters: $"- {{name: q, in: query, schema: {before}}}"), Api(parameters: $"- {{name: q, in: query, schema: {after}}}")), DiffRules.RequestConstraintTightened);
        None(Changes(Api(parameters: $"- {{name: q, in: query, schema: {after}}}"), Api(parameters: $"- {{name: q, in: query, schema: {before}}}")));
    }

    [Fact]
    public void ParameterPatternChanged_IsTighteningEitherWay()
    {
        Single(Changes(Api(parameters: "- {name: q, in: query, schema: {type: string, pattern: '^a'}}"), Api(parameters: "- {name: q, in: query, schema: {type: string, pattern: '^b'}}")), DiffRules.RequestConstraintTightened);
        None(Changes(Api(parameters: "- {name: q, in: query, schema: {type: string, pattern: '^a'}}"), Api(parameters: "- {name: q, in: query, schema: {type: string}}")));
    }

    [Fact]
    public void ParameterLocationStyleExplodeChanged()
    {
        Single(Changes(Api(parameters: "- {name: q, in: query, schema: {type: string}}"), Api(parameters: "- {name: q, in: header, schema: {type: string}}")), DiffRules.ParameterSerializationChanged);
        Single(Changes(Api(parameters: "- {name: q, in: query, schema: {type: array, items: {type: string}}}"), Api(parameters: "- {name: q, in: query, explode: false, schema: {type: array, items: {type: string}}}")), DiffRules.ParameterSerializationChanged);
        Single(Changes(Api(parameters: "- {name: q, in: query, style: form, schema: {type: array, items: {type: string}}}"), Api(parameters: "- {name: q, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}")), DiffRules.ParameterSerializationChanged);
    }

    [Fact]
    public void ParameterDefaultChanged() =>
        Single(Changes(Api(parameters: "- {name: q, in: query, schema: {type: integer, default: 10}}"), Api(parameters: "- {name: q, in: query, schema: {type: integer, default: 20}}")), DiffRules.RequestDefaultChanged);

    // Request body

    [Fact]
    public void RequestBodyBecameRequired() => Single(Changes(Api(), Api(bodyRequired: "true")), DiffRules.BodyBecameRequired);

    [Fact]
    public void RequestMediaTypeRemoved() => Single(Changes(Api(), Api(requestMedia: "application/xml")), DiffRules.RequestMediaTypeRemoved);

    [Fact]
    public void RequestPropertyAddedAsRequired_OptionalIsFine()
    {
        var f = Single(Changes(Api(request: Obj), Api(request: "{type: object, required: [b], properties: {a: {type: string}, b: {type: string}}}")), DiffRules.RequestPropertyAddedRequired);
        Assert.Equal("#/paths/~1items~1{id}/post/requestBody/content/application~1json/schema/properties/b", f.Location!.Pointer);
        Assert.True(f.Location.Line > 0);
        None(Changes(Api(request: Obj), Api(request: "{type: object, properties: {a: {type: string}, b: {type: string}}}")));
    }

    [Fact]
    public void RequestPropertyBecameRequired() =>
        Single(Changes(Api(request: Obj), Api(request: "{type: object, required: [a], properties: {a: {type: string}}}")), DiffRules.RequestPropertyBecameRequired);

    [Fact]
    public void RequestPropertyRemoved() => Single(Changes(Api(request: Obj), Api(request: "{type: object}")), DiffRules.RequestPropertyRemoved);

    [Fact]
    public void RequestPropertyTypeChanged() =>
        Single(Changes(Api(request: Obj), Api(request: "{type: object, properties: {a: {type: integer}}}")), DiffRules.RequestTypeChanged);

    [Fact]
    public void RequestPropertyEnumValueRemoved_NamedEnum()
    {
        var f = Single(
            Changes(Api(request: "{$ref: '#/components/schemas/Holder'}", schemas: "Holder: {type: object, properties: {c: {$ref: '#/components/schemas/Color'}}}\nColor: {type: string, enum: [red, green]}"),
                 Api(request: "{$ref: '#/components/schemas/Holder'}", schemas: "Holder: {type: object, properties: {c: {$ref: '#/components/schemas/Color'}}}\nColor: {type: string, enum: [red]}")),
            DiffRules.RequestEnumValueRemoved);
        Assert.Contains("green", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RequestPropertyNullableRemoved() =>
        Single(Changes(Api(request: "{type: object, properties: {a: {type: string, nullable: true}}}"), Api(request: Obj)), DiffRules.RequestNullableRemoved);

    [Theory]
    [InlineData("{type: array, items: {type: string}}", "{type: array, items: {type: string}, maxItems: 3}")]
    [InlineData("{type: array, items: {type: string}}", "{type: array, items: {type: string}, uniqueItems: true}")]
    [InlineData("{type: array, items: {type: string}, minItems: 1}", "{type: array, items: {type: string}, minItems: 2}")]
    [InlineData("{type: object, additionalProperties: {type: string}}", "{type: object, additionalProperties: {type: string}, maxProperties: 3}")]
    [InlineData("{type: number, multipleOf: 5}", "{type: number, multipleOf: 10}")]
    [InlineData("{type: number}", "{type: number, maximum: 10, exclusiveMaximum: true}")]
    public void RequestPropertyConstraintTightened(string before, string after)
    {
        Single(Changes(Api(request: $"{{type: object, properties: {{a: {before}}}}}"), Api(request: $"{{type: object, properties: {{a: {after}}}}}")), DiffRules.RequestConstraintTightened);
        None(Changes(Api(request: $"{{type: object, properties: {{a: {after}}}}}"), Api(request: $"{{type: object, properties: {{a: {before}}}}}")));
    }

    [Fact]
    public void MultipleOf_ThatDividesTheOldOne_IsNotTighter() =>
        None(Changes(Api(request: "{type: object, properties: {a: {type: number, multipleOf: 10}}}"), Api(request: "{type: object, properties: {a: {type: number, multipleOf: 5}}}")));

    [Fact]
    public void RequestAdditionalPropertiesClosed() =>
        Single(Changes(Api(request: Obj), Api(request: "{type: object, additionalProperties: false, properties: {a: {type: string}}}")), DiffRules.RequestAdditionalPropertiesClosed);

    [Fact]
    public void RequestPropertyDefaultChanged() =>
        Single(Changes(Api(request: "{type: object, properties: {a: {type: string, default: x}}}"), Api(request: "{type: object, properties: {a: {type: string, default: y}}}")), DiffRules.RequestDefaultChanged);

    // Responses

    [Fact]
    public void ResponseStatusRemoved_SuccessIsAnError_OtherAWarning()
    {
        Single(Changes(Api(), Api().Replace("'200'", "'201'", System.StringComparison.Ordinal)), DiffRules.ResponseSuccessStatusRemoved);
        Single(Changes(Api(), Api().Replace("'404'", "'410'", System.StringComparison.Ordinal)), DiffRules.ResponseStatusRemoved);
    }

    [Fact]
    public void ResponseMediaTypeRemoved() => Single(Changes(Api(), Api(responseMedia: "text/plain")), DiffRules.ResponseMediaTypeRemoved);

    [Fact]
    public void ResponsePropertyRemoved_RequiredIsAnError_OptionalAWarning()
    {
        var f = Single(Changes(Api(response: "{type: object, required: [a], properties: {a: {type: string}}}"), Api(response: "{type: object}")), DiffRules.ResponsePropertyRemoved);
        Assert.Equal("response", f.Direction);
        Single(Changes(Api(response: Obj), Api(response: "{type: object}")), DiffRules.ResponseOptionalPropertyRemoved);
    }

    [Fact]
    public void ResponsePropertyTypeChanged_NarrowingIsFine()
    {
        Single(Changes(Api(response: Obj), Api(response: "{type: object, properties: {a: {type: integer}}}")), DiffRules.ResponseTypeChanged);
        Single(Changes(Api(response: "{type: object, properties: {a: {type: integer}}}"), Api(response: "{type: object, properties: {a: {type: number}}}")), DiffRules.ResponseTypeChanged);
        None(Changes(Api(response: "{type: object, properties: {a: {type: number}}}"), Api(response: "{type: object, properties: {a: {type: integer}}}")));
    }

    [Fact]
    public void ResponsePropertyBecameOptional_BecomingRequiredIsFine()
    {
        Single(Changes(Api(response: "{type: object, required: [a], properties: {a: {type: string}}}"), Api(response: Obj)), DiffRules.ResponsePropertyBecameOptional);
        None(Changes(Api(response: Obj), Api(response: "{type: object, required: [a], properties: {a: {type: string}}}")));
    }

    [Fact]
    public void ResponsePropertyBecameNullable_InARequestItIsFine()
    {
        const string nullable = "{type: object, properties: {a: {type: string, nullable: true}}}";
        Single(Changes(Api(response: Obj), Api(response: nullable)), DiffRules.ResponseBecameNullable);
        None(Changes(Api(request: Obj), Api(request: nullable)));
    }

    [Fact]
    public void ResponseEnumValueAdded_IsAWarning_InARequestItIsFine()
    {
        const string before = "{type: object, properties: {s: {type: string, enum: [a, b]}}}";
        const string after = "{type: object, properties: {s: {type: string, enum: [a, b, c]}}}";
        Single(Changes(Api(response: before), Api(response: after)), DiffRules.ResponseEnumValueAdded);
        None(Changes(Api(request: before), Api(request: after)));
    }

    [Fact]
    public void ResponseConstraintLoosened_TighteningIsFine()
    {
        const string tight = "{type: object, properties: {s: {type: string, maxLength: 5}}}";
        const string loose = "{type: object, properties: {s: {type: string, maxLength: 50}}}";
        Single(Changes(Api(response: tight), Api(response: loose)), DiffRules.ResponseConstraintLoosened);
        None(Changes(Api(response: loose), Api(response: tight)));
    }

    [Fact]
    public void ResponseHeaderRemoved() =>
        Single(Changes(Api(responseExtras: "headers: {X-Rate: {schema: {type: integer}}}"), Api()), DiffRules.ResponseHeaderRemoved);

    // Direction

    [Fact]
    public void SharedSchema_PropertyRemoval_IsJudgedPerDirection()
    {
        const string refd = "{$ref: '#/components/schemas/Thing'}";
        var findings = Changes(
            Api(request: refd, response: refd, schemas: "Thing: {type: object, required: [a], properties: {a: {type: string}, b: {type: string}}}"),
            Api(request: refd, response: refd, schemas: "Thing: {type: object, properties: {b: {type: string}}}"));
        var request = findings.Single(f => f.Direction == "request");
        var response = findings.Single(f => f.Direction == "response");
        Assert.Equal(DiffRules.RequestPropertyRemoved.Id, request.RuleId);
        Assert.Equal(FindingLevel.Warning, request.Level);
        Assert.Equal(DiffRules.ResponsePropertyRemoved.Id, response.RuleId);
        Assert.Equal(FindingLevel.Error, response.Level);
        Assert.Equal("#/components/schemas/Thing", response.Location!.Pointer);
    }

    [Fact]
    public void ReadOnlyProperties_DoNotCountInRequests()
    {
        None(Changes(
            Api(request: "{type: object, properties: {id: {type: string, readOnly: true}, a: {type: string}}}"),
            Api(request: "{type: object, required: [id], properties: {id: {type: string, readOnly: true}, a: {type: string}}}")));
    }

    [Fact]
    public void UnionVariantRemoved_InARequest_AddedInAResponse()
    {
        const string shapes = "A: {type: object, required: [x], properties: {x: {type: string}}}\nB: {type: object, required: [y], properties: {y: {type: integer}}}\nC: {type: object, required: [z], properties: {z: {type: boolean}}}";
        const string two = "{oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}";
        const string swapped = "{oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/C'}]}";
        const string reordered = "{oneOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/A'}]}";
        Single(Changes(Api(request: two, schemas: shapes), Api(request: swapped, schemas: shapes)), DiffRules.RequestTypeChanged);
        Single(Changes(Api(response: two, schemas: shapes), Api(response: swapped, schemas: shapes)), DiffRules.ResponseTypeChanged);
        None(Changes(Api(request: two, response: two, schemas: shapes), Api(request: reordered, response: reordered, schemas: shapes)));
    }

    [Fact]
    public void RecursiveSchemas_Terminate()
    {
        const string tree = "Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}}, name: {type: string}}}";
        var f = Single(
            Changes(Api(response: "{$ref: '#/components/schemas/Node'}", schemas: tree),
                 Api(response: "{$ref: '#/components/schemas/Node'}", schemas: tree.Replace("name: {type: string}", "name: {type: integer}", System.StringComparison.Ordinal))),
            DiffRules.ResponseTypeChanged);
        Assert.Contains("'name'", f.Message, System.StringComparison.Ordinal);
    }
}
