using System;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Mock;

/// <summary>What a client asks the mock for in <c>Prefer</c> (as Prism reads it): <c>code=404</c>, <c>example=name</c>, <c>dynamic=true</c>.</summary>
public sealed record MockPreferences(string? Code, string? Example, bool? Dynamic)
{
    /// <summary>Reads every <c>Prefer</c> header of the request.</summary>
    public static MockPreferences Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? code = null, example = null;
        bool? dynamic = null;
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var part in (header ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                var value = pair.Length == 2 ? pair[1].Trim('"') : "";
                switch (pair[0].ToLowerInvariant())
                {
                    case "code": code = value; break;
                    case "example": example = value; break;
                    case "dynamic": dynamic = value is "true" or ""; break;
                }
            }
        }

        return new MockPreferences(code, example, dynamic);
    }
}
