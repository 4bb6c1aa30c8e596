using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ContractKit.Reporting;

/// <summary>
/// Renders findings of diff or lint. JSON fields (stable): <c>tool</c>, <c>command</c>, <c>base</c>, <c>head</c>,
/// <c>summary</c> {<c>error</c>, <c>warning</c>, <c>info</c>}, <c>findings</c>[] {<c>ruleId</c>, <c>level</c>
/// (error|warning|info), <c>message</c>, <c>operation</c>, <c>direction</c>, <c>oasdiffId</c>, <c>file</c>,
/// <c>line</c>, <c>column</c>, <c>pointer</c>}; absent values are <c>null</c>, line and column 0 when unknown.
/// </summary>
public static partial class FindingWriter
{
    /// <summary>Writes <paramref name="findings"/> in <paramref name="format"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="findings">The findings, in the order to show them.</param>
    /// <param name="format">The format.</param>
    /// <param name="context">The command and specs.</param>
    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, ReportFormat format, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(context);
        switch (format)
        {
            case ReportFormat.Markdown: WriteMarkdown(output, findings, context); break;
            case ReportFormat.Json: WriteJson(output, findings, context); break;
            case ReportFormat.GitHub: WriteGitHub(output, findings); break;
            case ReportFormat.Sarif: WriteSarif(output, findings, context); break;
            default: WriteText(output, findings, context); break;
        }
    }

    internal static string LevelName(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "info",
    };

    private static string Summary(IReadOnlyList<Finding> findings)
    {
        int Count(FindingLevel l) => findings.Count(f => f.Level == l);
        return string.Create(CultureInfo.InvariantCulture, $"{Count(FindingLevel.Error)} error(s), {Count(FindingLevel.Warning)} warning(s), {Count(FindingLevel.Info)} info");
    }

    private static void WriteText(TextWriter output, IReadOnlyList<Finding> findings, ReportContext context)
    {
        string Paint(string text, string code) => context.Color ? $"\u001b[{code}m{text}\u001b[0m" : text;
        foreach (var f in findings)
        {
            var level = LevelName(f.Level);
            var painted = f.Level switch
            {
                FindingLevel.Error => Paint(level, "1;31"),
                FindingLevel.Warning => Paint(level, "33"),
                _ => Paint(level, "36"),
            };
            var where = f.Location?.ToString() ?? context.HeadSpec;
            var operation = f.Operation is null ? "" : f.Operation + ": ";
            output.WriteLine($"{where}: {painted} {f.RuleId}{ApiTag(f)}: {operation}{f.Message}");
        }

        var head = context.BaseSpec is null ? context.HeadSpec : $"{context.BaseSpec} → {context.HeadSpec}";
        output.WriteLine(findings.Count == 0 ? $"{context.Command} {head}: no findings" : $"{context.Command} {head}: {Summary(findings)}");
    }

    private static void WriteMarkdown(TextWriter output, IReadOnlyList<Finding> findings, ReportContext context)
    {
        var title = context.BaseSpec is null
            ? $"contractkit {context.Command}: `{Code(context.HeadSpec)}`"
            : $"contractkit {context.Command}: `{Code(context.BaseSpec)}` → `{Code(context.HeadSpec)}`";
        output.WriteLine($"### {title}");
        output.WriteLine();
        if (findings.Count == 0)
        {
            output.WriteLine("No findings.");
            return;
        }

        output.WriteLine("| Level | Count |");
        output.WriteLine("| --- | ---: |");
        foreach (var level in new[] { FindingLevel.Error, FindingLevel.Warning, FindingLevel.Info })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Icon(level)} {LevelName(level)} | {findings.Count(f => f.Level == level)} |"));
        }

        foreach (var group in findings.GroupBy(f => f.Operation ?? "").OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine();
            output.WriteLine(group.Key.Length == 0 ? "#### General" : $"#### `{Code(group.Key)}`");
            output.WriteLine();
            foreach (var f in group.OrderByDescending(f => f.Level))
            {
                var at = f.Location is { } l ? (l.Line > 0 ? $" ({Code(l.FilePath)}:{l.Line.ToString(CultureInfo.InvariantCulture)})" : $" ({Code(l.FilePath)})") : "";
                output.WriteLine($"- {Icon(f.Level)} **{LevelName(f.Level)}** `{f.RuleId}`{ApiTag(f)}: {Text(f.Message)}{at}");
            }
        }
    }

    private static string Icon(FindingLevel level) => level switch
    {
        FindingLevel.Error => "❌",
        FindingLevel.Warning => "⚠️",
        _ => "ℹ️",
    };

    /// <summary>Markdown-inert text: characters that would start markup are escaped.</summary>
    private static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static void WriteGitHub(TextWriter output, IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
        {
            var command = f.Level switch
            {
                FindingLevel.Error => "error",
                FindingLevel.Warning => "warning",
                _ => "notice",
            };
            var properties = new List<string>();
            if (f.Location is { } l)
            {
                properties.Add("file=" + Property(l.FilePath.Replace('\\', '/')));
                if (l.Line > 0)
                {
                    properties.Add("line=" + l.Line.ToString(CultureInfo.InvariantCulture));
                    properties.Add("col=" + l.Column.ToString(CultureInfo.InvariantCulture));
                }
            }

            properties.Add("title=" + Property(f.RuleId));
            var message = f.Operation is null ? f.Message : f.Operation + ": " + f.Message;
            output.WriteLine($"::{command} {string.Join(",", properties)}::{Data(message)}");
        }
    }

    /// <summary>GitHub's escaping of a workflow command's message.</summary>
    internal static string Data(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>GitHub's escaping of a workflow command's property value.</summary>
    internal static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Marks diff findings about the generated C# API (impact "api"), which need no client on the wire to break.</summary>
    private static string ApiTag(Finding f) => f.Impact == "api" ? " (impact: api)" : "";
}
