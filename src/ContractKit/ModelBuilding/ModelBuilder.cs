using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;
using Microsoft.OpenApi;
using JsonPointer = ContractKit.Runtime.JsonPointer;

namespace ContractKit.ModelBuilding;

/// <summary>
/// Turns a read OpenAPI document (2.0, 3.0 or 3.1, as Microsoft.OpenApi represents it) into the normalized
/// <see cref="ContractModel"/>. Split by concern: this file holds the document level, <c>ModelBuilder.Schemas.cs</c>
/// the schema normalization (a schema's use, type arrays, references), <c>ModelBuilder.Objects.cs</c> object types,
/// <c>ModelBuilder.Discriminators.cs</c> discriminators and derived classes, <c>ModelBuilder.SchemaFacts.cs</c> what a
/// schema says (nullable, constraints, const, examples, unsupported keywords), <c>ModelBuilder.Operations.cs</c> the
/// operations.
/// </summary>
public sealed partial class ModelBuilder
{
    private const string ComponentsSchemas = "#/components/schemas";

    private readonly SpecReadResult _input;
    private readonly OpenApiDocument _document;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, TypeDefinition> _definitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Targets of this document's own references: Microsoft.OpenApi resolves a reference on every access to
    /// <c>Target</c> (formatting the document's URI each time), and a big spec refers to the same components
    /// thousands of times.
    /// </summary>
    private readonly Dictionary<string, IOpenApiSchema?> _targets = new(StringComparer.Ordinal);

    /// <summary>Raw nodes by model pointer: a schema's node is asked for several times (keywords, nullable, constraints).</summary>
    private readonly Dictionary<string, JsonNode?> _rawNodes = new(StringComparer.Ordinal);

    /// <summary>Objects whose <c>allOf</c> has exactly one component reference: candidates for <see cref="ObjectType.Base"/>.</summary>
    private readonly Dictionary<string, string> _baseCandidates = new(StringComparer.Ordinal);

    private ModelBuilder(SpecReadResult input, OpenApiDocument document)
    {
        _input = input;
        _document = document;
    }

    /// <summary>Builds the model. The input must have a document (reading did not fail fatally).</summary>
    public static ModelBuildResult Build(SpecReadResult input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var document = input.Document ?? throw new ArgumentException("The read result has no document.", nameof(input));
        try
        {
            return new ModelBuilder(input, document).Build();
        }
        catch (InvalidOperationException ex) when (IsReferenceCycle(ex))
        {
            return ReferenceCycle(input, ex);
        }
    }

    private IOpenApiSchema? TargetOf(OpenApiSchemaReference reference)
    {
        var at = reference.Reference;
        if (at.IsExternal || at.ReferenceV3 is not { } key || !ReferenceEquals(at.HostDocument, _document))
        {
            return ResolveGuarded(() => reference.Target, at.ReferenceV3 ?? string.Empty);
        }

        if (!_targets.TryGetValue(key, out var target))
        {
            target = ResolveGuarded(() => reference.Target, key);
            _targets[key] = target;
        }

        return target;
    }

    private ModelBuildResult Build()
    {
        var schemas = _document.Components?.Schemas;
        if (schemas is not null)
        {
            foreach (var name in schemas.Keys.Order(StringComparer.Ordinal))
            {
                DefineComponent(name, schemas[name]);
            }
        }

        var operations = BuildOperations();
        CompleteDiscriminators();
        InferBases();
        BreakStructuralCycles();
        var model = new ContractModel
        {
            Title = _document.Info?.Title ?? string.Empty,
            Description = _document.Info?.Description,
            ApiVersion = _document.Info?.Version ?? string.Empty,
            SpecVersion = _input.SpecVersion ?? string.Empty,
            Servers = BuildServers(),
            Types = _definitions.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToEquatableArray(),
            Operations = operations,
            SecuritySchemes = BuildSecuritySchemes(),
        };

        var diagnostics = _diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new ModelBuildResult(model, diagnostics);
    }

    private EquatableArray<Server> BuildServers()
    {
        var servers = _document.Servers ?? [];
        return servers
            .Where(s => !string.IsNullOrEmpty(s.Url))
            .Select(s => new Server(SubstituteVariables(s), s.Description))
            .ToEquatableArray();
    }

    private static string SubstituteVariables(OpenApiServer server)
    {
        var url = server.Url!;
        if (server.Variables is null)
        {
            return url;
        }

        return Regex.Replace(url, @"\{([^}]+)\}", m =>
            server.Variables.TryGetValue(m.Groups[1].Value, out var variable) && variable.Default is { } value
                ? value
                : m.Value);
    }

