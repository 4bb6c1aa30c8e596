using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4016: OpenAPI 3.0 schema syntax left in a 3.1 document. 3.1 schemas are JSON Schema 2020-12, where
/// <c>nullable</c> is not a keyword and <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> are numbers, so other 3.1
/// tools ignore the first and reject the second. ContractKit reads both the 3.0 way, leniently, and says so.
/// </summary>
internal sealed class VersionSyntaxRule : ILintRule
{
    /// <summary>3.0 schema syntax (<c>nullable</c>, boolean exclusive bounds) in a 3.1 document, where JSON Schema 2020-12 reads it differently.</summary>
    public static readonly LintRuleInfo OpenApi30SyntaxIn31 = new("CK4016", "openapi-30-syntax-in-31", FindingLevel.Warning, "A 3.1 schema uses 3.0 syntax (nullable, boolean exclusiveMinimum/exclusiveMaximum) that JSON Schema 2020-12 reads differently.");

    public IReadOnlyList<LintRuleInfo> Rules => [OpenApi30SyntaxIn31];

    public void Check(LintContext context)
    {
        if (context.Read.SpecVersion?.StartsWith("3.1", System.StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var site in context.Document.Schemas)
        {
            if (site.Node["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var isNullable))
            {
                context.Report(
                    OpenApi30SyntaxIn31,
                    isNullable
                        ? "'nullable' is not a keyword in OpenAPI 3.1 (JSON Schema ignores it, so other tools reject null here); write type: [..., 'null'] or add a {type: 'null'} branch."
                        : "'nullable: false' is not a keyword in OpenAPI 3.1 and changes nothing; remove it.",
                    site.Pointer + "/nullable");
            }

            foreach (var keyword in new[] { "exclusiveMinimum", "exclusiveMaximum" })
            {
                if (site.Node[keyword] is JsonValue flag && flag.TryGetValue<bool>(out _))
                {
                    var bound = keyword == "exclusiveMinimum" ? "minimum" : "maximum";
                    context.Report(
                        OpenApi30SyntaxIn31,
                        $"'{keyword}' is a number in OpenAPI 3.1, not a flag on '{bound}'; write {keyword}: <the bound> instead of {bound} + {keyword}: true.",
                        site.Pointer + "/" + keyword);
                }
            }
        }
    }
}
