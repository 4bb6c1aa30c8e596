using System.Collections.Generic;
using System.Linq;
using ContractKit.Reporting;

namespace ContractKit.Lint.Rules;

/// <summary>CK4004 duplicate operationIds (each later use, pointing at the first), CK4005 operations without one.</summary>
internal sealed class OperationIdRule : ILintRule
{
    /// <summary>Two operations share an <c>operationId</c>.</summary>
    public static readonly LintRuleInfo DuplicateOperationId = new("CK4004", "duplicate-operation-id", FindingLevel.Error, "operationId is not unique.");

    /// <summary>An operation has no <c>operationId</c>.</summary>
    public static readonly LintRuleInfo MissingOperationId = new("CK4005", "missing-operation-id", FindingLevel.Info, "An operation has no operationId.");

    public IReadOnlyList<LintRuleInfo> Rules => [DuplicateOperationId, MissingOperationId];

    public void Check(LintContext context)
    {
        foreach (var operation in context.Document.Operations)
        {
            if (LintWalker.Text(operation.Node["operationId"]) is null)
            {
                context.Report(MissingOperationId, $"{operation.Label} has no operationId.", operation.Pointer, operation.Label);
            }
        }

        var groups = context.Document.Operations
            .Select(o => (Operation: o, Id: LintWalker.Text(o.Node["operationId"])))
            .Where(o => o.Id is not null)
            .GroupBy(o => o.Id!, System.StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var first = group.First().Operation;
            foreach (var (operation, id) in group.Skip(1))
            {
                var firstLine = context.Read.Source.Locate(first.Pointer + "/operationId")?.Line ?? 0;
                context.Report(
                    DuplicateOperationId,
                    $"operationId '{id}' of {operation.Label} is already used by {first.Label} (line {firstLine}).",
                    operation.Pointer + "/operationId",
                    operation.Label);
            }
        }
    }
}
