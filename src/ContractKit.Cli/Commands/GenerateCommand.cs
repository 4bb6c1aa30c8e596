using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;

namespace ContractKit.Cli.Commands;

/// <summary><c>contractkit generate [spec] [--output DIR] [--namespace N] [--client-name N] [--clients single|tag] [--config FILE]</c>.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var spec = new Argument<string?>("spec")
        {
            Description = "The OpenAPI file (YAML or JSON). Without it, every spec listed in contractkit.json is generated.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--output", "-o") { Description = "The output folder (with a spec: required)." };
        var ns = new Option<string?>("--namespace", "-n") { Description = "The namespace of the generated code (default: from the spec's file name)." };
        var clientName = new Option<string?>("--client-name") { Description = "The client class's name (default: from the spec's file name)." };
        var clients = new Option<string?>("--clients") { Description = "single (default): one client class; tag: one client class per tag, under the root client." };
        clients.AcceptOnlyFromAmong("single", "tag");
        var config = new Option<string?>("--config") { Description = $"The config file (default: ./{ContractKitConfig.FileName})." };
        var strict = CommandRunner.StrictOption();
        var remote = CommandRunner.AllowRemoteRefsOption();

        var command = new Command("generate", "Generate C# DTOs and a typed HttpClient client from OpenAPI specs.");
        command.Arguments.Add(spec);
        command.Options.Add(output);
        command.Options.Add(ns);
        command.Options.Add(clientName);
        command.Options.Add(clients);
        command.Options.Add(config);
        command.Options.Add(strict);
        command.Options.Add(remote);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(spec), parse.GetValue(output), parse.GetValue(ns), parse.GetValue(clientName), parse.GetValue(clients), parse.GetValue(config),
            parse.GetValue(strict), parse.GetValue(remote), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? spec, string? output, string? ns, string? clientName, string? clients, string? configPath, bool strict, bool allowRemoteRefs,
        CancellationToken cancellationToken)
    {
        List<SpecTarget> targets;
        if (spec is not null)
        {
            if (output is null)
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --output is required with a spec path");
                return ExitCodes.UsageOrIo;
            }

            var stem = Path.GetFileNameWithoutExtension(spec);
            targets = [new SpecTarget(
                Path.GetFullPath(spec),
                Path.GetFullPath(output),
                ns ?? "Generated." + CodeGen.CSharpNamingPublic.Pascal(stem),
                clientName ?? ContractKitConfig.DefaultClientName(spec))
            {
                Clients = ContractKitConfig.TryParseGrouping(clients, out var grouping) ? grouping : CodeGen.ClientGrouping.Single,
                Strict = strict,
                AllowRemoteRefs = allowRemoteRefs,
            }];
        }
        else
        {
            if (output is not null || ns is not null || clientName is not null || clients is not null)
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --output, --namespace, --client-name and --clients go with a spec path; without one, contractkit.json says them");
                return ExitCodes.UsageOrIo;
            }

            var path = configPath ?? ContractKitConfig.FileName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: error {DiagnosticIds.ConfigError}: no config file; pass a spec and --output, or create {ContractKitConfig.FileName}");
                return ExitCodes.UsageOrIo;
            }

            var (config, error) = ContractKitConfig.Load(path);
            if (config is null)
            {
                CommandRunner.Report([error!]);
                return ExitCodes.UsageOrIo;
            }

            targets = [.. config.Specs.Select(t => CommandRunner.WithRunLimits(t with { Strict = t.Strict || strict, AllowRemoteRefs = t.AllowRemoteRefs || allowRemoteRefs }))];
        }

        var exitCode = ExitCodes.Success;
        foreach (var target in targets)
        {
            var run = await GenerationPipeline.RunAsync(target, CommandRunner.Display(target.SpecPath), cancellationToken).ConfigureAwait(false);
            CommandRunner.Report(run.Diagnostics);
            var warnings = run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            var errors = run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var what = run.Outcome switch
            {
                WriteOutcome.Written when run.FilesWritten == run.Files.Count && run.FilesRemoved == 0 => $"wrote {run.Files.Count} files to {CommandRunner.Display(target.OutputPath)}",
                WriteOutcome.Written => $"updated {CommandRunner.Display(target.OutputPath)}: {run.FilesWritten} of {run.Files.Count} files written, {run.FilesRemoved} removed, the others unchanged",
                WriteOutcome.Unchanged => $"{CommandRunner.Display(target.OutputPath)} is up to date ({run.Files.Count} files)",
                _ => "nothing written; the previous output is unchanged",
            };
            Console.Out.WriteLine($"{CommandRunner.Display(target.SpecPath)}: {what} ({errors} errors, {warnings} warnings)");
            exitCode = Math.Max(exitCode, run.ExitCode);
        }

        return exitCode;
    }
}
