using System.Collections.Generic;

namespace ContractKit.AspNetCore.Checking;

/// <summary>One violation: where (a JSON pointer into the body, or the parameter), and what is wrong.</summary>
/// <param name="Pointer">JSON pointer into the body (<c>/tool_resources/code_interpreter/file_ids</c>); for a parameter, into its value.</param>
/// <param name="Message">What is wrong, and what was expected.</param>
/// <param name="In"><c>body</c>, <c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c>, or null for the request as a whole.</param>
/// <param name="Name">The parameter's name, for parameters.</param>
public sealed record ProblemError(string Pointer, string Message, string? In = null, string? Name = null);

/// <summary>An RFC 9457 problem: the answer to a request (or response) that breaks the contract.</summary>
public sealed record ContractProblem(int Status, string Type, string Title, string Detail, IReadOnlyList<ProblemError> Errors)
{
    /// <summary>The operation concerned, when one matched.</summary>
    public string? OperationId { get; init; }

    /// <summary>Response headers to add (<c>Allow</c>, <c>WWW-Authenticate</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
