using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Reporting;

namespace ContractKit.Diff;

/// <summary>A diff rule: a stable id (users filter, override and ignore by it), its default level and what it means.</summary>
/// <param name="Id">The stable id, kebab case; never renamed.</param>
/// <param name="DefaultLevel">The level unless overridden with <c>--level id=level</c>.</param>
/// <param name="Direction">"request", "response" or null for operation-level rules.</param>
/// <param name="Title">One line for reports (SARIF rule descriptions, docs).</param>
/// <param name="OasdiffId">The matching oasdiff check id, where one clearly exists.</param>
public sealed record DiffRule(string Id, FindingLevel DefaultLevel, string? Direction, string Title, string? OasdiffId = null)
{
    /// <summary>
    /// What the change breaks: <see cref="DiffRules.Wire"/> (the HTTP exchange: deployed clients fail) or
    /// <see cref="DiffRules.Api"/> (the generated C# API: programs using the client no longer compile).
    /// </summary>
    public string Impact { get; init; } = DiffRules.Wire;
}

/// <summary>The rule catalog of <c>contractkit diff</c>; RULES.md documents the same table.</summary>
public static class DiffRules
{
    /// <summary>The impact of a change to the HTTP exchange.</summary>
    public const string Wire = "wire";

    /// <summary>The impact of a change to the generated C# API only.</summary>
    public const string Api = "api";

    private const string Request = "request";
    private const string Response = "response";

    public static readonly DiffRule PathRemoved = new("path-removed", FindingLevel.Error, null, "A path and all its operations were removed.", "api-path-removed-without-deprecation");
    public static readonly DiffRule OperationRemoved = new("operation-removed", FindingLevel.Error, null, "An operation was removed.", "api-removed-without-deprecation");
    public static readonly DiffRule DeprecatedWithoutSunset = new("operation-deprecated-without-sunset", FindingLevel.Warning, null, "An operation became deprecated without an x-sunset date.", "api-deprecated-sunset-missing");
    public static readonly DiffRule SecurityAdded = new("security-added", FindingLevel.Error, Request, "An operation that needed no authentication now needs it.", "api-security-added");
    public static readonly DiffRule SecuritySchemeChanged = new("security-scheme-changed", FindingLevel.Error, Request, "A security scheme that operations use now authenticates differently (type, HTTP scheme, API key location or name).");
    public static readonly DiffRule SecuritySchemeEndpointChanged = new("security-scheme-endpoint-changed", FindingLevel.Error, Request, "An OAuth flow or OpenID Connect scheme still in use changed an URL, lost a flow or a scope.");
    public static readonly DiffRule SecuritySchemeBearerFormatChanged = new("security-scheme-bearer-format-changed", FindingLevel.Warning, Request, "A bearer scheme still in use announces a different token format (bearerFormat).");
    public static readonly DiffRule SecurityChanged = new("security-changed", FindingLevel.Error, Request, "A security alternative clients could use is no longer accepted (scheme removed or scope added).");

    public static readonly DiffRule ParameterAddedRequired = new("request-parameter-added-required", FindingLevel.Error, Request, "A required parameter was added.", "new-required-request-parameter");
    public static readonly DiffRule ParameterRemoved = new("request-parameter-removed", FindingLevel.Warning, Request, "A parameter was removed.", "request-parameter-removed");
    public static readonly DiffRule ParameterBecameRequired = new("request-parameter-became-required", FindingLevel.Error, Request, "An optional parameter became required.", "request-parameter-became-required");
    public static readonly DiffRule ParameterSerializationChanged = new("request-parameter-serialization-changed", FindingLevel.Error, Request, "A parameter moved (path/query/header/cookie) or its style/explode changed.");

    public static readonly DiffRule ParameterEmptyValueDisallowed = new("request-parameter-empty-value-disallowed", FindingLevel.Error, Request, "A parameter no longer allows an empty value (allowEmptyValue removed).");

