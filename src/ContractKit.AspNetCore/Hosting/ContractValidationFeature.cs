using ContractKit.Model;

namespace ContractKit.AspNetCore;

/// <summary>What the middleware found, on <c>HttpContext.Features</c>: the operation and the verdicts.</summary>
public sealed class ContractValidationFeature
{
    /// <summary>The operation the request matched, or null.</summary>
    public Operation? Operation { get; internal set; }

    /// <summary><c>valid</c>, <c>rejected 422</c>, <c>unknown route</c>, ...</summary>
    public string RequestVerdict { get; internal set; } = "unchecked";

    /// <summary><c>valid</c>, <c>invalid</c>, <c>too large</c> (a JSON body over <c>MaxResponseBodyBytes</c>, not validated), or <c>unchecked</c>.</summary>
    public string ResponseVerdict { get; internal set; } = "unchecked";
}
