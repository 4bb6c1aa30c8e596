using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>CK4006–CK4008: the path template's <c>{name}</c>s and the <c>in: path</c> parameters match one to one, and those are required.</summary>
internal sealed partial class PathParameterRule : ILintRule
{
    /// <summary>A <c>{name}</c> of the path template has no <c>in: path</c> parameter.</summary>
    public static readonly LintRuleInfo UndeclaredPathParameter = new("CK4006", "undeclared-path-parameter", FindingLevel.Error, "A path template variable is not declared as an in: path parameter.");

    /// <summary>An <c>in: path</c> parameter does not appear in the path template.</summary>
    public static readonly LintRuleInfo UnusedPathParameter = new("CK4007", "unused-path-parameter", FindingLevel.Error, "An in: path parameter is not in the path template.");

    /// <summary>An <c>in: path</c> parameter is not <c>required: true</c>.</summary>
    public static readonly LintRuleInfo OptionalPathParameter = new("CK4008", "optional-path-parameter", FindingLevel.Error, "A path parameter must be required.");

    public IReadOnlyList<LintRuleInfo> Rules => [UndeclaredPathParameter, UnusedPathParameter, OptionalPathParameter];

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex TemplateVariable();

    public void Check(LintContext context)
    {
        foreach (var operation in context.Document.Operations.Where(o => !o.IsWebhook))
        {
            var names = TemplateVariable().Matches(operation.Path).Select(m => m.Groups[1].Value).ToList();
            var declared = operation.Parameters.Where(p => p.In == "path").ToList();
            foreach (var name in names.Distinct())
            {
                if (!declared.Any(p => p.Name == name))
                {
                    context.Report(
                        UndeclaredPathParameter,
                        $"{operation.Label}: the path has {{{name}}} but no 'in: path' parameter named '{name}'.",
                        operation.Pointer,
                        operation.Label);
                }
            }

            foreach (var parameter in declared)
            {
                if (!names.Contains(parameter.Name))
                {
                    context.Report(
                        UnusedPathParameter,
                        $"{operation.Label}: path parameter '{parameter.Name}' is not in the path template.",
                        parameter.UsePointer,
                        operation.Label);
                }
                else if (!parameter.Required)
                {
                    context.Report(
                        OptionalPathParameter,
                        $"{operation.Label}: path parameter '{parameter.Name}' must have 'required: true'.",
                        parameter.Pointer,
                        operation.Label);
                }
            }
        }
    }
}
