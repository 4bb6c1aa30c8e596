using System;

namespace ContractKit.Lint.Rules;

/// <summary>CK4012: a server URL (variables substituted by their defaults) that is not absolute http(s).</summary>
internal sealed class ServerUrlRule : ILintRule
{
    public void Check(LintContext context)
    {
        foreach (var (pointer, url) in context.Document.Servers)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                context.Report(LintRules.ServerUrlNotAbsolute, $"server URL '{url}' is not an absolute http(s) URL; clients resolve it against wherever they found the document.", pointer + "/url");
            }
        }
    }
}
