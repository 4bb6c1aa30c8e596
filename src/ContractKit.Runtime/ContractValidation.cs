using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using ContractKit.Runtime.Validation;
using Microsoft.Extensions.Logging;

namespace ContractKit.Runtime;

/// <summary>What a generated client does when a body breaks the contract.</summary>
public enum ContractValidationMode
{
    /// <summary>
    /// Do not validate. A response is still read leniently: a required member the server left out stays at its default.
    /// </summary>
    Off,

    /// <summary>
    /// Validate; report each violation (the <c>OnContractViolation</c> callback, the logger, and always
    /// <see cref="ContractDiagnostics"/>) and carry on: a response is returned with what the server sent, a missing
    /// required member left at its default (see <see cref="ContractValidation.GetViolation"/>).
    /// </summary>
    Report,

    /// <summary>Validate; throw <see cref="ContractValidationException"/>, listing every violation, on a violation.</summary>
    Throw,
}

/// <summary>A body that broke the contract, as reported to <c>OnContractViolation</c> and the logger.</summary>
public sealed record ContractViolation(string OperationId, ValidationDirection Direction, int? StatusCode, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>One line per error: <c>/metadata: object has 17 properties; at most 16 are allowed</c>.</summary>
    public string Describe()
    {
        var what = Direction == ValidationDirection.Request
            ? $"The {OperationId} request body breaks the contract"
            : string.Create(CultureInfo.InvariantCulture, $"The {OperationId} response body (status {StatusCode}) breaks the contract");
        var builder = new StringBuilder(what).Append(':');
        foreach (var error in Errors)
        {
            builder.Append("\n  ").Append(error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation).Append(": ").Append(error.Message);
        }

        return builder.ToString();
    }

    /// <summary>
    /// JSON pointers of the required properties the body left out (<c>/tool_resources</c>,
    /// <c>/tool_resources/code_interpreter</c>): in the typed object these members are at their default.
    /// </summary>
    public IReadOnlyList<string> MissingProperties =>
        Errors.Where(e => e.Keyword == "required" && e.Message.StartsWith(RequiredPrefix, StringComparison.Ordinal))
            .Select(e => e.InstanceLocation + "/" + JsonPointer.Escape(e.Message[RequiredPrefix.Length..e.Message.LastIndexOf('\'')]))
            .ToArray();

    /// <summary>True when the body left out the required property at <paramref name="pointer"/> (<c>/tool_resources</c>).</summary>
    public bool IsMissing(string pointer) => MissingProperties.Contains(pointer, StringComparer.Ordinal);

    private const string RequiredPrefix = "required property '";
}

/// <summary>Thrown in <see cref="ContractValidationMode.Throw"/> mode; lists every violation.</summary>
public sealed class ContractValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContractValidationException(ContractViolation violation)
        : base(violation?.Describe())
    {
        Violation = violation ?? throw new ArgumentNullException(nameof(violation));
    }

    /// <summary>Which operation, which direction, and the errors.</summary>
    public ContractViolation Violation { get; }

    /// <summary>The errors, each with its JSON pointer.</summary>
    public IReadOnlyList<ValidationError> Errors => Violation.Errors;
}

/// <summary>The check generated clients run on outgoing and incoming bodies. Not meant to be called by hand.</summary>
public static class ContractValidation
{
    /// <summary>The violations reported for objects returned in Report mode; weak, so the object alone decides its lifetime.</summary>
    private static readonly ConditionalWeakTable<object, ContractViolation> Reported = new();

    /// <summary>
    /// The violation reported when <paramref name="response"/> was read in <see cref="ContractValidationMode.Report"/>
    /// mode, or null when it met the contract (or was not validated). With it, a member at its default can be told
    /// apart from one the server left out: <c>ContractValidation.GetViolation(thread)?.IsMissing("/tool_resources")</c>.
    /// </summary>
    public static ContractViolation? GetViolation(object response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Reported.TryGetValue(response, out var violation) ? violation : null;
    }

    /// <summary>Remembers the violation reported for a returned object (no-op for null or value types).</summary>
    internal static void Remember(object? response, ContractViolation? violation)
    {
        if (violation is not null && response is not null && !response.GetType().IsValueType)
        {
            Reported.AddOrUpdate(response, violation);
        }
    }

    /// <summary>
    /// Validates a body and applies the mode; a valid body costs one validation pass and no allocation. Returns the
    /// violation reported in Report mode, null when the body is valid or the mode is Off; throws in Throw mode.
    /// Every violation is also counted and traced through <see cref="ContractDiagnostics"/>.
    /// </summary>
    public static ContractViolation? Check(
        JsonSchemaValidator validator,
        ReadOnlySpan<byte> body,
        ValidationDirection direction,
        ContractValidationMode mode,
        string operationId,
        int? statusCode,
        Action<ContractViolation>? onViolation,
        ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (mode == ContractValidationMode.Off)
        {
            return null;
        }

        var options = direction == ValidationDirection.Request ? RequestOptions : ResponseOptions;
        if (validator.IsValid(body, options))
        {
            return null;
        }

        var result = validator.Validate(body, options);
        var violation = new ContractViolation(operationId, direction, statusCode, result.Errors.ToArray());
        ContractDiagnostics.Record(violation);
        if (mode == ContractValidationMode.Throw)
        {
            throw new ContractValidationException(violation);
        }

        onViolation?.Invoke(violation);
        if (logger is not null && logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("{ContractViolation}", violation.Describe());
        }

        return violation;
    }

    // No size limit here: the client reads no more of a response than its MaxResponseBytes, and a request body is the caller's own.
    private static readonly ValidationOptions RequestOptions = new() { Direction = ValidationDirection.Request, MaxPayloadBytes = long.MaxValue };
    private static readonly ValidationOptions ResponseOptions = new() { Direction = ValidationDirection.Response, MaxPayloadBytes = long.MaxValue };
}

/// <summary>
/// How a <c>…StreamAsync</c> method checks each server-sent event against the event schema, in the operation's
/// <c>ResponseValidation</c> mode. Not meant to be built by hand.
/// </summary>
public sealed record EventValidation(
    JsonSchemaValidator Validator,
    ContractValidationMode Mode,
    string OperationId,
    Action<ContractViolation>? OnViolation,
    ILogger? Logger);
