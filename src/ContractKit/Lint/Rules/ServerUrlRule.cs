using System;
using System.Collections.Generic;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>CK4012: a server URL (variables substituted by their defaults) that is not absolute http(s).</summary>
internal sealed class ServerUrlRule : ILintRule
{
    /// <summary>A <c>servers</c> URL is not absolute.</summary>
    public static readonly LintRuleInfo ServerUrlNotAbsolute = new("CK4012", "server-url-not-absolute", FindingLevel.Warning, "A server URL is not an absolute http(s) URL.");

    public IReadOnlyList<LintRuleInfo> Rules => [ServerUrlNotAbsolute];

    public void Check(LintContext context)
    {
        foreach (var (pointer, url) in context.Document.Servers)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                context.Report(ServerUrlNotAbsolute, $"server URL '{url}' is not an absolute http(s) URL; clients resolve it against wherever they found the document.", pointer + "/url");
            }
        }
    }
}
