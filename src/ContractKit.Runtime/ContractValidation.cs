using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContractKit.Runtime.Validation;
using Microsoft.Extensions.Logging;

namespace ContractKit.Runtime;

/// <summary>What a generated client does when a body breaks the contract.</summary>
public enum ContractValidationMode
{
    /// <summary>Do not validate.</summary>
    Off,

    /// <summary>Validate; report violations (callback and logger) and carry on.</summary>
    Report,

    /// <summary>Validate; throw <see cref="ContractValidationException"/> on a violation.</summary>
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
    /// <summary>Validates a body and applies the mode; a valid body costs one validation pass and no allocation.</summary>
    public static void Check(
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
            return;
        }

        var options = direction == ValidationDirection.Request ? RequestOptions : ResponseOptions;
        if (validator.IsValid(body, options))
        {
            return;
        }

        var result = validator.Validate(body, options);
        var violation = new ContractViolation(operationId, direction, statusCode, result.Errors.ToArray());
        if (mode == ContractValidationMode.Throw)
        {
            throw new ContractValidationException(violation);
        }

        onViolation?.Invoke(violation);
        if (logger is not null && logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("{ContractViolation}", violation.Describe());
        }
    }

    private static readonly ValidationOptions RequestOptions = new() { Direction = ValidationDirection.Request };
    private static readonly ValidationOptions ResponseOptions = new() { Direction = ValidationDirection.Response };
}
