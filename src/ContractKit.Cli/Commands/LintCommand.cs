using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reporting;

namespace ContractKit.Cli.Commands;

/// <summary>
/// <c>contractkit lint &lt;spec&gt; [--format text|markdown|json|github|sarif] [--fail-on error|warning|info|none]
/// [--level ID=LEVEL]...</c> (<c>--rule</c>: deprecated spelling of <c>--level</c>). Exit 0: nothing at or above
/// --fail-on; 1: something is; 2: usage or unreadable spec.
/// </summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The OpenAPI file (YAML or JSON)." };
        var report = new FindingReportOptions("The lowest level that fails the run: error, warning, info or none.", acceptRule: true);
        var strict = CommandRunner.StrictOption();
        var remote = CommandRunner.AllowRemoteRefsOption();
        var command = new Command("lint", "Check a spec: reader diagnostics plus examples, references, operations, parameters and schemas.");
        command.Arguments.Add(spec);
        report.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(remote);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(spec) ?? string.Empty, report, parse, (parse.GetValue(strict), parse.GetValue(remote)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string spec, FindingReportOptions report, ParseResult parse, (bool Strict, bool AllowRemoteRefs) reading,
        CancellationToken cancellationToken)
    {
        if (report.Levels(parse, LintPipeline.IsKnownRule, LintPipeline.RuleList) is not { } levels)
        {
            return ExitCodes.UsageOrIo;
        }

        var (read, result) = await LintPipeline.ReadAndLintAsync(spec, levels, reading.Strict, cancellationToken, reading.AllowRemoteRefs).ConfigureAwait(false);
        if (result is null)
        {
            CommandRunner.Report(read.Diagnostics);
            return ExitCodes.ForFailure(read.Diagnostics);
        }

        var format = report.Format(parse);
        var context = new ReportContext("lint", null, spec, ReportPolicy.UseColor(format)) { RuleDescriptions = LintPipeline.RuleDescriptions };
        FindingWriter.Write(System.Console.Out, result.Findings, format, context);
        return ReportPolicy.ExitCodeFor(result.Findings, report.FailOn(parse));
    }
}
