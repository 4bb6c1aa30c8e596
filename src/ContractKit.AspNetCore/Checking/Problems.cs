using System.Collections.Generic;
using ContractKit.Model;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Checking;

/// <summary>The middleware's fixed problems: unknown route, wrong method, too large, bad parameters, missing body.</summary>
internal static class Problems
{
    public static ContractProblem NotFound(string path) =>
        new(StatusCodes.Status404NotFound, "urn:contractkit:problem:not-found", "Not Found", $"The contract declares no path matching '{path}'.", []);

    public static ContractProblem MethodNotAllowed(string method, string path, IReadOnlyList<string> allowed) =>
        new(StatusCodes.Status405MethodNotAllowed, "urn:contractkit:problem:method-not-allowed", "Method Not Allowed",
            $"The contract declares no {method} operation on '{path}'; it declares: {string.Join(", ", allowed)}.", [])
        {
            Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) },
        };

    public static ContractProblem TooLarge(Operation operation, long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "urn:contractkit:problem:content-too-large", "Content Too Large",
            $"The request body is larger than the limit of {limit} bytes.", [])
        {
            OperationId = operation.OperationId,
        };

    /// <summary>The 400 for violations outside the body's schema (parameters, a missing body), or null when there are none.</summary>
    public static ContractProblem? Invalid(Operation operation, List<ProblemError> errors) =>
        errors.Count == 0 ? null : RequestChecker.BadRequest(operation, $"The request breaks the contract of {operation.OperationId} ({errors.Count} violation{(errors.Count == 1 ? "" : "s")}).", errors);
}
