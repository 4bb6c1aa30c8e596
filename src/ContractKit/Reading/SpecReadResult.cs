using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;
using JsonPointer = ContractKit.Runtime.JsonPointer;

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

    /// <summary>
    /// The local files the spec's <c>$ref</c>s name (full paths, ordinal order; remote references are not files), whether
    /// or not they exist: with the spec itself, everything generation depends on (the MSBuild targets' incremental check).
    /// </summary>
    public IReadOnlyList<string> ReferencedFiles { get; init; } = [];

    /// <summary>The version as written in the file (<c>"2.0"</c>, <c>"3.0.0"</c>, <c>"3.1.0"</c>…), when there is one.</summary>
    public string? SpecVersion { get; init; }

    /// <summary>
    /// The document tree as written, before Microsoft.OpenApi interpreted it: for the few keywords its object model
    /// drops (a 3.0 <c>nullable: true</c> next to <c>oneOf</c>/<c>allOf</c> but without <c>type</c>).
    /// </summary>
    internal JsonNode? Raw { get; init; }

    /// <summary>The raw node at a JSON pointer (<c>#/a/b</c> or <c>/a/b</c>), or null.</summary>
    internal JsonNode? RawNodeAt(string pointer)
    {
        if (Raw is null || !JsonPointer.TryParse(pointer, out var segments))
        {
            return null;
        }

        var node = Raw;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Whether any diagnostic is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
