using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;

namespace ContractKit.Cli.Commands;

/// <summary><c>contractkit check [--config FILE]</c>: exit 1 when any generated output listed in the config is stale.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = $"The config file (default: ./{ContractKitConfig.FileName})." };
        var command = new Command("check", "Fail (exit 1) when generated code is out of date with its spec; writes nothing.");
        var strict = CommandRunner.StrictOption();
        var remote = CommandRunner.AllowRemoteRefsOption();
        command.Options.Add(config);
        command.Options.Add(strict);
        command.Options.Add(remote);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), parse.GetValue(strict), parse.GetValue(remote), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? configPath, bool strict, bool allowRemoteRefs, CancellationToken cancellationToken)
    {
        var path = configPath ?? ContractKitConfig.FileName;
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: error {DiagnosticIds.ConfigError}: no config file");
            return ExitCodes.UsageOrIo;
        }

        var (config, error) = ContractKitConfig.Load(path);
        if (config is null)
        {
            CommandRunner.Report([error!]);
            return ExitCodes.UsageOrIo;
        }

        var exitCode = ExitCodes.Success;
        foreach (var target in config.Specs.Select(t => CommandRunner.WithRunLimits(t with { Strict = t.Strict || strict, AllowRemoteRefs = t.AllowRemoteRefs || allowRemoteRefs })))
        {
            var check = await GenerationPipeline.CheckAsync(target, CommandRunner.Display(target.SpecPath), cancellationToken).ConfigureAwait(false);
            CommandRunner.Report(check.Diagnostics);
            var output = CommandRunner.Display(target.OutputPath);
            if (check.ExitCode != ExitCodes.Success)
            {
                exitCode = Math.Max(exitCode, check.ExitCode);
                continue;
            }

            if (check.Stale.Count == 0)
            {
                Console.Out.WriteLine($"{output}: up to date");
                continue;
            }

            exitCode = Math.Max(exitCode, ExitCodes.InputErrors);
            Console.Out.WriteLine($"{output}: stale ({check.Stale.Count} files differ); run 'contractkit generate'");
            foreach (var file in check.Stale)
            {
                Console.Out.WriteLine($"  {file}");
            }
        }

        return exitCode;
    }
}