    public static readonly DiffRule BodyBecameRequired = new("request-body-became-required", FindingLevel.Error, Request, "The request body became required (or a required body was added).", "request-body-became-required");
    public static readonly DiffRule RequestMediaTypeRemoved = new("request-media-type-removed", FindingLevel.Error, Request, "A request media type is no longer accepted.", "request-body-media-type-removed");
    public static readonly DiffRule RequestPropertyAddedRequired = new("request-property-added-required", FindingLevel.Error, Request, "A required request property was added.", "new-required-request-property");
    public static readonly DiffRule RequestPropertyBecameRequired = new("request-property-became-required", FindingLevel.Error, Request, "An optional request property became required.", "request-property-became-required");
    public static readonly DiffRule RequestPropertyRemoved = new("request-property-removed", FindingLevel.Warning, Request, "A request property was removed (clients sending it may be rejected).", "request-property-removed");
    public static readonly DiffRule RequestTypeChanged = new("request-type-changed", FindingLevel.Error, Request, "The type or format of a request value (parameter, body, property, item) changed incompatibly.", "request-property-type-changed");
    public static readonly DiffRule RequestEnumValueRemoved = new("request-enum-value-removed", FindingLevel.Error, Request, "A value clients may send is no longer in the enum.", "request-property-enum-value-removed");
    public static readonly DiffRule RequestNullableRemoved = new("request-nullable-removed", FindingLevel.Error, Request, "A request value no longer accepts null.", "request-property-became-not-nullable");
    public static readonly DiffRule RequestConstraintTightened = new("request-constraint-tightened", FindingLevel.Error, Request, "A request value's constraint was added or tightened (length, range, pattern, items, properties, uniqueItems, multipleOf).");
    public static readonly DiffRule RequestAdditionalPropertiesClosed = new("request-additional-properties-closed", FindingLevel.Error, Request, "A request object no longer accepts unlisted properties (additionalProperties: false).");
    public static readonly DiffRule RequestPropertyReadOnlyRemoved = new("request-property-read-only-removed", FindingLevel.Error, Request, "A required property lost readOnly: clients must now send it.");
    public static readonly DiffRule RequestDiscriminatorChanged = new("request-discriminator-changed", FindingLevel.Error, Request, "A request union's discriminator property changed, or a tag value clients may send is no longer mapped (or maps to a different schema).");
    public static readonly DiffRule RequestDefaultChanged = new("request-default-value-changed", FindingLevel.Warning, Request, "The default a server applies to an omitted request value changed.", "request-property-default-value-changed");

    public static readonly DiffRule ResponseSuccessStatusRemoved = new("response-success-status-removed", FindingLevel.Error, Response, "A success (2xx) response status was removed.", "response-success-status-removed");
    public static readonly DiffRule ResponseStatusRemoved = new("response-non-success-status-removed", FindingLevel.Warning, Response, "A non-success response status was removed.", "response-non-success-status-removed");
    public static readonly DiffRule ResponseMediaTypeRemoved = new("response-media-type-removed", FindingLevel.Error, Response, "A response media type is no longer returned.", "response-media-type-removed");
    public static readonly DiffRule ResponsePropertyRemoved = new("response-property-removed", FindingLevel.Error, Response, "A required response property was removed.", "response-required-property-removed");
    public static readonly DiffRule ResponseOptionalPropertyRemoved = new("response-optional-property-removed", FindingLevel.Warning, Response, "An optional response property was removed.", "response-optional-property-removed");
    public static readonly DiffRule ResponseTypeChanged = new("response-type-changed", FindingLevel.Error, Response, "The type or format of a response value changed incompatibly.", "response-property-type-changed");
    public static readonly DiffRule ResponsePropertyBecameOptional = new("response-property-became-optional", FindingLevel.Error, Response, "A required response property became optional.", "response-property-became-optional");
    public static readonly DiffRule ResponseBecameNullable = new("response-became-nullable", FindingLevel.Error, Response, "A response value may now be null.", "response-property-became-nullable");
    public static readonly DiffRule ResponseEnumValueAdded = new("response-enum-value-added", FindingLevel.Warning, Response, "A response enum gained a value clients may not handle.", "response-property-enum-value-added");
    public static readonly DiffRule ResponseConstraintLoosened = new("response-constraint-loosened", FindingLevel.Warning, Response, "A response value's constraint was removed or loosened.");
    public static readonly DiffRule ResponseHeaderRemoved = new("response-header-removed", FindingLevel.Error, Response, "A response header was removed.", "required-response-header-removed");