    private EquatableArray<SecurityScheme> BuildSecuritySchemes()
    {
        var schemes = _document.Components?.SecuritySchemes;
        if (schemes is null)
        {
            return EquatableArray<SecurityScheme>.Empty;
        }

        var result = new List<SecurityScheme>();
        foreach (var name in schemes.Keys.Order(StringComparer.Ordinal))
        {
            var scheme = schemes[name];
            if (scheme?.Type is not { } type)
            {
                continue;
            }

            result.Add(new SecurityScheme
            {
                Name = name,
                Kind = type switch
                {
                    SecuritySchemeType.ApiKey => SecuritySchemeKind.ApiKey,
                    SecuritySchemeType.Http => SecuritySchemeKind.Http,
                    SecuritySchemeType.OAuth2 => SecuritySchemeKind.OAuth2,
                    SecuritySchemeType.OpenIdConnect => SecuritySchemeKind.OpenIdConnect,
                    _ => SecuritySchemeKind.MutualTls,
                },
                HttpScheme = scheme.Scheme?.ToLowerInvariant(),
                In = scheme.In is { } location ? ToLocation(location) : null,
                ParameterName = scheme.Name,
                BearerFormat = scheme.BearerFormat,
                Description = scheme.Description,
                OpenIdConnectUrl = scheme.OpenIdConnectUrl?.OriginalString,
                Flows = FlowsOf(scheme.Flows),
            });
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<OAuthFlow> FlowsOf(OpenApiOAuthFlows? flows)
    {
        if (flows is null)
        {
            return EquatableArray<OAuthFlow>.Empty;
        }

        var result = new List<OAuthFlow>();
        void Add(string kind, OpenApiOAuthFlow? flow)
        {
            if (flow is not null)
            {
                result.Add(new OAuthFlow(kind, flow.AuthorizationUrl?.OriginalString, flow.TokenUrl?.OriginalString, flow.RefreshUrl?.OriginalString,
                    (flow.Scopes?.Keys ?? []).Order(StringComparer.Ordinal).ToEquatableArray()));
            }
        }

        Add("implicit", flows.Implicit);
        Add("password", flows.Password);
        Add("clientCredentials", flows.ClientCredentials);
        Add("authorizationCode", flows.AuthorizationCode);
        return result.ToEquatableArray();
    }

    private static Model.ParameterLocation ToLocation(Microsoft.OpenApi.ParameterLocation location) => location switch
    {
        Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
        Microsoft.OpenApi.ParameterLocation.Header => Model.ParameterLocation.Header,
        Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
        _ => Model.ParameterLocation.Query,
    };

    /// <summary>
    /// A reference nothing resolved. The reader reports those it can judge (CK1007, an error that stops generation);
    /// one it could not (below a nested JSON Schema <c>$id</c>, whose base it does not follow) is never typed as any
    /// JSON value silently.
    /// </summary>
    private void ReportUnresolved(OpenApiSchemaReference reference, string pointer)
    {
        if (!_input.HasErrors)
        {
            var written = RawAt(pointer) is System.Text.Json.Nodes.JsonObject raw && raw["$ref"] is System.Text.Json.Nodes.JsonValue value ? value.ToString() : reference.Reference.ReferenceV3;
            Report(DiagnosticIds.UnsupportedSchema, DiagnosticSeverity.Warning, $"the reference '{written}' could not be resolved (a reference below a nested '$id' is not followed); it is typed as any JSON value", pointer);
        }
    }

    private void Report(string id, DiagnosticSeverity severity, string message, string pointer) =>
        _diagnostics.Add(new Diagnostic(id, severity, message, Locate(pointer)));

    /// <summary>
    /// Microsoft.OpenApi presents 2.0 documents in 3.x shape; pointers the model makes must be mapped back to
    /// where the 2.0 file really has the node, or locations would all fall back to the document root.
    /// </summary>
    private SourceLocation? Locate(string pointer) => _input.Source.Locate(SourcePointer(pointer));

    /// <summary>Where a model pointer's node is in the file as written (2.0's <c>definitions</c> for 3.x's <c>components/schemas</c>).</summary>
    private string SourcePointer(string pointer) => Swagger2Pointers.Applies(_input.SpecVersion) ? Swagger2Pointers.ToFile(pointer) : pointer;

    /// <summary>The node as written at a model pointer (see <see cref="SourcePointer"/>), or null.</summary>
    private JsonNode? RawAt(string pointer)
    {
        if (!_rawNodes.TryGetValue(pointer, out var node))
        {
            node = _input.RawNodeAt(SourcePointer(pointer));
            _rawNodes[pointer] = node;
        }

        return node;
    }

    private static ImmutableArray<string> Parts(ImmutableArray<string> parts, string next) => parts.Add(next);
}
