using System;
using System.Collections.Generic;

namespace ContractKit.Runtime.Validation;

/// <summary>The verdict of one validation call.</summary>
public readonly struct ValidationResult
{
    private readonly IReadOnlyList<ValidationError>? _errors;

    internal ValidationResult(IReadOnlyList<ValidationError>? errors, bool truncated)
    {
        _errors = errors is { Count: > 0 } ? errors : null;
        ErrorsTruncated = truncated;
    }

    internal static ValidationResult Valid => default;

    /// <summary>True when the payload satisfies the schema.</summary>
    public bool IsValid => _errors is null && !ErrorsTruncated;

    /// <summary>The errors found (empty when valid), at most <see cref="ValidationOptions.MaxErrors"/>.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors ?? Array.Empty<ValidationError>();

    /// <summary>True when more errors were found than <see cref="ValidationOptions.MaxErrors"/> allowed to report.</summary>
    public bool ErrorsTruncated { get; }
}
