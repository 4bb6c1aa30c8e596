using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Diff;
using ContractKit.Pipeline;
using ContractKit.Reporting;

namespace ContractKit.Cli.Commands;

/// <summary>
/// <c>contractkit diff &lt;base&gt; &lt;head&gt; [--format text|markdown|json|github|sarif] [--fail-on error|warning|info|none]
/// [--fail-on-api error|warning|info|none] [--clients single|tag] [--client-name name] [--level rule=level]... [--ignore file]</c>;
/// a spec is a file or <c>git:&lt;rev&gt;:&lt;path&gt;</c>.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var baseSpec = new Argument<string>("base") { Description = "The spec before the change: a file or git:<rev>:<path>." };
        var headSpec = new Argument<string>("head") { Description = "The spec after the change: a file or git:<rev>:<path>." };
        var format = new Option<string>("--format", "-f") { Description = "text, markdown, json, github or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json", "github", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above: error (default), warning, info or none.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var failOnApi = new Option<string>("--fail-on-api") { Description = "For api-impact findings (the generated C# API): exit 1 at or above error (default), warning, info or none.", DefaultValueFactory = _ => "error" };
        failOnApi.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var clients = new Option<string>("--clients") { Description = "How the generated client is grouped, as for generate: single (default) or tag.", DefaultValueFactory = _ => "single" };
        clients.AcceptOnlyFromAmong("single", "tag");
        var clientName = new Option<string?>("--client-name") { Description = "The generated client's name, as for generate (default: from the head file name)." };
        var levels = new Option<string[]>("--level") { Description = "Override a rule's level: rule=error|warning|info|off (repeatable).", AllowMultipleArgumentsPerToken = false };
        var ignore = new Option<string?>("--ignore") { Description = "A JSON file of accepted changes (rule, operation, pointer, reason)." };

        var strict = CommandRunner.StrictOption();
        var command = new Command("diff", "Report breaking changes between two versions of a spec.");
        command.Arguments.Add(baseSpec);
        command.Arguments.Add(headSpec);
        foreach (var option in new Option[] { format, failOn, failOnApi, clients, clientName, levels, ignore, strict })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(baseSpec)!,
            parse.GetValue(headSpec)!,
            parse.GetValue(format) ?? "text",
            new Thresholds(parse.GetValue(failOn) ?? "error", parse.GetValue(failOnApi) ?? "error"),
            parse.GetValue(levels) ?? [],
            parse.GetValue(ignore),
            parse.GetValue(strict),
            ApiOptions(headSpec: parse.GetValue(headSpec)!, parse.GetValue(clients), parse.GetValue(clientName)),
            cancellationToken));
        return command;
    }

    private sealed record Thresholds(string Wire, string Api);

    /// <summary>The names <c>generate</c> would give, so api-impact findings name the symbols a team really has.</summary>
    private static CodeGen.CSharpOptions ApiOptions(string headSpec, string? clients, string? clientName)
    {
        var path = headSpec.StartsWith("git:", StringComparison.Ordinal) ? headSpec[(headSpec.LastIndexOf(':') + 1)..] : headSpec;
        return DiffOptions.DefaultApi with
        {
            ClientName = clientName ?? ContractKitConfig.DefaultClientName(path),
            Clients = ContractKitConfig.TryParseGrouping(clients, out var grouping) ? grouping : CodeGen.ClientGrouping.Single,
        };
    }

    private static async Task<int> RunAsync(string baseSpec, string headSpec, string format, Thresholds failOn, string[] levels, string? ignore, bool strict, CodeGen.CSharpOptions api, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, FindingLevel?>(StringComparer.Ordinal);
        foreach (var item in levels)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var rule = eq > 0 ? item[..eq].Trim() : "";
            if (eq <= 0 || DiffRules.Find(rule) is null || !DiffPipeline.TryParseLevel(item[(eq + 1)..], out var level))
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --level '{item}': expected <rule>=error|warning|info|off with a known rule id");
                return ExitCodes.UsageOrIo;
            }

            overrides[rule] = level;
        }

        DiffPipeline.TryParseLevel(failOn.Wire, out var threshold);
        DiffPipeline.TryParseLevel(failOn.Api, out var apiThreshold);
        var run = await DiffPipeline.RunAsync(new DiffRequest
        {
            Base = Display(baseSpec),
            Head = Display(headSpec),
            Levels = overrides,
            IgnorePath = ignore,
            Strict = strict,
            Api = api,
        }, cancellationToken).ConfigureAwait(false);
        CommandRunner.Report(run.Diagnostics);
        if (run.ExitCode != ExitCodes.Success)
        {
            return run.ExitCode;
        }

        var reportFormat = format switch
        {
            "markdown" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            "github" => ReportFormat.GitHub,
            "sarif" => ReportFormat.Sarif,
            _ => ReportFormat.Text,
        };
        var color = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var context = new ReportContext("diff", Display(baseSpec), Display(headSpec), color) { RuleDescriptions = DiffRules.Titles };
        FindingWriter.Write(Console.Out, [.. run.Findings, .. run.SpecWarnings], reportFormat, context);
        return DiffPipeline.ExitCodeFor(run.Findings, threshold, apiThreshold);
    }

    private static string Display(string spec) =>
        spec.StartsWith("git:", StringComparison.Ordinal) ? spec : CommandRunner.Display(System.IO.Path.GetFullPath(spec));
}
