using System.Collections.Generic;
using System.Linq;
using ContractKit.Reporting;
using ContractKit.Runtime;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4017: a path key with a query string (<c>/responses?beta=true</c>). Path templates match the path only; the
/// query belongs in an <c>in: query</c> parameter (with an enum or const when it is fixed).
/// </summary>
internal sealed class PathQueryStringRule : ILintRule
{
    /// <summary>A path key with a query string: the path template cannot match it.</summary>
    public static readonly LintRuleInfo PathQueryString = new("CK4017", "path-query-string", FindingLevel.Warning, "A path contains a query string; it belongs in an in: query parameter.");

    public IReadOnlyList<LintRuleInfo> Rules => [PathQueryString];

    public void Check(LintContext context)
    {
        foreach (var path in context.Document.Operations.Where(o => !o.IsWebhook).Select(o => o.Path).Distinct())
        {
            var mark = path.IndexOf('?', System.StringComparison.Ordinal);
            if (mark >= 0)
            {
                context.Report(
                    PathQueryString,
                    $"path '{path}' carries a query string ('{path[mark..]}'); paths are matched without it, so declare it as an in: query parameter instead.",
                    JsonPointer.Append("#/paths", path));
            }
        }
    }
}
