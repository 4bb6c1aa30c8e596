namespace ContractKit.Runtime.Validation;

/// <summary>How a schema is compiled. Immutable once built.</summary>
public sealed class SchemaOptions
{
    internal static SchemaOptions Default { get; } = new();

    /// <summary>The dialect for schema resources that have no <c>$schema</c>.</summary>
    public SchemaDialect DefaultDialect { get; init; } = SchemaDialect.Draft202012;

    /// <summary>OpenAPI 3.0 semantics on top of draft 4: <c>nullable: true</c> admits null.</summary>
    public bool OpenApi30 { get; init; }

    /// <summary>OpenAPI vocabulary: <c>discriminator</c>, and <c>readOnly</c>/<c>writeOnly</c> by <see cref="ValidationOptions.Direction"/>.</summary>
    public bool OpenApiVocabulary { get; init; }

    /// <summary>Whether <c>format</c> asserts (int32, int64, float, double, date-time, date, time, uuid, email, uri, ...) or only annotates.</summary>
    public bool FormatAssertion { get; init; } = true;

    /// <summary>
    /// True (the default): a <c>pattern</c> or <c>patternProperties</c> that is not a valid regular expression fails the
    /// compilation (<see cref="SchemaCompilationException"/>). False: the schema compiles and that keyword rejects every
    /// value it applies to, with an error naming the pattern and where it is, so code that cannot fix the schema (a
    /// generated client, a server) never meets the exception.
    /// </summary>
    public bool ThrowOnInvalidPattern { get; init; } = true;

    /// <summary>Other documents that <c>$ref</c> may point into.</summary>
    public SchemaRegistry? Registry { get; init; }
}
