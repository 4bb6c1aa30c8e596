using ContractKit.Diff;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;

namespace ContractKit.Tests.Diff;

/// <summary>readOnly/writeOnly flips, parameter and header serialization, security scheme details, operationId: each both ways, with a clean twin.</summary>
public sealed class ParameterAndSchemeRuleTests
{
    private static string Flagged(string flag) => "{type: object, required: [id], properties: {id: {type: string" + flag + "}}}";

    [Fact]
    public void RequiredPropertyLosingReadOnly_MustNowBeSent()
    {
        var f = Single(Changes(Api(request: Flagged(", readOnly: true")), Api(request: Flagged(""))), DiffRules.RequestPropertyReadOnlyRemoved);
        Assert.Contains("'id'", f.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain(Changes(Api(request: Flagged("")), Api(request: Flagged(", readOnly: true"))), f => f.RuleId == DiffRules.RequestPropertyReadOnlyRemoved.Id);
        None(Changes(Api(request: "{type: object, properties: {id: {type: string, readOnly: true}}}"), Api(request: "{type: object, properties: {id: {type: string}}}")));
    }

    [Fact]
    public void RequiredPropertyLosingWriteOnly_NowAppearsInResponses()
    {
        Single(Changes(Api(response: Flagged(", writeOnly: true")), Api(response: Flagged(""))), DiffRules.ResponsePropertyWriteOnlyRemoved);
        None(Changes(Api(response: Flagged(", writeOnly: true")), Api(response: Flagged(", writeOnly: true"))));
    }

    [Fact]
    public void AllowEmptyValueRemoved_IsAnError_Added_IsNot()
    {
        const string empty = "- {name: q, in: query, allowEmptyValue: true, schema: {type: string}}";
        const string plain = "- {name: q, in: query, schema: {type: string}}";
        Single(Changes(Api(parameters: empty), Api(parameters: plain)), DiffRules.ParameterEmptyValueDisallowed);
        None(Changes(Api(parameters: plain), Api(parameters: empty)));
    }

    [Fact]
    public void RequestHeaderExplodeChanged_IsASerializationChange() =>
        Single(Changes(
            Api(parameters: "- {name: X-Ids, in: header, schema: {type: array, items: {type: string}}}"),
            Api(parameters: "- {name: X-Ids, in: header, explode: true, schema: {type: array, items: {type: string}}}")), DiffRules.ParameterSerializationChanged);

    private static string Header(string fields) => "headers:\n            X-Rate: {" + fields + "schema: {type: array, items: {type: integer}}}";

    [Fact]
    public void ResponseHeaderBecomingOptional_IsAnError_BecomingRequired_IsNot()
    {
        Single(Changes(Api(responseExtras: Header("required: true, ")), Api(responseExtras: Header(""))), DiffRules.ResponseHeaderBecameOptional);
        None(Changes(Api(responseExtras: Header("")), Api(responseExtras: Header("required: true, "))));
    }

    [Fact]
    public void ResponseHeaderExplodeChanged_IsAnError_DefaultStyleWrittenOut_IsNot()
    {
        Single(Changes(Api(responseExtras: Header("")), Api(responseExtras: Header("explode: true, "))), DiffRules.ResponseHeaderSerializationChanged);
        Single(Changes(Api(responseExtras: Header("explode: true, ")), Api(responseExtras: Header(""))), DiffRules.ResponseHeaderSerializationChanged);
        None(Changes(Api(responseExtras: Header("")), Api(responseExtras: Header("style: simple, explode: false, "))));
    }

    private static string Secured(string scheme, string security = "[{s: [read]}]") =>
        Api(operationExtras: "security: " + security).Replace("components:", "components:\n  securitySchemes:\n    s: " + scheme, System.StringComparison.Ordinal);

    private static string OAuth(string tokenUrl = "https://a/token", string scopes = "{read: r, write: w}", string refresh = "") =>
        "{type: oauth2, flows: {authorizationCode: {authorizationUrl: 'https://a/auth', tokenUrl: '" + tokenUrl + "', " + refresh + "scopes: " + scopes + "}}}";

    [Fact]
    public void OAuthFlow_UrlChanged_OrScopeRemoved_IsAnError()
    {
        var f = Single(Changes(Secured(OAuth()), Secured(OAuth(tokenUrl: "https://b/token"))), DiffRules.SecuritySchemeEndpointChanged);
        Assert.Contains("tokenUrl 'https://a/token' → 'https://b/token'", f.Message, System.StringComparison.Ordinal);
        Single(Changes(Secured(OAuth()), Secured(OAuth(refresh: "refreshUrl: 'https://a/refresh', "))), DiffRules.SecuritySchemeEndpointChanged);
        Single(Changes(Secured(OAuth()), Secured(OAuth(scopes: "{read: r}"))), DiffRules.SecuritySchemeEndpointChanged);
        Single(Changes(Secured(OAuth()), Secured("{type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://a/token', scopes: {read: r, write: w}}}}")), DiffRules.SecuritySchemeEndpointChanged);

        // A scope added, or a scope's description changed, breaks no one.
        None(Changes(Secured(OAuth()), Secured(OAuth(scopes: "{read: r, write: w, admin: a}"))));
        None(Changes(Secured(OAuth()), Secured(OAuth(scopes: "{read: reading, write: w}"))));
    }

    [Fact]
    public void OpenIdConnectUrlChanged_IsAnError()
    {
        Single(Changes(Secured("{type: openIdConnect, openIdConnectUrl: 'https://a/.well-known/openid-configuration'}", "[{s: []}]"),
            Secured("{type: openIdConnect, openIdConnectUrl: 'https://b/.well-known/openid-configuration'}", "[{s: []}]")), DiffRules.SecuritySchemeEndpointChanged);
        None(Changes(Secured("{type: openIdConnect, openIdConnectUrl: 'https://a/x'}", "[{s: []}]"), Secured("{type: openIdConnect, openIdConnectUrl: 'https://a/x', description: d}", "[{s: []}]")));
    }

    [Fact]
    public void BearerFormatChanged_Warns()
    {
        Single(Changes(Secured("{type: http, scheme: bearer, bearerFormat: JWT}", "[{s: []}]"), Secured("{type: http, scheme: bearer, bearerFormat: opaque}", "[{s: []}]")), DiffRules.SecuritySchemeBearerFormatChanged);
        None(Changes(Secured("{type: http, scheme: bearer, bearerFormat: JWT}", "[{s: []}]"), Secured("{type: http, scheme: bearer, bearerFormat: JWT}", "[{s: []}]")));
    }

    [Fact]
    public void OperationIdChanged_NamesTheGeneratedMethods()
    {
        var f = Single(Changes(Api(), Api().Replace("operationId: op", "operationId: updateItem", System.StringComparison.Ordinal)), DiffRules.OperationIdChanged);
        Assert.Equal("api", f.Impact);
        Assert.Contains("'op' → 'updateItem'", f.Message, System.StringComparison.Ordinal);
        Assert.Contains("OpAsync becomes UpdateItemAsync", f.Message, System.StringComparison.Ordinal);
        None(Changes(Api(), Api()));
    }

    [Fact]
    public void NullableMovedFromBesideARefIntoAllOf_SaysSo()
    {
        const string file = "OpenAIFile: {type: object, properties: {id: {type: string}}}";
        var before = Api(response: "{$ref: '#/components/schemas/Msg'}", schemas: "Msg: {type: object, properties: {file: {$ref: '#/components/schemas/OpenAIFile', nullable: true}}}\n" + file);
        var after = Api(response: "{$ref: '#/components/schemas/Msg'}", schemas: "Msg: {type: object, properties: {file: {allOf: [{$ref: '#/components/schemas/OpenAIFile'}], nullable: true}}}\n" + file);
        var f = Single(Changes(before, after), DiffRules.ResponseBecameNullable);
        Assert.Contains("the base wrote 'nullable' beside a $ref, where OpenAPI 3.0 ignores it", f.Message, System.StringComparison.Ordinal);

        // A genuine change says nothing of the kind.
        var plain = Api(response: "{$ref: '#/components/schemas/Msg'}", schemas: "Msg: {type: object, properties: {file: {$ref: '#/components/schemas/OpenAIFile'}}}\n" + file);
        Assert.DoesNotContain("beside a $ref", Single(Changes(plain, after), DiffRules.ResponseBecameNullable).Message, System.StringComparison.Ordinal);
    }
}
