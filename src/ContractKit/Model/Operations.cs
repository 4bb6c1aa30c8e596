namespace ContractKit.Model;

/// <summary>Where a parameter goes.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>One HTTP operation.</summary>
public sealed record Operation
{
    /// <summary>The <c>operationId</c>; when the spec has none, one made from method and path (and a diagnostic says so).</summary>
    public required string OperationId { get; init; }

    /// <summary>Upper case: GET, POST, ...</summary>
    public required string Method { get; init; }

    /// <summary>The path template as written: <c>/threads/{thread_id}</c>.</summary>
    public required string Path { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public bool Deprecated { get; init; }

    /// <summary>
    /// Why, or what instead, when the spec says so: OpenAPI has no field for it, so the first of the extensions
    /// <c>x-deprecated-reason</c>, <c>x-deprecation-reason</c>, <c>x-deprecated-message</c> that is a string.
    /// </summary>
    public string? DeprecationNote { get; init; }
    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Path-item and operation parameters merged (the operation's win), in spec order: path-item ones first.</summary>
    public required EquatableArray<Parameter> Parameters { get; init; }
    public RequestBody? RequestBody { get; init; }

    /// <summary>In ordinal order of status code (<c>200</c>, <c>201</c>, <c>4XX</c>, <c>default</c>).</summary>
    public required EquatableArray<Response> Responses { get; init; }

    /// <summary>
    /// The security requirements that apply (the operation's, else the document's): any one alternative must be met,
    /// every scheme of that alternative at once. Empty: no authentication.
    /// </summary>
    public required EquatableArray<SecurityRequirement> Security { get; init; }
}

/// <summary>One alternative of a security requirement: all its schemes apply together.</summary>
public sealed record SecurityRequirement(EquatableArray<SecuritySchemeUse> Schemes);

/// <summary>A scheme and the scopes an operation needs from it.</summary>
public sealed record SecuritySchemeUse(string SchemeName, EquatableArray<string> Scopes);

/// <summary>An operation parameter.</summary>
public sealed record Parameter
{
    public required string Name { get; init; }
    public required ParameterLocation In { get; init; }
    public required bool Required { get; init; }
    public required TypeUse Type { get; init; }
    public string? Description { get; init; }
    public bool Deprecated { get; init; }

    /// <summary>The serialization style as written (<c>form</c>, <c>simple</c>, ...), or null for the location's default.</summary>
    public string? Style { get; init; }
    public bool Explode { get; init; }

    /// <summary><c>allowEmptyValue: true</c> (query parameters): an empty value such as <c>?flag=</c> is accepted.</summary>
    public bool AllowEmptyValue { get; init; }

    /// <summary>Where the parameter is listed: its entry in the operation's or path item's <c>parameters</c> (a <c>$ref</c> there too).</summary>
    public string? Pointer { get; init; }
}

/// <summary>An operation's request body.</summary>
public sealed record RequestBody(bool Required, EquatableArray<MediaContent> Content)
{
    public string? Description { get; init; }
}

/// <summary>One media type of a body.</summary>
public sealed record MediaContent(string MediaType, TypeUse? Schema)
{
    /// <summary>Examples given for this media type (compact JSON each), <c>example</c> then <c>examples</c> in name order.</summary>
    public EquatableArray<string> Examples { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>encoding</c> entries of a <c>multipart/form-data</c> or form body, by property name in ordinal order.</summary>
    public EquatableArray<PropertyEncoding> Encoding { get; init; } = EquatableArray<PropertyEncoding>.Empty;
}

/// <summary>How one property of a form body is sent (<c>encoding</c> in OpenAPI 3).</summary>
public sealed record PropertyEncoding(string PropertyName)
{
    /// <summary>The part's media type as written (<c>image/png</c>, <c>application/json</c>), or null for the default.</summary>
    public string? ContentType { get; init; }

    /// <summary>The style as written, lower case (<c>form</c>, <c>deepobject</c>, ...), or null for the default.</summary>
    public string? Style { get; init; }

    /// <summary>The explode flag when written; null for the style's default.</summary>
    public bool? Explode { get; init; }
}

/// <summary>A response of an operation.</summary>
public sealed record Response(string StatusCode, EquatableArray<MediaContent> Content)
{
    public string? Description { get; init; }
    public EquatableArray<ResponseHeader> Headers { get; init; } = EquatableArray<ResponseHeader>.Empty;

    /// <summary>2xx, or a <c>2XX</c> range.</summary>
    public bool IsSuccess => StatusCode.Length == 3 && StatusCode[0] == '2';
}

/// <summary>A header a response declares.</summary>
public sealed record ResponseHeader(string Name, TypeUse Type, bool Required)
{
    public string? Description { get; init; }

    /// <summary>The serialization style as written (only <c>simple</c> is defined for headers), or null for the default.</summary>
    public string? Style { get; init; }

    /// <summary>The explode flag as written.</summary>
    public bool Explode { get; init; }
}
