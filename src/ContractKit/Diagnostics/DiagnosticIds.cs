namespace ContractKit.Diagnostics;

/// <summary>The stable diagnostic ids. Never renumber one: users filter on them.</summary>
public static class DiagnosticIds
{
    // Reading
    public const string FileNotFound = "CK1001";
    public const string FileUnreadable = "CK1002";
    public const string SyntaxError = "CK1003";
    public const string UnsupportedVersion = "CK1004";
    public const string OpenApiError = "CK1005";
    public const string OpenApiWarning = "CK1006";
    public const string UnresolvedReference = "CK1007";
    public const string NotAnOpenApiDocument = "CK1008";

    // Reading: defects the reader tolerates (warnings; errors under --strict). See docs/reader-findings.md.
    public const string UnknownField = "CK1009";
    public const string MalformedNode = "CK1010";
    public const string PathParameterMismatch = "CK1011";
    public const string NoResponses = "CK1012";

    // Reading: hostile-input limits (SECURITY.md).
    public const string LimitExceeded = "CK1013";

    // Model
    public const string UnsupportedSchema = "CK2001";
    public const string UnsupportedOperation = "CK2002";
    public const string UnresolvedSchemaReference = "CK2003";

    /// <summary>A schema the validator cannot compile (an invalid <c>pattern</c>, say): said where it is used.</summary>
    public const string InvalidSchema = "CK2004";

    // Code generation
    public const string NameCollision = "CK3001";
    public const string OutputNotOwned = "CK3002";
    public const string OutputWriteFailed = "CK3003";

    // Tool
    public const string Usage = "CK9001";
    public const string ConfigError = "CK9002";

    /// <summary>The ContractKit.MSBuild targets: the generator exited with an error without printing one (it could not start).</summary>
    public const string BuildGeneratorFailed = "CK9010";
}