    public static readonly DiffRule ResponseHeaderBecameOptional = new("response-header-became-optional", FindingLevel.Error, Response, "A required response header became optional (clients reading it may not get it).");
    public static readonly DiffRule ResponseHeaderSerializationChanged = new("response-header-serialization-changed", FindingLevel.Error, Response, "A response header's style or explode changed.");
    public static readonly DiffRule ResponsePropertyWriteOnlyRemoved = new("response-property-write-only-removed", FindingLevel.Warning, Response, "A required property lost writeOnly: it now appears in responses.");
    public static readonly DiffRule ResponseDiscriminatorChanged = new("response-discriminator-changed", FindingLevel.Error, Response, "A response union's discriminator property changed, or a tag value may now be returned that the base did not map (or maps to a different schema).");

    public static readonly DiffRule OperationIdChanged = new("operation-id-changed", FindingLevel.Warning, null, "An operation's operationId changed (the generated method is renamed).") { Impact = Api };
    public static readonly DiffRule ApiMethodRenamed = new("api-method-renamed", FindingLevel.Warning, null, "The generated client method of an operation is renamed (operationId kept, e.g. a name collision resolved differently).") { Impact = Api };
    public static readonly DiffRule ApiTypeRenamed = new("api-type-renamed", FindingLevel.Warning, null, "A generated type (DTO, enum, union) used by an operation is renamed: a component renamed or an inline schema moved.") { Impact = Api };
    public static readonly DiffRule ApiPropertyRenamed = new("api-property-renamed", FindingLevel.Warning, null, "A generated property's C# name changed (its JSON name kept, or it moved to another JSON name with the same meaning).") { Impact = Api };
    public static readonly DiffRule ApiEnumMemberRenamed = new("api-enum-member-renamed", FindingLevel.Warning, null, "A generated enum member's C# name changed, or its value was renamed.") { Impact = Api };
    public static readonly DiffRule ApiParameterRenamed = new("api-parameter-renamed", FindingLevel.Warning, null, "A generated method parameter's C# name changed (named arguments break).") { Impact = Api };
    public static readonly DiffRule ApiClientRenamed = new("api-client-renamed", FindingLevel.Warning, null, "With clients grouped by tag: an operation moved to another tag client (its first tag renamed or changed).") { Impact = Api };

    public static readonly DiffRule IgnoreEntryStale = new("ignore-entry-stale", FindingLevel.Info, null, "An entry of the ignore file matched no finding; remove it.");

    /// <summary>Every rule, in the documented order.</summary>
    public static IReadOnlyList<DiffRule> All { get; } =
    [
        PathRemoved, OperationRemoved, DeprecatedWithoutSunset, SecurityAdded, SecurityChanged, SecuritySchemeChanged,
        SecuritySchemeEndpointChanged, SecuritySchemeBearerFormatChanged,
        ParameterAddedRequired, ParameterRemoved, ParameterBecameRequired, ParameterSerializationChanged, ParameterEmptyValueDisallowed,
        BodyBecameRequired, RequestMediaTypeRemoved, RequestPropertyAddedRequired, RequestPropertyBecameRequired,
        RequestPropertyRemoved, RequestTypeChanged, RequestEnumValueRemoved, RequestNullableRemoved,
        RequestConstraintTightened, RequestAdditionalPropertiesClosed, RequestPropertyReadOnlyRemoved, RequestDiscriminatorChanged, RequestDefaultChanged,
        ResponseSuccessStatusRemoved, ResponseStatusRemoved, ResponseMediaTypeRemoved, ResponsePropertyRemoved,
        ResponseOptionalPropertyRemoved, ResponseTypeChanged, ResponsePropertyBecameOptional, ResponseBecameNullable,
        ResponseEnumValueAdded, ResponseConstraintLoosened, ResponseHeaderRemoved, ResponseHeaderBecameOptional,
        ResponseHeaderSerializationChanged, ResponsePropertyWriteOnlyRemoved, ResponseDiscriminatorChanged,
        OperationIdChanged, ApiMethodRenamed, ApiTypeRenamed, ApiPropertyRenamed, ApiEnumMemberRenamed, ApiParameterRenamed, ApiClientRenamed,
        IgnoreEntryStale,
    ];

    private static readonly Dictionary<string, DiffRule> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>The rule with this id, or null.</summary>
    public static DiffRule? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>Rule id → title, for report writers (SARIF rule descriptions).</summary>
    public static IReadOnlyDictionary<string, string> Titles { get; } = All.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
}
