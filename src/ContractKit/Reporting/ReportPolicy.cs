using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;

namespace ContractKit.Reporting;

/// <summary>
/// How every command that reports findings reads its options and ends: format names, levels (<c>--level</c>,
/// <c>--fail-on</c>), colour and the exit code. The shells parse arguments; the policy is here, once.
/// </summary>
public static class ReportPolicy
{
    /// <summary>The <c>--format</c> values of the finding reports.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["text", "markdown", "json", "github", "sarif"];

    /// <summary>The <c>--fail-on</c> values.</summary>
    public static IReadOnlyList<string> FailOnNames { get; } = ["error", "warning", "info", "none"];

    /// <summary>A <c>--format</c> value as a format; anything unknown is text.</summary>
    /// <param name="name">The name as typed.</param>
    /// <returns>The format.</returns>
    public static ReportFormat ParseFormat(string? name) => name switch
    {
        "markdown" => ReportFormat.Markdown,
        "json" => ReportFormat.Json,
        "github" => ReportFormat.GitHub,
        "sarif" => ReportFormat.Sarif,
        _ => ReportFormat.Text,
    };

    /// <summary>Parses <c>error</c>, <c>warning</c>, <c>info</c>; <c>off</c>/<c>none</c> gives true with null.</summary>
    /// <param name="text">The level as typed.</param>
    /// <param name="level">The level, or null for off/none.</param>
    /// <returns>Whether the text is a level.</returns>
    public static bool TryParseLevel(string text, out FindingLevel? level)
    {
        ArgumentNullException.ThrowIfNull(text);
        level = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": level = FindingLevel.Error; return true;
            case "warning": level = FindingLevel.Warning; return true;
            case "info": level = FindingLevel.Info; return true;
            case "off" or "none": return true;
            default: return false;
        }
    }

    /// <summary>A <c>--fail-on</c> value as a threshold: null for <c>none</c>, error when unknown or absent.</summary>
    /// <param name="name">The value as typed.</param>
    /// <returns>The threshold, or null for never.</returns>
    public static FindingLevel? ParseFailOn(string? name) =>
        name is not null && TryParseLevel(name, out var level) ? level : FindingLevel.Error;

    /// <summary>
    /// Parses repeatable <c>--level rule=level</c> overrides. A rule is known when <paramref name="isKnown"/> says so;
    /// keys compare ignoring case. A null level drops the rule's findings.
    /// </summary>
    /// <param name="items">The overrides as typed.</param>
    /// <param name="isKnown">Whether a rule id (or name) exists.</param>
    /// <param name="hint">Added to the error (e.g. the known rules), or null.</param>
    /// <param name="error">Why an item is not usable (a usage error), or null.</param>
    /// <returns>The overrides, or null when an item is not usable.</returns>
    public static Dictionary<string, FindingLevel?>? ParseLevels(IEnumerable<string> items, Func<string, bool> isKnown, string? hint, out string? error)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(isKnown);
        var levels = new Dictionary<string, FindingLevel?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var rule = eq > 0 ? item[..eq].Trim() : "";
            if (rule.Length == 0 || !isKnown(rule) || !TryParseLevel(item[(eq + 1)..], out var level))
            {
                error = $"--level '{item}': expected <rule>=error|warning|info|off with a known rule id" + (hint is null ? "" : "; " + hint);
                return null;
            }

            levels[rule] = level;
        }

        error = null;
        return levels;
    }

    /// <summary>Whether a report uses ANSI colour: text to a terminal, unless <c>NO_COLOR</c> is set to something (no-color.org).</summary>
    /// <param name="format">The report format.</param>
    /// <param name="outputRedirected">Whether standard output is redirected.</param>
    /// <param name="noColor">The <c>NO_COLOR</c> environment variable, or null.</param>
    /// <returns>Whether to colour.</returns>
    public static bool UseColor(ReportFormat format, bool outputRedirected, string? noColor) =>
        format == ReportFormat.Text && !outputRedirected && string.IsNullOrEmpty(noColor);

    /// <summary>As <see cref="UseColor(ReportFormat, bool, string?)"/> for this process's console and environment.</summary>
    /// <param name="format">The report format.</param>
    /// <returns>Whether to colour.</returns>
    public static bool UseColor(ReportFormat format) =>
        UseColor(format, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>1 when a finding is at or above its threshold (null: never), else 0.</summary>
    /// <param name="findings">The final findings.</param>
    /// <param name="thresholdOf">The threshold that applies to a finding, or null for none.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCodeFor(IEnumerable<Finding> findings, Func<Finding, FindingLevel?> thresholdOf) =>
        findings.Any(f => thresholdOf(f) is { } threshold && f.Level >= threshold) ? ExitCodes.InputErrors : ExitCodes.Success;

    /// <summary>1 when a finding is at or above <paramref name="failOn"/> (null: never), else 0.</summary>
    /// <param name="findings">The final findings.</param>
    /// <param name="failOn">The threshold, or null for none.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCodeFor(IEnumerable<Finding> findings, FindingLevel? failOn) => ExitCodeFor(findings, _ => failOn);
}
