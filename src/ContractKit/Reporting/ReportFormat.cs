using System.Collections.Generic;

namespace ContractKit.Reporting;

/// <summary>How <see cref="FindingWriter"/> renders findings.</summary>
public enum ReportFormat
{
    /// <summary>For people at a terminal.</summary>
    Text,

    /// <summary>For a pull-request comment.</summary>
    Markdown,

    /// <summary>Stable machine-readable JSON (fields documented on <see cref="FindingWriter"/>).</summary>
    Json,

    /// <summary>GitHub Actions workflow commands (annotations).</summary>
    GitHub,

    /// <summary>SARIF 2.1.0, for code-scanning tools.</summary>
    Sarif,
}

/// <summary>What a report is about: the command (<c>diff</c>, <c>lint</c>), the specs, and whether to use ANSI color.</summary>
/// <param name="Command">The command name.</param>
/// <param name="BaseSpec">The base spec as the user named it (diff only).</param>
/// <param name="HeadSpec">The spec the findings point into.</param>
/// <param name="Color">ANSI color in <see cref="ReportFormat.Text"/>.</param>
public sealed record ReportContext(string Command, string? BaseSpec, string HeadSpec, bool Color)
{
    /// <summary>Rule id → one-line description, for SARIF's rule table; rules missing here are described by their id.</summary>
    public IReadOnlyDictionary<string, string>? RuleDescriptions { get; init; }
}
