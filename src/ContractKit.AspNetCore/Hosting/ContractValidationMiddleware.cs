using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.AspNetCore.Checking;
using ContractKit.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractKit.AspNetCore;

/// <summary>
/// Holds each request that matches an operation to the contract before the endpoint sees it (security, parameters,
/// content type, JSON body), answers violations with problem+json, and optionally validates the response.
/// </summary>
internal sealed partial class ContractValidationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ServedContract _contract;
    private readonly ContractValidationOptions _options;
    private readonly ContractMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ResponseValidator _responses;

    public ContractValidationMiddleware(RequestDelegate next, ServedContract contract, IOptions<ContractValidationOptions> options, ContractMetrics metrics,
        ILogger<ContractValidationMiddleware> logger, Microsoft.Extensions.Hosting.IHostEnvironment? environment = null)
    {
        _next = next;
        _contract = contract;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        var details = _options.IncludeResponseViolations ?? string.Equals(environment?.EnvironmentName, "Development", StringComparison.Ordinal);
        _responses = new ResponseValidator(contract, _options.ResponseValidation, _options.MaxResponseBodyBytes, details, metrics, logger);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = new ContractValidationFeature();
        context.Features.Set(feature);
        var request = context.Request;
        var match = _contract.Router.Match(request.Method, request.Path.Value ?? "/");
        switch (match.Outcome)
        {
            case RouteOutcome.UnknownPath when _options.UnknownRoutes == UnknownRouteHandling.PassThrough:
                feature.RequestVerdict = "unknown route";
                await _next(context).ConfigureAwait(false);
                return;
            case RouteOutcome.UnknownPath:
                await RejectAsync(context, feature, Problems.NotFound(request.Path.Value ?? "/")).ConfigureAwait(false);
                return;
            case RouteOutcome.MethodNotAllowed:
                await RejectAsync(context, feature, Problems.MethodNotAllowed(request.Method, request.Path.Value ?? "/", match.AllowedMethods)).ConfigureAwait(false);
                return;
        }

        var plan = _contract.Plan(match.Operation!);
        feature.Operation = plan.Operation;
        using var body = await CheckRequestAsync(context, plan, match.PathValues, feature).ConfigureAwait(false);
        if (feature.RequestVerdict != "valid")
        {
            return;
        }

        _metrics.Validated(plan.Operation.OperationId);
        if (body is not null)
        {
            request.Body = body.AsStream();
        }

        await _responses.RunAsync(context, plan.Operation, feature, _next).ConfigureAwait(false);
    }

    /// <summary>Runs the request checks; on a violation answers it and sets the verdict. Returns the buffered body, if any.</summary>
    private async ValueTask<BodyBuffer?> CheckRequestAsync(HttpContext context, OperationPlan plan, IReadOnlyDictionary<string, string> pathValues, ContractValidationFeature feature)
    {
        var request = context.Request;
        if (_options.EnforceSecurity && SecurityChecker.Check(request, plan) is { } unauthorized)
        {
            await RejectAsync(context, feature, unauthorized).ConfigureAwait(false);
            return null;
        }

        var errors = new List<ProblemError>();
        RequestChecker.CheckParameters(request, plan, pathValues, errors);
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (RequestChecker.CheckContentType(request, plan.Operation, hasBody) is { } unsupported)
        {
            await RejectAsync(context, feature, unsupported).ConfigureAwait(false);
            return null;
        }

        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            await RejectAsync(context, feature, Problems.TooLarge(plan.Operation, _options.MaxRequestBodyBytes)).ConfigureAwait(false);
            return null;
        }

        var json = hasBody && plan.BodyValidator is not null && MediaRange.IsJson(request.ContentType);
        var body = json ? await BodyBuffer.ReadAsync(request.Body, request.ContentLength, _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false) : null;
        if (json && body is null)
        {
            await RejectAsync(context, feature, Problems.TooLarge(plan.Operation, _options.MaxRequestBodyBytes)).ConfigureAwait(false);
            return null;
        }

        if (plan.Operation.RequestBody is { Required: true } && !hasBody)
        {
            errors.Add(new ProblemError("", "the request body is required", "body"));
        }

        var problem = (body is null ? null : RequestChecker.CheckJsonBody(body.Span, plan, errors)) ?? Problems.Invalid(plan.Operation, errors);
        if (problem is not null)
        {
            body?.Dispose();
            await RejectAsync(context, feature, problem).ConfigureAwait(false);
            return null;
        }

        feature.RequestVerdict = "valid";
        return body;
    }

    private async Task RejectAsync(HttpContext context, ContractValidationFeature feature, ContractProblem problem)
    {
        feature.RequestVerdict = $"rejected {problem.Status}";
        _metrics.Rejected(problem.OperationId, problem.Status);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            LogRejected(_logger, context.Request.Method, context.Request.Path.Value ?? "/", problem.Status,
                string.Join("; ", problem.Errors.Take(5).Select(e => e.Pointer.Length == 0 ? e.Message : $"{e.Pointer}: {e.Message}")));
        }

        await ProblemWriter.WriteAsync(context, problem, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} rejected with {Status}: {Errors}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int status, string errors);
}
