using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Reporting;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;

namespace ContractKit.Pipeline;

/// <summary><c>contractkit validate</c>'s arguments as typed: the shell parses them, the checks and their meaning are here.</summary>
public sealed record ValidateRequest
{
    /// <summary>The spec (null with <see cref="SchemaFile"/>), as shown in messages.</summary>
    public string? SpecPath { get; init; }

    /// <summary>The payload files.</summary>
    public IReadOnlyList<string> Payloads { get; init; } = [];

    /// <summary><c>--schema</c>: a component schema.</summary>
    public string? Schema { get; init; }

    /// <summary><c>--operation</c>: an operationId.</summary>
    public string? Operation { get; init; }

    /// <summary><c>--request</c>.</summary>
    public bool Request { get; init; }

    /// <summary><c>--response</c>.</summary>
    public bool Response { get; init; }

    /// <summary><c>--status</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>--direction</c>: request, response or null.</summary>
    public string? Direction { get; init; }

    /// <summary><c>--schema-file</c>.</summary>
    public string? SchemaFile { get; init; }

    /// <summary><c>--strict</c>.</summary>
    public bool Strict { get; init; }

    /// <summary>Whether <c>http(s)</c> <c>$ref</c>s are fetched (<c>--allow-remote-refs</c>) instead of refused.</summary>
    public bool AllowRemoteRefs { get; init; }

    /// <summary>
    /// The limits for the spec and the payloads (<c>--limit</c> over <c>contractkit.json</c>'s <c>"limits"</c>): a payload over
    /// <c>payload-size</c> or deeper than <c>payload-depth</c> is bad input (exit 1). Null: the run's, or the defaults.
    /// </summary>
    public SpecLimits? Limits { get; init; }
}

public static partial class PayloadValidation
{
    /// <summary>
    /// Checks the arguments, resolves the validator once and validates every payload. Results are null when nothing
    /// was validated (then the diagnostics say why, with exit code 2 or 1); otherwise the exit code is
    /// <see cref="PayloadReport.ExitCodeFor"/>'s.
    /// </summary>
    /// <param name="request">The arguments.</param>
    /// <param name="cancellationToken">Cancels reading the spec.</param>
    /// <returns>The results, the diagnostics for stderr, and the exit code.</returns>
    public static async Task<(IReadOnlyList<PayloadResult>? Results, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> RunAsync(
        ValidateRequest request, CancellationToken cancellationToken = default)
    {
        System.ArgumentNullException.ThrowIfNull(request);
        if (UsageProblem(request) is { } problem)
        {
            return (null, [Usage(problem)], ExitCodes.UsageOrIo);
        }

        var target = new ValidationTarget
        {
            SpecPath = request.SpecPath,
            SchemaName = request.Schema,
            OperationId = request.Operation,
            Body = request.Response ? BodyDirection.Response : BodyDirection.Request,
            Status = request.Status,
            SchemaFile = request.SchemaFile,
            Strict = request.Strict,
            AllowRemoteRefs = request.AllowRemoteRefs,
            Limits = request.Limits,
            Direction = request.Direction switch
            {
                "request" => ValidationDirection.Request,
                "response" => ValidationDirection.Response,
                _ => ValidationDirection.None,
            },
        };
        var (validator, direction, diagnostics, exitCode) = await ResolveAsync(target, cancellationToken).ConfigureAwait(false);
        if (validator is null)
        {
            return (null, diagnostics, exitCode);
        }

        var results = request.Payloads.Select(p => ToResult(ValidateFile(validator, p, direction, request.Limits))).ToList();
        return (results, diagnostics, PayloadReport.ExitCodeFor(results));
    }

    private static string? UsageProblem(ValidateRequest request)
    {
        if (request.Payloads.Count == 0)
        {
            return "no payload files given";
        }

        if (new[] { request.Schema is not null, request.Operation is not null, request.SchemaFile is not null }.Count(b => b) != 1)
        {
            return "give exactly one of --schema, --operation or --schema-file";
        }

        if (request.Request && request.Response)
        {
            return "--request and --response exclude each other";
        }

        return (request.Request || request.Response || request.Status is not null) && request.Operation is null
            ? "--request, --response and --status go with --operation"
            : null;
    }

    private static PayloadResult ToResult(PayloadOutcome outcome) =>
        new(outcome.Path, outcome.Valid, [.. outcome.Errors.Select(e => new PayloadError(e.InstanceLocation, e.SchemaLocation, e.Keyword, e.Message))], outcome.ReadError)
        {
            ReadErrorId = outcome.ReadErrorId,
        };
}
