namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>The dialect a schema resource is read in and which vocabularies it turns on.</summary>
internal sealed record Dialect(bool Draft4, bool Validation, bool Applicator, bool Unevaluated, bool FormatAssertion)
{
    public static Dialect For(SchemaDialect dialect, bool formatAssertion) =>
        dialect == SchemaDialect.Draft4
            ? new Dialect(true, true, true, false, formatAssertion)
            : new Dialect(false, true, true, true, formatAssertion);

    /// <summary>Known metaschema URIs; null for anything else (then the registry's $vocabulary decides).</summary>
    public static SchemaDialect? Known(string uri)
    {
        if (uri.Contains("json-schema.org/draft-04/", System.StringComparison.Ordinal) ||
            uri.Contains("json-schema.org/draft-03/", System.StringComparison.Ordinal) ||
            uri.Contains("json-schema.org/draft-06/", System.StringComparison.Ordinal) ||
            uri.Contains("json-schema.org/draft-07/", System.StringComparison.Ordinal))
        {
            return SchemaDialect.Draft4;
        }

        if (uri.Contains("json-schema.org/draft/2020-12/", System.StringComparison.Ordinal) ||
            uri.Contains("json-schema.org/draft/2019-09/", System.StringComparison.Ordinal))
        {
            return SchemaDialect.Draft202012;
        }

        return null;
    }
}
