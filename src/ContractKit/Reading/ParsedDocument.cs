using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;

namespace ContractKit.Reading;

/// <summary>The syntax-level result of reading one file: a JSON tree, where its nodes are written, and syntax problems.</summary>
internal sealed class ParsedDocument
{
    /// <summary>The document tree; <see langword="null"/> when the text could not be parsed (or is empty).</summary>
    public required JsonNode? Root { get; init; }

    public required ISourceLocator? Locator { get; init; }

    public required IReadOnlyList<Diagnostic> Problems { get; init; }

    public required string Format { get; init; }

    /// <summary>How many parts the text was converted in: 1, or more when a large YAML file was split across cores.</summary>
    public int Parts { get; init; } = 1;

    public bool IsFatal => Root is null && Problems.Count > 0;
}
