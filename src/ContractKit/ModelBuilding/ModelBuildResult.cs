using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Model;

namespace ContractKit.ModelBuilding;

/// <summary>The model plus what the builder noticed: problems are data, not exceptions.</summary>
public sealed record ModelBuildResult(ContractModel Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
