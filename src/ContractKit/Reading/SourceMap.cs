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

    internal SourceMap(string filePath, ISourceLocator? locator)
    {
        FilePath = filePath;
        _locator = locator;
    }

    /// <summary>The path of the file, exactly as it was passed to <see cref="SpecReader"/>.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Finds where a node is written. Accepts <c>#/components/schemas/Foo</c> (percent-encoding allowed) and
    /// <c>/components/schemas/Foo</c>, with RFC 6901 escaping (<c>~0</c>, <c>~1</c>). A property resolves to the
    /// position of its key. When the node does not exist, returns the nearest existing ancestor; returns
    /// <see langword="null"/> only when nothing is known (unreadable file, malformed pointer).
    /// </summary>
    /// <param name="jsonPointer">The pointer to locate.</param>
    /// <returns>The location, whose <see cref="SourceLocation.Pointer"/> is the requested pointer in <c>#/…</c> form.</returns>
    public SourceLocation? Locate(string jsonPointer)
    {
        if (_locator is null || jsonPointer is null || !JsonPointer.TryParse(jsonPointer, out var segments))
        {
            return null;
        }

        return _locator.Find(segments) is { } position
            ? new SourceLocation(FilePath, position.Line, position.Column, JsonPointer.ToFragment(segments, segments.Length))
            : null;
    }
}

/// <summary>Finds the position of the deepest existing node along a pointer.</summary>
internal interface ISourceLocator
{
    TextPosition? Find(string[] segments);
}
