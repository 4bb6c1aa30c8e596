namespace ContractKit.Model;

/// <summary>
/// The normalized contract: what every later stage (code generation, validation, diff, lint) consumes.
/// Immutable and compared by value: reading the same spec twice gives equal models.
/// </summary>
public sealed record ContractModel
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string ApiVersion { get; init; }

    /// <summary>The spec's version as written: <c>2.0</c>, <c>3.0.3</c>, <c>3.1.0</c>.</summary>
    public required string SpecVersion { get; init; }

    /// <summary>Servers in spec order, with server variables replaced by their defaults.</summary>
    public required EquatableArray<Server> Servers { get; init; }

    /// <summary>Named types, in ordinal order of <see cref="TypeDefinition.Id"/>.</summary>
    public required EquatableArray<TypeDefinition> Types { get; init; }

    /// <summary>Operations, in ordinal order of path, then in the fixed method order get, put, post, delete, options, head, patch, trace.</summary>
    public required EquatableArray<Operation> Operations { get; init; }

    /// <summary>Security schemes, in ordinal order of name.</summary>
    public required EquatableArray<SecurityScheme> SecuritySchemes { get; init; }
}

/// <summary>A server the API is served from.</summary>
public sealed record Server(string Url, string? Description);

/// <summary>How a security scheme authenticates.</summary>
public enum SecuritySchemeKind
{
    ApiKey,
    Http,
    OAuth2,
    OpenIdConnect,
    MutualTls,
}

/// <summary>A security scheme from <c>components/securitySchemes</c>.</summary>
public sealed record SecurityScheme
{
    /// <summary>The key under <c>securitySchemes</c>.</summary>
    public required string Name { get; init; }
    public required SecuritySchemeKind Kind { get; init; }

    /// <summary>For <see cref="SecuritySchemeKind.Http"/>: <c>bearer</c>, <c>basic</c>, ... (lower case).</summary>
    public string? HttpScheme { get; init; }

    /// <summary>For <see cref="SecuritySchemeKind.ApiKey"/>: header, query or cookie.</summary>
    public ParameterLocation? In { get; init; }

    /// <summary>For <see cref="SecuritySchemeKind.ApiKey"/>: the header, query or cookie name.</summary>
    public string? ParameterName { get; init; }
    public string? BearerFormat { get; init; }
    public string? Description { get; init; }

    /// <summary>For <see cref="SecuritySchemeKind.OpenIdConnect"/>: the discovery URL.</summary>
    public string? OpenIdConnectUrl { get; init; }

    /// <summary>For <see cref="SecuritySchemeKind.OAuth2"/>: its flows, in the order implicit, password, clientCredentials, authorizationCode.</summary>
    public EquatableArray<OAuthFlow> Flows { get; init; } = EquatableArray<OAuthFlow>.Empty;
}

/// <summary>One OAuth 2 flow of a security scheme: its kind (<c>clientCredentials</c>, ...), URLs and scopes (ordinal order).</summary>
public sealed record OAuthFlow(string Kind, string? AuthorizationUrl, string? TokenUrl, string? RefreshUrl, EquatableArray<string> Scopes);
