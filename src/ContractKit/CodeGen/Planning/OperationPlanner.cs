using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.Runtime;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>
/// Where the planner reports what it decides beyond the plan: warnings, types the JSON context must know, the
/// schemas the client validates with, and the credentials the options offer (worked out once, on first use).
/// </summary>
internal interface IPlanRegistry
{
    void Warn(string message, string pointer);

    /// <summary>Registers a type that is not a DTO with the JSON context.</summary>
    void Serializable(CSharpType type);

    /// <summary>Registers a schema for the schemas file; returns its property name there.</summary>
    string AddValidator(string name, TypeUse use);

    IReadOnlyList<Credential> Credentials { get; }
}

/// <summary>
/// Decides, per operation, what the generated client's methods take, send and read (<see cref="OperationPlan"/>):
/// parameter order and names, the request body (<see cref="BodyKind"/>), the response (<see cref="ResponseKind"/>),
/// Accept, constant headers, credentials, validators and what the doc comments say. The emitter prints the plans.
/// </summary>
internal sealed partial class OperationPlanner(CSharpNaming names, CSharpTypeMapper types, IPlanRegistry registry)
{
    /// <summary>Plans every operation of a model with a registry of its own (for tests and tools; the emitter plans as it writes).</summary>
    public static (IReadOnlyList<OperationPlan> Plans, PlanRegistry Registry) PlanAll(ContractModel model, CSharpOptions options)
    {
        var names = new CSharpNaming(model, options);
        var registry = new PlanRegistry(model);
        var planner = new OperationPlanner(names, new CSharpTypeMapper(model, names), registry);
        return (model.Operations.Select(planner.Plan).ToList(), registry);
    }

    /// <summary>The methods of one operation, in the order the client declares them.</summary>
    public OperationPlan Plan(Operation operation)
    {
        var pointer = Pointer(operation);
        var (body, alternates) = operation.RequestBody is null ? (null, []) : PlanRequestBodies(operation, pointer);
        var others = alternates.Select(a => (Plan: a, Method: names.AlternateMethod(operation.OperationId, AlternateSuffix(a.Kind)))).ToList();
        var events = operation.Responses.Where(r => r.IsSuccess).SelectMany(r => r.Content)
            .FirstOrDefault(c => MediaClassifier.IsEventStream(c.MediaType) && c.Schema is not null);
        var methods = new List<MethodPlan> { PlanMethod(operation, body, stream: null, names.Method(operation.OperationId), others) };
        if (events is not null)
        {
            methods.Add(PlanMethod(operation, body, events, names.StreamMethod(operation.OperationId), others));
        }

        foreach (var (alternate, name) in others)
        {
            List<(RequestBodyPlan, string)> siblings = [(body!, names.Method(operation.OperationId)), .. others.Where(m => m.Plan != alternate)];
            methods.Add(PlanMethod(operation, alternate, stream: null, name, siblings));
            if (events is not null)
            {
                methods.Add(PlanMethod(operation, alternate, events, names.AlternateMethod(operation.OperationId, AlternateSuffix(alternate.Kind) + "Stream"), siblings));
            }
        }

        return new OperationPlan(operation, pointer, methods);
    }

    public static string Pointer(Operation operation) =>
        JsonPointer.Append(JsonPointer.Append("#/paths", operation.Path), operation.Method.ToLowerInvariant());

