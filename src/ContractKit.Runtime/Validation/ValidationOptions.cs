namespace ContractKit.Runtime.Validation;

/// <summary>Options for one validation call.</summary>
public sealed class ValidationOptions
{
    /// <summary>The default of <see cref="MaxPayloadBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxPayloadBytes = 64L * 1024 * 1024;

    /// <summary>No direction, at most 100 errors, depth 1000, 64 MiB, duplicate properties rejected.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Request or response: decides how <c>readOnly</c>/<c>writeOnly</c> apply (with the OpenAPI vocabulary).</summary>
    public ValidationDirection Direction { get; init; }

    /// <summary>The most errors reported; <see cref="ValidationResult.ErrorsTruncated"/> says when more were found.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>The deepest nesting of arrays and objects accepted; deeper payloads get one error.</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>
    /// The largest payload validated, in bytes (64 MiB); a larger one gets one error (keyword <c>maxPayloadBytes</c>)
    /// without being parsed. A stream is read no further than this.
    /// </summary>
    public long MaxPayloadBytes { get; init; } = DefaultMaxPayloadBytes;

    /// <summary>Whether an object that names the same property twice is an error.</summary>
    public bool RejectDuplicateProperties { get; init; } = true;
}
