namespace ContractKit.AspNetCore;

/// <summary>What to do with requests to routes the contract does not declare.</summary>
public enum UnknownRouteHandling
{
    /// <summary>Let them through to the application, unchecked.</summary>
    PassThrough,

    /// <summary>Answer 404 with a problem body.</summary>
    NotFound,
}

/// <summary>Whether responses are validated, and what a violation does.</summary>
public enum ResponseValidationMode
{
    /// <summary>Responses are not validated.</summary>
    Off,

    /// <summary>Violations are logged (and counted); the response goes out as it is.</summary>
    Log,

    /// <summary>Violations are logged and the response is replaced by a 500 problem.</summary>
    Fail,
}

/// <summary>Options of <c>UseContractValidation</c>, bound through <c>IOptions</c>.</summary>
public sealed class ContractValidationOptions
{
    /// <summary>The spec to read at start-up, unless <see cref="Contract"/> is given.</summary>
    public string? SpecPath { get; set; }

    /// <summary>An already-built contract (no spec is read at start-up).</summary>
    public ServedContract? Contract { get; set; }

    /// <summary>Requests to routes the contract lacks: pass through (the default) or 404.</summary>
    public UnknownRouteHandling UnknownRoutes { get; set; } = UnknownRouteHandling.PassThrough;

    /// <summary>Response validation: off (the default), log or fail.</summary>
    public ResponseValidationMode ResponseValidation { get; set; } = ResponseValidationMode.Off;

    /// <summary>Answer 401 when the credentials an operation declares are missing. Off by default.</summary>
    public bool EnforceSecurity { get; set; }

    /// <summary>Bodies larger than this are answered 413. 10 MB by default.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// With response validation on, the largest JSON response body held back to be validated (10 MB by default). A
    /// larger one goes out as the endpoint writes it, unvalidated, and is logged as such (the verdict <c>too large</c>):
    /// the middleware never buffers more than this per response.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Whether a 500 for an invalid response lists the violations; null (the default) lists them in the Development
    /// environment only.
    /// </summary>
    public bool? IncludeResponseViolations { get; set; }
}