    /// <summary>
    /// One method sending <paramref name="body"/>; with <paramref name="stream"/>, the variant that yields the
    /// server-sent events of that media type. <paramref name="others"/>: the methods sending the other media types.
    /// </summary>
    private MethodPlan PlanMethod(Operation operation, RequestBodyPlan? body, MediaContent? stream, string method, IReadOnlyList<(RequestBodyPlan Plan, string Method)> others)
    {
        var pointer = Pointer(operation);
        var success = operation.Responses.Where(r => r.IsSuccess).ToList();
        var (kind, media) = stream is null ? PlanResponseKind(success) : (ResponseKind.EventStream, stream);
        CSharpType? returnType = null;
        if (kind is ResponseKind.Json or ResponseKind.EventStream)
        {
            returnType = types.Map(media!.Schema!);
            registry.Serializable(returnType.Value);
        }

        foreach (var cookie in operation.Parameters.Where(p => p.In == ParameterLocation.Cookie))
        {
            registry.Warn($"{operation.OperationId}: cookie parameter '{cookie.Name}' is not sent by the generated client yet", pointer);
        }

        var sent = MethodParameters(operation).Select(p => (Source: p, Plan: PlanParameter(operation, p))).ToList();
        var path = PlanPath(operation, sent.Where(p => p.Source.In == ParameterLocation.Path).ToList());
        var query = sent.Where(p => p.Source.In == ParameterLocation.Query).Select(p => p.Plan).ToList();
        var queryCredentials = registry.Credentials.Where(c => c.Kind == "apiKey" && c.Scheme.In == ParameterLocation.Query && Applies(operation, c)).ToList();
        var methodBody = body is null ? null : body with
        {
            Validator = body.Kind == BodyKind.Json ? registry.AddValidator(ValidatorBase(operation) + "Request", body.Media!.Schema!) : null,
            SetsStreamFlag = stream is not null && HasStreamFlag(body),
        };

        var response = new ResponsePlan(
            kind,
            media,
            returnType,
            stream is null && kind != ResponseKind.None ? EmptyStatuses(success) : [],
            Accept(kind, media, success),
            kind switch
            {
                ResponseKind.EventStream => registry.AddValidator(ValidatorBase(operation) + "Event", stream!.Schema!),
                ResponseKind.Json => registry.AddValidator(ValidatorBase(operation) + "Response", media!.Schema!),
                _ => null,
            },
            ErrorPlans(operation),
            operation.Responses.FirstOrDefault(r => r.StatusCode == "default") is { } fallback ? ErrorType(fallback) : null);

        return new MethodPlan(
            method,
            operation,
            Signature(sent, methodBody, operation.RequestBody),
            path,
            query,
            sent.Where(p => p.Source.In == ParameterLocation.Header).Select(p => p.Plan).ToList(),
            operation.Parameters.Select(p => ConstantHeaderValue(p) is { } value ? new ConstantHeader(p.Name, value) : null).OfType<ConstantHeader>().ToList(),
            queryCredentials,
            SecurityAlternatives(operation),
            methodBody,
            response,
            Docs(operation, body, others),
            operation.Deprecated ? ObsoleteMessage(operation) : null);
    }

    /// <summary>Path parameters in template order, then required ones, then the body (or the form's required fields, then its optional ones), then optional ones.</summary>
    private static List<ParameterPlan> Signature(List<(Parameter Source, ParameterPlan Plan)> sent, RequestBodyPlan? body, RequestBody? requestBody)
    {
        var signature = sent.Where(p => p.Source.In == ParameterLocation.Path).Select(p => p.Plan).ToList();
        signature.AddRange(sent.Where(p => p.Source.In != ParameterLocation.Path && p.Source.Required).Select(p => p.Plan));
        if (body is { Kind: BodyKind.Multipart or BodyKind.Form })
        {
            signature.AddRange(body.Fields.Where(f => f.Required).Concat(body.Fields.Where(f => !f.Required))
                .Select(f => new ParameterPlan(f.ParameterName, f.Type, ParameterTarget.FormField, !f.Required, f.Type.IsNullable, f.Property.Description, f.Property.JsonName)));
        }
        else if (body is not null)
        {
            var spelling = body.Kind switch
            {
                BodyKind.Json => body.Type!.Value.Name,
                BodyKind.Binary => "global::System.IO.Stream",
                BodyKind.Text => "string",
                _ => "global::System.Net.Http.HttpContent",
            };
            var type = body.Type is { } json ? json with { Name = spelling, IsNullable = false } : new CSharpType(spelling, false, false);
            signature.Add(new ParameterPlan("body", type, ParameterTarget.Body, !body.Required, !body.Required, requestBody!.Description, null));
        }

        signature.AddRange(sent.Where(p => p.Source.In != ParameterLocation.Path && !p.Source.Required).Select(p => p.Plan));
        return signature;
    }

