using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Runtime;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>Responses (kind, Accept, empty and error statuses), what a method sends by itself, and credentials.</summary>
internal sealed partial class OperationPlanner
{
    /// <summary>
    /// What the method returns for a success body: JSON (typed), else text (<c>string</c>), else binary (a stream).
    /// A JSON media type whose schema is <c>format: binary</c> counts as binary.
    /// </summary>
    private (ResponseKind Kind, MediaContent? Media) PlanResponseKind(IEnumerable<Response> success)
    {
        var contents = success.SelectMany(r => r.Content).ToList();
        var json = contents.FirstOrDefault(c => MediaClassifier.IsJson(c.MediaType) && c.Schema is not null && FileShapeOf(c.Schema) == FileShape.None);
        if (json is not null)
        {
            return (ResponseKind.Json, json);
        }

        if (contents.FirstOrDefault(c => MediaClassifier.IsText(c.MediaType) && (c.Schema is null || FileShapeOf(c.Schema) == FileShape.None)) is { } text)
        {
            return (ResponseKind.Text, text);
        }

        // Everything else (application/octet-stream, image/*, application/pdf, a JSON body without schema, an event
        // stream without one) is handed over as bytes arrive.
        return contents.Count > 0 ? (ResponseKind.Binary, contents.FirstOrDefault(c => !MediaClassifier.IsJson(c.MediaType)) ?? contents[0]) : (ResponseKind.None, null);
    }

    /// <summary>Success statuses listed without a body next to one with a body (204 beside 200): the method returns null for them.</summary>
    private static List<string> EmptyStatuses(List<Response> success) =>
        success.Where(r => r.Content.Count == 0 && r.StatusCode.All(char.IsAsciiDigit)).Select(r => r.StatusCode).ToList();

    /// <summary>The Accept header: JSON, the event stream, the text type, or every binary type a success response lists.</summary>
    private static List<string> Accept(ResponseKind kind, MediaContent? media, List<Response> success) => kind switch
    {
        ResponseKind.EventStream => ["text/event-stream"],
        ResponseKind.Json => ["application/json"],
        ResponseKind.Text => [media!.MediaType],
        ResponseKind.Binary => success.SelectMany(r => r.Content).Select(c => c.MediaType)
            .Where(m => !MediaClassifier.IsJson(m) && !MediaClassifier.IsEventStream(m))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .DefaultIfEmpty(media!.MediaType)
            .ToList(),
        _ => [],
    };

    /// <summary>The error statuses the contract types (not <c>default</c>), in the order it lists them.</summary>
    private List<ErrorPlan> ErrorPlans(Operation operation)
    {
        var errors = new List<ErrorPlan>();
        foreach (var response in operation.Responses.Where(r => !r.IsSuccess && r.StatusCode != "default"))
        {
            if (ErrorType(response) is { } type)
            {
                var range = response.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase) && int.TryParse(response.StatusCode[..1], out var first) ? first : (int?)null;
                errors.Add(new ErrorPlan(response.StatusCode, range, type));
            }
        }

