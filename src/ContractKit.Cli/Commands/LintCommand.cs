using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Lint;
using ContractKit.Pipeline;
using ContractKit.Reporting;

namespace ContractKit.Cli.Commands;

/// <summary>
/// <c>contractkit lint &lt;spec&gt; [--format text|markdown|json|github|sarif] [--fail-on error|warning|info|none]
/// [--rule ID=LEVEL]...</c>. Exit 0: nothing at or above --fail-on; 1: something is; 2: usage or unreadable spec.
/// </summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The OpenAPI file (YAML or JSON)." };
        var format = new Option<string>("--format") { Description = "text, markdown, json, github or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json", "github", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "The lowest level that fails the run: error, warning, info or none.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var rules = new Option<string[]>("--rule")
        {
            Description = "Override a rule's level: ID=LEVEL or NAME=LEVEL, LEVEL one of error, warning, info, off (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };

        var strict = CommandRunner.StrictOption();
        var command = new Command("lint", "Check a spec: reader diagnostics plus examples, references, operations, parameters and schemas.");
        command.Arguments.Add(spec);
        command.Options.Add(format);
        command.Options.Add(failOn);
        command.Options.Add(rules);
        command.Options.Add(strict);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(spec) ?? string.Empty,
            parse.GetValue(format) ?? "text",
            parse.GetValue(failOn) ?? "error",
            parse.GetValue(rules) ?? [],
            parse.GetValue(strict),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string spec, string format, string failOn, string[] rules, bool strict, CancellationToken cancellationToken)
    {
        if (ParseLevels(rules) is not { } levels)
        {
            return ExitCodes.UsageOrIo;
        }

        var (read, result) = await SpecLinter.ReadAndLintAsync(spec, new LintOptions { Levels = levels, Strict = strict }, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            CommandRunner.Report(read.Diagnostics);
            return ExitCodes.UsageOrIo;
        }
        var reportFormat = format switch
        {
            "markdown" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            "github" => ReportFormat.GitHub,
            "sarif" => ReportFormat.Sarif,
            _ => ReportFormat.Text,
        };
        var color = reportFormat == ReportFormat.Text && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        FindingWriter.Write(Console.Out, result.Findings, reportFormat, new ReportContext("lint", null, spec, color));

        FindingLevel? threshold = failOn switch
        {
            "warning" => FindingLevel.Warning,
            "info" => FindingLevel.Info,
            "none" => null,
            _ => FindingLevel.Error,
        };
        return threshold is { } min && result.Findings.Any(f => f.Level >= min) ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    private static Dictionary<string, FindingLevel?>? ParseLevels(string[] rules)
    {
        var levels = new Dictionary<string, FindingLevel?>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var parts = rule.Split('=', 2, StringSplitOptions.TrimEntries);
            FindingLevel? level = parts.Length == 2 ? parts[1].ToLowerInvariant() switch
            {
                "error" => FindingLevel.Error,
                "warning" => FindingLevel.Warning,
                "info" => FindingLevel.Info,
                _ => null,
            } : null;
            var off = parts.Length == 2 && parts[1].Equals("off", StringComparison.OrdinalIgnoreCase);
            var known = parts[0].StartsWith("CK", StringComparison.OrdinalIgnoreCase) || LintRules.Find(parts[0]) is not null;
            if (parts.Length != 2 || (level is null && !off) || !known)
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --rule '{rule}': expected ID=LEVEL (e.g. CK4003=off or unused-component=error); rules: {string.Join(", ", LintRules.All.Select(r => r.Id + " " + r.Name))}");
                return null;
            }

            levels[parts[0]] = level;
        }

        return levels;
    }
}