    private ParameterPlan PlanParameter(Operation operation, Parameter parameter)
    {
        var type = types.Map(parameter.Type);
        var target = parameter.In switch
        {
            ParameterLocation.Path => ParameterTarget.Path,
            ParameterLocation.Query => ParameterTarget.Query,
            _ => ParameterTarget.Header,
        };
        var isArray = parameter.Type.Type is ArrayRef ||
            (parameter.Type.Type is NamedRef named && types.TryDefinition(named.TypeId, out var definition) && definition is ArrayType);

        // OpenAPI's default for query arrays is form style, exploded: name=a&name=b.
        var array = target == ParameterTarget.Query && isArray
            ? new QueryArray(parameter.Explode || parameter.Style is null, parameter.Style switch { "spacedelimited" => " ", "pipedelimited" => "|", _ => "," })
            : null;
        return new ParameterPlan(
            names.Parameter(operation, parameter),
            type,
            target,
            Optional: target != ParameterTarget.Path && !parameter.Required,
            Guarded: !parameter.Required || type.IsNullable || !type.IsValueType,
            parameter.Description,
            parameter.Name,
            array);
    }

    /// <summary>The path template in pieces; a template name no path parameter declares is sent literally (with a warning).</summary>
    private List<PathPiece> PlanPath(Operation operation, List<(Parameter Source, ParameterPlan Plan)> pathParameters)
    {
        var pieces = new List<PathPiece>();
        var last = 0;
        foreach (Match match in TemplateName().Matches(operation.Path))
        {
            if (match.Index > last)
            {
                pieces.Add(new PathPiece(operation.Path[last..match.Index], null));
            }

            var parameter = pathParameters.FirstOrDefault(p => p.Source.Name == match.Groups[1].Value).Plan;
            if (parameter is null)
            {
                registry.Warn($"{operation.OperationId}: path template names '{match.Groups[1].Value}', which is not a declared path parameter; it is sent literally", JsonPointer.Append("#/paths", operation.Path));
                pieces.Add(new PathPiece(match.Value, null));
            }
            else
            {
                pieces.Add(new PathPiece(null, parameter));
            }

            last = match.Index + match.Length;
        }

        if (last < operation.Path.Length)
        {
            pieces.Add(new PathPiece(operation.Path[last..], null));
        }

        return pieces;
    }

    /// <summary>The parameters the method takes, path ones in template order: not cookies (not sent yet), not constant headers (sent by the method itself).</summary>
    private List<Parameter> MethodParameters(Operation operation)
    {
        var pathOrder = TemplateName().Matches(operation.Path).Select(m => m.Groups[1].Value).ToList();
        var supported = operation.Parameters.Where(p => p.In != ParameterLocation.Cookie && ConstantHeaderValue(p) is null).ToList();
        return
        [
            .. supported.Where(p => p.In == ParameterLocation.Path).OrderBy(p => pathOrder.IndexOf(p.Name) is var i && i < 0 ? int.MaxValue : i),
            .. supported.Where(p => p.In != ParameterLocation.Path),
        ];
    }

    private string ValidatorBase(Operation operation)
    {
        var main = names.Method(operation.OperationId);
        return main.EndsWith("Async", StringComparison.Ordinal) ? main[..^5] : main;
    }

    private static MethodDocs Docs(Operation operation, RequestBodyPlan? body, IReadOnlyList<(RequestBodyPlan Plan, string Method)> others)
    {
        var sent = body?.Media is { } media && operation.RequestBody!.Content.Count > 1 ? media : null;
        var also = sent is null
            ? []
            : operation.RequestBody!.Content.Where(c => c != sent)
                .Select(c => (c.MediaType, (string?)others.FirstOrDefault(o => o.Plan.Media == c).Method))
                .ToList();
        var description = operation.Description is { } text && text != operation.Summary ? text : null;
        return new MethodDocs(operation.Summary ?? operation.OperationId, description, sent?.MediaType, also);
    }

    /// <summary>
    /// The <c>[Obsolete]</c> message of a deprecated operation: the spec's own note when it has one (see
    /// <see cref="Operation.DeprecationNote"/>), else a fixed sentence naming the operation.
    /// </summary>
    private static string ObsoleteMessage(Operation operation) =>
        operation.DeprecationNote is { } note
            ? $"Deprecated in the API contract: {note}"
            : $"Deprecated in the API contract ({operation.Method} {operation.Path}).";

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateName();
}
