using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Reporting;
using ContractKit.Runtime;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4018: a keyword beside a <c>$ref</c> in an OpenAPI 2.0/3.0 schema. There a <c>$ref</c> object is a Reference
/// Object and its siblings are ignored, so <c>{$ref: OpenAIFile, nullable: true}</c> is not nullable: the generated
/// type and <c>diff</c> follow the letter. Reported at the sibling, with the <c>allOf</c> form that applies it.
/// Extensions (<c>x-</c>) are left alone: tools read them on purpose.
/// </summary>
internal sealed class RefSiblingRule : ILintRule
{
    /// <summary>A keyword beside a <c>$ref</c> in a 2.0/3.0 schema, where a Reference Object's siblings are ignored.</summary>
    public static readonly LintRuleInfo RefSiblingIgnored = new("CK4018", "ref-sibling-ignored", FindingLevel.Warning, "A keyword beside $ref is ignored in OpenAPI 2.0/3.0; wrap the $ref in allOf to apply it.");

    public IReadOnlyList<LintRuleInfo> Rules => [RefSiblingIgnored];

    public void Check(LintContext context)
    {
        if (context.Read.SpecVersion is not { } version || version.StartsWith("3.1", System.StringComparison.Ordinal))
        {
            return;
        }

        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var site in context.Document.Schemas)
        {
            if (LintWalker.Text(site.Node["$ref"]) is not { } target || !seen.Add(site.Pointer))
            {
                continue;
            }

            var siblings = site.Node.Select(p => p.Key).Where(k => k != "$ref" && !k.StartsWith("x-", System.StringComparison.Ordinal)).ToList();
            foreach (var keyword in siblings)
            {
                context.Report(RefSiblingIgnored, Message(keyword, target, site.Node[keyword], version), site.Pointer + "/" + JsonPointer.Escape(keyword));
            }
        }
    }

    private static string Message(string keyword, string target, JsonNode? value, string version)
    {
        var written = value?.ToJsonString() ?? "null";
        return $"'{keyword}' beside $ref is ignored in OpenAPI {version} (a Reference Object's siblings are), so this schema is exactly '{target}'; " +
            $"to apply it write {{allOf: [{{$ref: '{target}'}}], {keyword}: {written}}}.";
    }
}
