using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;

namespace ContractKit.Reading;

/// <summary>What <see cref="SpecReader"/> found in one spec file: the document (when readable) and every problem, as data.</summary>
public sealed class SpecReadResult
{
    /// <summary>The path exactly as passed to <see cref="SpecReader"/>; diagnostics use it verbatim, for deterministic output.</summary>
    public required string FilePath { get; init; }

    /// <summary>The OpenAPI document; <see langword="null"/> when reading failed fatally (see <see cref="Diagnostics"/>).</summary>
    public OpenApiDocument? Document { get; init; }

    /// <summary>Every problem found, sorted by line, then column.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Maps JSON pointers into the document to lines and columns in the file.</summary>
    public required SourceMap Source { get; init; }

    /// <summary>The version as written in the file (<c>"2.0"</c>, <c>"3.0.0"</c>, <c>"3.1.0"</c>…), when there is one.</summary>
    public string? SpecVersion { get; init; }

    /// <summary>Whether any diagnostic is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
