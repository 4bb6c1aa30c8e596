using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;

namespace ContractKit.CodeGen;

/// <summary>A generated file: its path relative to the output folder ('/' separated) and its content.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>The files generated, in ordinal order of path, and what the generator noticed.</summary>
public sealed record GenerationResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
