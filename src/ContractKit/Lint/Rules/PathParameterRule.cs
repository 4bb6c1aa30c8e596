using System.Linq;
using System.Text.RegularExpressions;

namespace ContractKit.Lint.Rules;

/// <summary>CK4006–CK4008: the path template's <c>{name}</c>s and the <c>in: path</c> parameters match one to one, and those are required.</summary>
internal sealed partial class PathParameterRule : ILintRule
{
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
                        LintRules.UndeclaredPathParameter,
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
                        LintRules.UnusedPathParameter,
                        $"{operation.Label}: path parameter '{parameter.Name}' is not in the path template.",
                        parameter.UsePointer,
                        operation.Label);
                }
                else if (!parameter.Required)
                {
                    context.Report(
                        LintRules.OptionalPathParameter,
                        $"{operation.Label}: path parameter '{parameter.Name}' must have 'required: true'.",
                        parameter.Pointer,
                        operation.Label);
                }
            }
        }
    }
}
