using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.AspNetCore.Parameters;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Checking;

/// <summary>The request-side checks of one operation: parameters, content type, body. Problems are returned, never thrown.</summary>
internal static class RequestChecker
{
    // The body is at most MaxRequestBodyBytes already: no second size limit.
    internal static readonly ValidationOptions RequestOptions = new() { Direction = ValidationDirection.Request, MaxPayloadBytes = long.MaxValue };

    /// <summary>Every parameter, parsed by its style and validated; violations are added to <paramref name="errors"/>.</summary>
    public static void CheckParameters(HttpRequest request, OperationPlan plan, IReadOnlyDictionary<string, string> pathValues, List<ProblemError> errors)
    {
        for (var i = 0; i < plan.Parameters.Count; i++)
        {
            var check = plan.Parameters[i];
            var parameter = check.Parameter;
            if (IsValidScalar(request, check, pathValues))
            {
                continue;
            }

            var where = parameter.In.ToString().ToLowerInvariant();
            var value = parameter.In switch
            {
                ParameterLocation.Path => ParameterParser.FromText(parameter, check.Shape, pathValues.GetValueOrDefault(parameter.Name)),
                ParameterLocation.Query => ParameterParser.FromQuery(parameter, check.Shape, request.Query, plan.QueryNames),
                ParameterLocation.Header => ParameterParser.FromText(parameter, check.Shape, request.Headers.TryGetValue(parameter.Name, out var h) ? h.ToString() : null),
                _ => ParameterParser.FromText(parameter, check.Shape, request.Cookies.TryGetValue(parameter.Name, out var c) ? c : null),
            };
            if (value is null)
            {
                if (parameter.Required)
                {
                    errors.Add(new ProblemError("", $"the required {where} parameter '{parameter.Name}' is missing", where, parameter.Name));
                }

                continue;
            }

            var result = check.Validator.Validate(System.Text.Encoding.UTF8.GetBytes(value.ToJsonString()), RequestOptions);
            errors.AddRange(result.Errors.Select(e => new ProblemError(e.InstanceLocation, $"{where} parameter '{parameter.Name}': {e.Message}", where, parameter.Name)));
        }
    }

    /// <summary>
    /// The fast path: a present scalar path, query or header value that validates, checked without parsing into a
    /// node or allocating. Anything else (absent, invalid, arrays, objects, other styles) takes the full path.
    /// </summary>
    private static bool IsValidScalar(HttpRequest request, ParameterCheck check, IReadOnlyDictionary<string, string> pathValues)
    {
        var parameter = check.Parameter;
        if (check.Shape.Shape != ValueShape.Scalar || (parameter.Style is not null && parameter.Style is not "simple" and not "form"))
        {
            return false;
        }

        string? text = parameter.In switch
        {
            ParameterLocation.Path when pathValues.TryGetValue(parameter.Name, out var raw) && !raw.Contains('%', StringComparison.Ordinal) => raw,
            ParameterLocation.Query when request.Query.TryGetValue(parameter.Name, out var values) && values.Count == 1 => values[0],
            ParameterLocation.Header when request.Headers.TryGetValue(parameter.Name, out var values) && values.Count == 1 => values[0],
            _ => null,
        };
        return text is not null && check.Validator.IsValid(ScalarJson.Of(text, check.Shape.Kind), RequestOptions);
    }

    /// <summary>Null when the request's content type is one the operation accepts (or it has no body), else the 415 problem.</summary>
    public static ContractProblem? CheckContentType(HttpRequest request, Operation operation, bool hasBody)
    {
        if (operation.RequestBody is not { } body || !hasBody)
        {
            return null;
        }

        var sent = request.ContentType;
        if (sent is not null && MediaRange.MatchesAny(body.Content, sent))
        {
            return null;
        }

        var accepted = string.Join(", ", body.Content.Select(c => c.MediaType));
        var detail = sent is null ? $"The request has a body but no Content-Type; expected one of: {accepted}." : $"Content-Type '{sent}' is not accepted; expected one of: {accepted}.";
        return new ContractProblem(StatusCodes.Status415UnsupportedMediaType, "urn:contractkit:problem:unsupported-media-type", "Unsupported Media Type", detail,
            [new ProblemError("", detail, "header", "Content-Type")])
        {
            OperationId = operation.OperationId,
        };
    }

    /// <summary>
    /// Validates a JSON body (request-direction rules). Null when valid; a 400 problem when it is not JSON (with line
    /// and column); else the 422 problem listing every violation, with <paramref name="parameterErrors"/> first.
    /// </summary>
    public static ContractProblem? CheckJsonBody(ReadOnlySpan<byte> body, OperationPlan plan, List<ProblemError> parameterErrors)
    {
        if (plan.BodyValidator is not { } validator || validator.IsValid(body, RequestOptions))
        {
            return null;
        }

        var result = validator.Validate(body, RequestOptions);
        if (result.Errors is [{ Keyword: "json" } malformed])
        {
            return BadRequest(plan.Operation, malformed.Message, [.. parameterErrors, new ProblemError("", malformed.Message, "body")]);
        }

        var errors = parameterErrors.Concat(result.Errors.Select(e => new ProblemError(e.InstanceLocation, e.Message, "body"))).ToList();
        return new ContractProblem(StatusCodes.Status422UnprocessableEntity, "urn:contractkit:problem:invalid-body", "Unprocessable Content",
            $"The request body breaks the contract of {plan.Operation.OperationId} ({errors.Count} violation{(errors.Count == 1 ? "" : "s")}).", errors)
        {
            OperationId = plan.Operation.OperationId,
        };
    }

    /// <summary>A 400 problem for bad parameters or an unreadable body.</summary>
    public static ContractProblem BadRequest(Operation operation, string detail, IReadOnlyList<ProblemError> errors) =>
        new(StatusCodes.Status400BadRequest, "urn:contractkit:problem:bad-request", "Bad Request", detail, errors) { OperationId = operation.OperationId };
}

/// <summary>Media-type matching with ranges (<c>image/*</c>, <c>*/*</c>) and parameters ignored.</summary>
public static class MediaRange
{
    /// <summary>True when <paramref name="actual"/> falls in <paramref name="declared"/>.</summary>
    public static bool Matches(string declared, string actual)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(actual);
        var d = BareSpan(declared);
        var a = BareSpan(actual);
        if (d is "*/*" || d.Equals(a, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return d.EndsWith("/*", StringComparison.Ordinal) && a.StartsWith(d[..^1], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The type/subtype, without parameters, trimmed.</summary>
    public static string Bare(string mediaType) => BareSpan(mediaType).ToString();

    /// <summary>True when <paramref name="actual"/> falls in one of the declared media types (a loop: no allocation per request).</summary>
    internal static bool MatchesAny(EquatableArray<MediaContent> declared, string actual)
    {
        foreach (var content in declared.Items.AsSpan())
        {
            if (Matches(content.MediaType, actual))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Same answer as <see cref="MediaTypes.IsJson"/>, without splitting the string.</summary>
    internal static bool IsJson(string? mediaType)
    {
        var bare = BareSpan(mediaType);
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase) || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> BareSpan(string? mediaType)
    {
        var span = (mediaType ?? "").AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon < 0 ? span : span[..semicolon]).Trim();
    }
}
