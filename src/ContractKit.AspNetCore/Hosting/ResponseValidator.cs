using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.AspNetCore.Checking;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContractKit.AspNetCore;

/// <summary>Validates what the endpoint answered against the operation's declared responses (response-direction rules).</summary>
internal sealed partial class ResponseValidator
{
    // The body is at most MaxResponseBodyBytes already: no second size limit.
    private static readonly ValidationOptions ResponseOptions = new() { Direction = ValidationDirection.Response, MaxPayloadBytes = long.MaxValue };

    private readonly ServedContract _contract;
    private readonly ResponseValidationMode _mode;
    private readonly long _maxBodyBytes;
    private readonly bool _details;
    private readonly ContractMetrics _metrics;
    private readonly ILogger _logger;

    public ResponseValidator(ServedContract contract, ResponseValidationMode mode, long maxBodyBytes, bool details, ContractMetrics metrics, ILogger logger)
    {
        _contract = contract;
        _mode = mode;
        _maxBodyBytes = maxBodyBytes;
        _details = details;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task RunAsync(HttpContext context, Operation operation, ContractValidationFeature feature, RequestDelegate next)
    {
        if (_mode == ResponseValidationMode.Off)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        var capture = new ResponseCapture(response, original, _maxBodyBytes);
        response.Body = capture;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        var errors = Check(operation, response.StatusCode, capture.Captured);
        feature.ResponseVerdict = errors.Count > 0 ? "invalid" : capture.TooLarge ? "too large" : "valid";
        if (capture.TooLarge)
        {
            LogTooLarge(_logger, operation.OperationId, response.StatusCode, _maxBodyBytes);
        }

        if (errors.Count > 0)
        {
            _metrics.InvalidResponse(operation.OperationId, response.StatusCode);
            LogInvalid(_logger, operation.OperationId, response.StatusCode, string.Join("; ", errors.Take(10).Select(e => e.Pointer.Length == 0 ? e.Message : $"{e.Pointer}: {e.Message}")));
        }

        if (errors.Count > 0 && _mode == ResponseValidationMode.Fail && !response.HasStarted)
        {
            response.Clear();
            var problem = new ContractProblem(StatusCodes.Status500InternalServerError, "urn:contractkit:problem:invalid-response", "Internal Server Error",
                $"The response of {operation.OperationId} breaks the contract.", errors)
            {
                OperationId = operation.OperationId,
            };
            await ProblemWriter.WriteAsync(context, problem, _details, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (capture.Captured is { } captured)
        {
            if (response.ContentLength is null && !response.HasStarted)
            {
                response.ContentLength = captured.Length;
            }

            await original.WriteAsync(captured.GetBuffer().AsMemory(0, (int)captured.Length), context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The violations of a response: an undeclared status, or a JSON body that breaks the schema.</summary>
    public IReadOnlyList<ProblemError> Check(Operation operation, int status, System.IO.MemoryStream? json)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        var declared = operation.Responses.FirstOrDefault(r => r.StatusCode == code)
            ?? operation.Responses.FirstOrDefault(r => string.Equals(r.StatusCode, code[0] + "XX", StringComparison.OrdinalIgnoreCase))
            ?? operation.Responses.FirstOrDefault(r => r.StatusCode == "default");
        if (declared is null)
        {
            var known = string.Join(", ", operation.Responses.Select(r => r.StatusCode));
            return [new ProblemError("", $"status {code} is not declared for {operation.OperationId}; it declares {known}", "status")];
        }

        if (json is null || json.Length == 0 || _contract.Schemas.ForOperation(operation, BodyDirection.Response, code) is not { } validator)
        {
            return [];
        }

        var body = json.GetBuffer().AsSpan(0, (int)json.Length);
        if (validator.IsValid(body, ResponseOptions))
        {
            return [];
        }

        return validator.Validate(body, ResponseOptions).Errors.Select(e => new ProblemError(e.InstanceLocation, e.Message, "body")).ToList();
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The {OperationId} response (status {Status}) was not validated: its JSON body is larger than {MaxBytes} bytes (MaxResponseBodyBytes), so it went out as written")]
    private static partial void LogTooLarge(ILogger logger, string operationId, int status, long maxBytes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The {OperationId} response (status {Status}) breaks the contract: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string operationId, int status, string errors);
}