        return errors;
    }

    private CSharpType? ErrorType(Response response)
    {
        var json = response.Content.FirstOrDefault(c => MediaClassifier.IsJson(c.MediaType) && c.Schema is not null);
        if (json?.Schema is null)
        {
            return null;
        }

        var type = types.Map(json.Schema);
        registry.Serializable(type);
        return type;
    }

    /// <summary>
    /// The value of a required header parameter whose schema allows exactly one (a one-value enum, or <c>const</c>),
    /// which the client sends itself; null for any other parameter.
    /// </summary>
    public string? ConstantHeaderValue(Parameter parameter)
    {
        if (parameter.In != ParameterLocation.Header || !parameter.Required || parameter.Type.Nullable)
        {
            return null;
        }

        if (parameter.Type.Type is NamedRef named && types.TryDefinition(named.TypeId, out var definition) &&
            definition is EnumType { Values.Count: 1, Nullable: false } single)
        {
            return single.Values[0].Value;
        }

        // Values the model keeps as constraints (booleans, numbers beyond long): compact JSON, strings unquoted.
        return parameter.Type.Constraints.Enum is { Count: 1 } values && ModelJson.Parse(values[0]) is JsonValue value
            ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
            : null;
    }

    /// <summary>
    /// True when a <c>…StreamAsync</c> method must set the body's <c>stream</c> flag: the JSON body is an object with
    /// a boolean <c>stream</c> property (OpenAI's convention for asking an operation for server-sent events).
    /// </summary>
    private bool HasStreamFlag(RequestBodyPlan body)
    {
        if (body.Kind != BodyKind.Json || body.Media?.Schema is not { Type: NamedRef named } ||
            !types.TryDefinition(named.TypeId, out var definition) || definition is not ObjectType type)
        {
            return false;
        }

        var stream = type.Properties.FirstOrDefault(p => p.JsonName == "stream");
        return stream is not null && IsBoolean(stream.Type, depth: 0);
    }

    private bool IsBoolean(TypeUse use, int depth) => use.Type switch
    {
        PrimitiveRef primitive => primitive.Kind == PrimitiveKind.Boolean,
        NamedRef named when depth < 8 && types.TryDefinition(named.TypeId, out var definition) => definition switch
        {
            PrimitiveType primitive => primitive.Kind == PrimitiveKind.Boolean,
            AliasType alias => IsBoolean(alias.Target, depth + 1),
            _ => false,
        },
        _ => false,
    };

    private static bool Applies(Operation operation, Credential credential) =>
        operation.Security.Any(r => r.Schemes.Any(s => s.SchemeName == credential.Scheme.Name));

    /// <summary>
    /// Security alternatives the method applies in order (the first whose credentials are all set); ones needing a
    /// scheme the client does not support, and ones of query API keys only (sent in the query string), are left out.
    /// An operation whose requirements are empty (public) gets none.
    /// </summary>
    private List<IReadOnlyList<Credential>> SecurityAlternatives(Operation operation)
    {
        var alternatives = new List<IReadOnlyList<Credential>>();
        foreach (var requirement in operation.Security)
        {
            var credentials = requirement.Schemes.Select(s => registry.Credentials.FirstOrDefault(c => c.Scheme.Name == s.SchemeName)).ToList();
            if (credentials.Count == 0 || credentials.Any(c => c is null) || credentials.All(c => c!.Kind == "apiKey" && c.Scheme.In == ParameterLocation.Query))
            {
                continue;
            }

            alternatives.Add(credentials.Select(c => c!).ToList());
        }

        return alternatives;
    }

    /// <summary>The credentials the options class offers: bearer tokens and header or query API keys; other schemes are warned about.</summary>
    public static List<Credential> PlanCredentials(ContractModel model, Action<string, string> warn)
    {
        var result = new List<Credential>();
        var bearerLike = model.SecuritySchemes.Where(IsBearerLike).ToList();
        var apiKeys = model.SecuritySchemes.Where(s => s.Kind == SecuritySchemeKind.ApiKey && s.ParameterName is not null && s.In != ParameterLocation.Cookie).ToList();
        var claimed = new UniqueNames(["BaseAddress"]);
        foreach (var scheme in model.SecuritySchemes)
        {
            if (IsBearerLike(scheme))
            {
                var name = bearerLike.Count == 1 ? "BearerToken" : CSharpSyntax.Pascal(scheme.Name) + "Token";
                result.Add(new Credential(scheme, claimed.Claim(name), "bearer"));
            }
            else if (apiKeys.Contains(scheme))
            {
                var name = apiKeys.Count == 1 ? "ApiKey" : CSharpSyntax.Pascal(scheme.Name) + "ApiKey";
                result.Add(new Credential(scheme, claimed.Claim(name), "apiKey"));
            }
            else
            {
                warn($"security scheme '{scheme.Name}' ({scheme.Kind} {scheme.HttpScheme}) is not supported by the generated client yet; set the credential with a DelegatingHandler", "#/components/securitySchemes/" + JsonPointer.Escape(scheme.Name));
            }
        }

        return result;
    }

    private static bool IsBearerLike(SecurityScheme scheme) =>
        scheme.Kind is SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect ||
        (scheme.Kind == SecuritySchemeKind.Http && scheme.HttpScheme == "bearer");
}
