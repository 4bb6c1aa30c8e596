using System.Linq;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4017: a path key with a query string (<c>/responses?beta=true</c>). Path templates match the path only; the
/// query belongs in an <c>in: query</c> parameter (with an enum or const when it is fixed).
/// </summary>
internal sealed class PathQueryStringRule : ILintRule
{
    public void Check(LintContext context)
    {
        foreach (var path in context.Document.Operations.Where(o => !o.IsWebhook).Select(o => o.Path).Distinct())
        {
            var mark = path.IndexOf('?', System.StringComparison.Ordinal);
            if (mark >= 0)
            {
                context.Report(
                    LintRules.PathQueryString,
                    $"path '{path}' carries a query string ('{path[mark..]}'); paths are matched without it, so declare it as an in: query parameter instead.",
                    ContractKit.Model.JsonPointer.Append("#/paths", path));
            }
        }
    }
}
