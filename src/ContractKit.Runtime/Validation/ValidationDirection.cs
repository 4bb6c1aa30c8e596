namespace ContractKit.Runtime.Validation;

/// <summary>Which way a payload travels; decides how OpenAPI <c>readOnly</c>/<c>writeOnly</c> apply.</summary>
public enum ValidationDirection
{
    /// <summary>No direction: <c>readOnly</c> and <c>writeOnly</c> are annotations only.</summary>
    None,

    /// <summary>A request body: <c>readOnly</c> properties must be absent and are never required.</summary>
    Request,

    /// <summary>A response body: <c>writeOnly</c> properties must be absent and are never required.</summary>
    Response,
}
