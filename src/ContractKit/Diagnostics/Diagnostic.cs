using System.Globalization;

namespace ContractKit.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; never fails a run.</summary>
    Info,

    /// <summary>Something was not understood fully; output is still produced.</summary>
    Warning,

    /// <summary>The input is wrong; no output is produced.</summary>
    Error,
}

/// <summary>A place in a source file: 1-based line and column, plus the JSON pointer of the node when known.</summary>
public sealed record SourceLocation(string FilePath, int Line, int Column, string? Pointer = null)
{
    /// <summary>MSBuild/Roslyn style: <c>path(line,col)</c>.</summary>
    public override string ToString() =>
        Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line},{Column})")
            : FilePath;
}

/// <summary>
/// A problem found in the input, as data. Every stage returns these instead of throwing.
/// Ids: CK1xxx reading, CK2xxx model, CK3xxx code generation, CK9xxx tool (I/O, usage).
/// </summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation? Location = null)
{
    /// <summary><c>path(line,col): error CK1234: message</c>, the format MSBuild and IDEs pick up.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return Location is null
            ? $"{severity} {Id}: {Message}"
            : $"{Location}: {severity} {Id}: {Message}";
    }
}
