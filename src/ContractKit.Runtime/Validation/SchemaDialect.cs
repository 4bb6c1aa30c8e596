namespace ContractKit.Runtime.Validation;

/// <summary>The JSON Schema dialect a schema resource is read in when it does not name one with <c>$schema</c>.</summary>
public enum SchemaDialect
{
    /// <summary>JSON Schema draft 4 (the base of OpenAPI 3.0 schema objects).</summary>
    Draft4,

    /// <summary>JSON Schema 2020-12 (the dialect of OpenAPI 3.1).</summary>
    Draft202012,
}
