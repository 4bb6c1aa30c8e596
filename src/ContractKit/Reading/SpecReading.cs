using System;
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
    /// <param name="path">The file's path, as reported.</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="parsed">
    /// Called with the JSON tree as soon as the text is parsed, before Microsoft.OpenApi reads it, so a caller can
    /// start work that needs only the tree (lint's walk) on another core. The tree is only read from then on.
    /// </param>
    public static SpecReadResult Read(string path, byte[] bytes, CancellationToken cancellationToken, Action<JsonNode>? parsed = null)
    {
        PhaseTrace.Mark("read.file");
        var text = SpecParser.Decode(bytes);
        if (text is null)
        {
            var problem = SpecReader.FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': it is not UTF-8 or UTF-16 text.");
            return Result(path, null, [problem], new SourceMap(path, locator: null), null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var document = SpecParser.Parse(path, text);
        PhaseTrace.Mark("read.parse");
        var source = new SourceMap(path, document.Locator);
        var diagnostics = new List<Diagnostic>(document.Problems);
        if (document.IsFatal)
        {
            return Result(path, null, diagnostics, source, null);
        }

        if (SpecVersion.Check(document.Root, source, out var version) is { } versionProblem)
        {
            diagnostics.Add(versionProblem);
            return Result(path, null, diagnostics, source, version);
        }

        if (parsed is not null && document.Root is { } tree)
        {
            parsed(tree);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var references = ReferenceChecker.Check(path, document.Root!, source);
        diagnostics.AddRange(references.Problems);
        PhaseTrace.Mark("read.references");

        cancellationToken.ThrowIfCancellationRequested();
        var openApi = OpenApiDocumentReader.Read(path, document.Root!, version!, source, references, diagnostics);
        PhaseTrace.Mark("read.openapi");
        return Result(path, openApi, diagnostics, source, version, document.Root);
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
