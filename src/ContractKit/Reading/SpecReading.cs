using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using Microsoft.OpenApi;

namespace ContractKit.Reading;

/// <summary>The in-memory part of reading: bytes → text → JSON tree → version check → references → Microsoft.OpenApi.</summary>
internal static class SpecReading
{
    public static SpecReadResult Read(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        PhaseTrace.Mark("read.file");
        var text = SpecParser.Decode(bytes);
        if (text is null)
        {
            var problem = SpecReader.FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': it is not UTF-8 or UTF-16 text.");
            return Result(path, null, [problem], new SourceMap(path, locator: null), null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var parsed = SpecParser.Parse(path, text);
        PhaseTrace.Mark("read.parse");
        var source = new SourceMap(path, parsed.Locator);
        var diagnostics = new List<Diagnostic>(parsed.Problems);
        if (parsed.IsFatal)
        {
            return Result(path, null, diagnostics, source, null);
        }

        if (SpecVersion.Check(parsed.Root, source, out var version) is { } versionProblem)
        {
            diagnostics.Add(versionProblem);
            return Result(path, null, diagnostics, source, version);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var references = ReferenceChecker.Check(path, parsed.Root!, source);
        diagnostics.AddRange(references.Problems);
        PhaseTrace.Mark("read.references");

        cancellationToken.ThrowIfCancellationRequested();
        var document = OpenApiDocumentReader.Read(path, parsed.Root!, version!, source, references, diagnostics);
        PhaseTrace.Mark("read.openapi");
        return Result(path, document, diagnostics, source, version, parsed.Root);
    }

    private static SpecReadResult Result(
        string path, OpenApiDocument? document, List<Diagnostic> diagnostics, SourceMap source, string? version, JsonNode? raw = null) => new()
    {
        FilePath = path,
        Raw = raw,
        Document = document,
        // OrderBy is stable: diagnostics at the same place keep the order they were found in.
        Diagnostics = diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToArray(),
        Source = source,
        SpecVersion = version,
    };
}
