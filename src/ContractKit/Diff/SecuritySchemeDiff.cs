using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.Diff;

/// <summary>
/// A security scheme that keeps its type: where clients get tokens (OAuth flow URLs, scopes, the OpenID Connect
/// discovery URL) and what token a bearer scheme announces.
/// </summary>
internal static class SecuritySchemeDiff
{
    public static void CompareDetails(DiffSession session, SecurityScheme before, SecurityScheme head, string at)
    {
        var changes = new List<string>();
        if (!string.Equals(before.OpenIdConnectUrl, head.OpenIdConnectUrl, StringComparison.Ordinal))
        {
            changes.Add($"openIdConnectUrl {Show(before.OpenIdConnectUrl)} → {Show(head.OpenIdConnectUrl)}");
        }

        foreach (var flow in before.Flows)
        {
            var now = head.Flows.FirstOrDefault(f => f.Kind == flow.Kind);
            if (now is null)
            {
                changes.Add($"{flow.Kind} flow removed");
                continue;
            }

            Url(changes, flow.Kind, "authorizationUrl", flow.AuthorizationUrl, now.AuthorizationUrl);
            Url(changes, flow.Kind, "tokenUrl", flow.TokenUrl, now.TokenUrl);
            Url(changes, flow.Kind, "refreshUrl", flow.RefreshUrl, now.RefreshUrl);
            var removed = flow.Scopes.Where(s => !now.Scopes.Contains(s)).ToList();
            if (removed.Count > 0)
            {
                changes.Add($"{flow.Kind} scope(s) {string.Join(", ", removed)} removed");
            }
        }

        if (changes.Count > 0)
        {
            session.Report(DiffRules.SecuritySchemeEndpointChanged, null, at,
                $"security scheme '{head.Name}' changed: {string.Join(", ", changes)}; clients obtaining tokens the old way fail");
        }

        if (head.Kind == SecuritySchemeKind.Http && !string.Equals(before.BearerFormat, head.BearerFormat, StringComparison.Ordinal))
        {
            session.Report(DiffRules.SecuritySchemeBearerFormatChanged, null, at,
                $"security scheme '{head.Name}': bearerFormat {Show(before.BearerFormat)} → {Show(head.BearerFormat)}");
        }
    }

    private static void Url(List<string> changes, string flow, string what, string? before, string? head)
    {
        if (!string.Equals(before, head, StringComparison.Ordinal))
        {
            changes.Add($"{flow} {what} {Show(before)} → {Show(head)}");
        }
    }

    private static string Show(string? value) => value is null ? "(none)" : "'" + value + "'";
}
