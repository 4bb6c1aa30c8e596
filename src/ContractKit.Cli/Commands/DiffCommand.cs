using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
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
        var report = new FindingReportOptions("Exit 1 when a finding is at or above: error (default), warning, info or none.", acceptRule: false);
        var failOnApi = new Option<string>("--fail-on-api") { Description = "For api-impact findings (the generated C# API): exit 1 at or above error (default), warning, info or none.", DefaultValueFactory = _ => "error" };
        failOnApi.AcceptOnlyFromAmong([.. ReportPolicy.FailOnNames]);
        var clients = new Option<string>("--clients") { Description = "How the generated client is grouped, as for generate: single (default) or tag.", DefaultValueFactory = _ => "single" };
        clients.AcceptOnlyFromAmong("single", "tag");
        var clientName = new Option<string?>("--client-name") { Description = "The generated client's name, as for generate (default: from the head file name)." };
        var ignore = new Option<string?>("--ignore") { Description = "A JSON file of accepted changes (rule, operation, pointer, reason)." };

        var strict = CommandRunner.StrictOption();
        var remote = CommandRunner.AllowRemoteRefsOption();
        var command = new Command("diff", "Report breaking changes between two versions of a spec.");
        command.Arguments.Add(baseSpec);
        command.Arguments.Add(headSpec);
        report.AddTo(command);
        foreach (var option in new Option[] { failOnApi, clients, clientName, ignore, strict, remote })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (report.Levels(parse, DiffPipeline.IsKnownRule) is not { } levels)
            {
                return ExitCodes.UsageOrIo;
            }

            var head = parse.GetValue(headSpec)!;
            var request = new DiffRequest
            {
                Base = Display(parse.GetValue(baseSpec)!),
                Head = Display(head),
                Levels = levels,
                IgnorePath = parse.GetValue(ignore),
                Strict = parse.GetValue(strict),
                AllowRemoteRefs = parse.GetValue(remote),
                Api = DiffPipeline.ApiOptions(head, parse.GetValue(clients), parse.GetValue(clientName)),
            };
            return await RunAsync(request, report.Format(parse), report.FailOn(parse), ReportPolicy.ParseFailOn(parse.GetValue(failOnApi)), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(DiffRequest request, ReportFormat format, FindingLevel? failOn, FindingLevel? failOnApi, CancellationToken cancellationToken)
    {
        var run = await DiffPipeline.RunAsync(request, cancellationToken).ConfigureAwait(false);
        CommandRunner.Report(run.Diagnostics);
        if (run.ExitCode != ExitCodes.Success)
        {
            return run.ExitCode;
        }

        var context = new ReportContext("diff", request.Base, request.Head, ReportPolicy.UseColor(format)) { RuleDescriptions = DiffPipeline.RuleDescriptions };
        FindingWriter.Write(Console.Out, [.. run.Findings, .. run.SpecWarnings], format, context);
        return DiffPipeline.ExitCodeFor(run.Findings, failOn, failOnApi);
    }

    private static string Display(string spec) =>
        spec.StartsWith("git:", StringComparison.Ordinal) ? spec : CommandRunner.Display(System.IO.Path.GetFullPath(spec));
}
