using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Checking;

/// <summary>
/// Checks that a request carries the credentials an operation's security requirement declares (presence, not
/// validity: that is the service's business), and says what is missing with a <c>WWW-Authenticate</c> challenge.
/// </summary>
internal static class SecurityChecker
{
    /// <summary>Null when one alternative is met (or none is required), else the 401 problem.</summary>
    public static ContractProblem? Check(HttpRequest request, OperationPlan plan)
    {
        if (plan.Security.Count == 0 || AnyAlternativeMet(request, plan.Security))
        {
            return null;
        }

        var first = plan.Security[0];
        var errors = first.Where(s => !IsPresent(request, s)).Select(s => new ProblemError("", $"missing credentials for the security scheme '{s.Name}': {Expected(s)}", WhereOf(s), s.ParameterName)).ToList();
        return new ContractProblem(
            StatusCodes.Status401Unauthorized,
            "urn:contractkit:problem:unauthorized",
            "Unauthorized",
            "The operation requires credentials that the request does not carry.",
            errors)
        {
            OperationId = plan.Operation.OperationId,
            Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = string.Join(", ", first.Select(Challenge).Distinct(StringComparer.Ordinal)) },
        };
    }

    /// <summary>Index loops, not LINQ or foreach over interfaces: this runs on every request, and both allocate.</summary>
    private static bool AnyAlternativeMet(HttpRequest request, IReadOnlyList<IReadOnlyList<SecurityScheme>> alternatives)
    {
        for (var a = 0; a < alternatives.Count; a++)
        {
            var alternative = alternatives[a];
            var met = true;
            for (var s = 0; s < alternative.Count && met; s++)
            {
                met = IsPresent(request, alternative[s]);
            }

            if (met)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPresent(HttpRequest request, SecurityScheme scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.ApiKey => scheme.ParameterName is { } name && (scheme.In switch
        {
            ParameterLocation.Query => request.Query.ContainsKey(name),
            ParameterLocation.Cookie => request.Cookies.ContainsKey(name),
            _ => request.Headers.ContainsKey(name),
        }),
        SecuritySchemeKind.Http => HasAuthorization(request, scheme.HttpScheme ?? "bearer"),
        SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect => HasAuthorization(request, "bearer"),
        SecuritySchemeKind.MutualTls => request.HttpContext.Connection.ClientCertificate is not null,
        _ => true,
    };

    private static bool HasAuthorization(HttpRequest request, string scheme)
    {
        var value = request.Headers.Authorization.ToString();
        return value.Length > scheme.Length + 1 &&
            value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) &&
            value[scheme.Length] == ' ' &&
            !value.AsSpan(scheme.Length + 1).IsWhiteSpace();
    }

    private static string Challenge(SecurityScheme scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.Http => $"{Capitalize(scheme.HttpScheme ?? "bearer")} realm=\"contractkit\"",
        SecuritySchemeKind.ApiKey => $"ApiKey realm=\"contractkit\", in=\"{WhereOf(scheme)}\", name=\"{scheme.ParameterName}\"",
        _ => "Bearer realm=\"contractkit\"",
    };

    private static string Expected(SecurityScheme scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.ApiKey => $"the {WhereOf(scheme)} '{scheme.ParameterName}'",
        SecuritySchemeKind.Http => $"an 'Authorization: {Capitalize(scheme.HttpScheme ?? "bearer")} ...' header",
        SecuritySchemeKind.MutualTls => "a client certificate",
        _ => "an 'Authorization: Bearer ...' header",
    };

    private static string WhereOf(SecurityScheme scheme) => scheme.Kind == SecuritySchemeKind.ApiKey
        ? (scheme.In ?? ParameterLocation.Header).ToString().ToLowerInvariant()
        : "header";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
