using System.Collections.Generic;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

/// <summary>
/// Maps JSON pointers into the document back to the line and column where that node is written,
/// so that diagnostics from any later stage can point into the user's file.
/// </summary>
public sealed class SourceMap
{
    private readonly ISourceLocator? _locator;

    /// <summary>Subtrees copied in from other files (external <c>$ref</c>s), by their pointer in the document.</summary>
    private readonly Dictionary<string, Graft>? _grafts;

    internal SourceMap(string filePath, ISourceLocator? locator, Dictionary<string, Graft>? grafts = null)
    {
        FilePath = filePath;
        _locator = locator;
        _grafts = grafts is { Count: > 0 } ? grafts : null;
    }

    /// <summary>The path of the file, exactly as it was passed to <see cref="SpecReader"/>.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Finds where a node is written. Accepts <c>#/components/schemas/Foo</c> (percent-encoding allowed) and
    /// <c>/components/schemas/Foo</c>, with RFC 6901 escaping (<c>~0</c>, <c>~1</c>). A property resolves to the
    /// position of its key. When the node does not exist, returns the nearest existing ancestor; returns
    /// <see langword="null"/> only when nothing is known (unreadable file, malformed pointer). A node that an external
    /// <c>$ref</c> brought in from another file is located in that file, with its pointer there.
    /// </summary>
    /// <param name="jsonPointer">The pointer to locate.</param>
    /// <returns>The location, whose <see cref="SourceLocation.Pointer"/> is the requested pointer in <c>#/…</c> form.</returns>
    public SourceLocation? Locate(string jsonPointer)
    {
        if (jsonPointer is null || !JsonPointer.TryParse(jsonPointer, out var segments))
        {
            return null;
        }

        if (_grafts is not null)
        {
            // The longest grafted prefix wins: a file brought in may itself bring in another.
            for (var n = segments.Length; n > 0; n--)
            {
                if (_grafts.TryGetValue(JsonPointer.ToFragment(segments, n), out var graft))
                {
                    string[] inFile = [.. graft.Into, .. segments[n..]];
                    return graft.Locator?.Find(inFile) is { } at
                        ? new SourceLocation(graft.FilePath, at.Line, at.Column, JsonPointer.ToFragment(inFile, inFile.Length))
                        : null;
                }
            }
        }

        return _locator?.Find(segments) is { } position
            ? new SourceLocation(FilePath, position.Line, position.Column, JsonPointer.ToFragment(segments, segments.Length))
            : null;
    }

    /// <summary>A subtree of the document written in another file, at <paramref name="Into"/> there.</summary>
    internal sealed record Graft(string FilePath, ISourceLocator? Locator, string[] Into);
}

/// <summary>Finds the position of the deepest existing node along a pointer.</summary>
internal interface ISourceLocator
{
    TextPosition? Find(string[] segments);
}
