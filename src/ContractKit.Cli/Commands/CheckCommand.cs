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

/// <summary><c>contractkit check [spec -o DIR …] [--config FILE]</c>: exit 1 when a generated output (the one named, or every one of the config) is stale.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var targets = new SpecTargetOptions();
        var command = new Command("check", "Fail (exit 1) when generated code is out of date with its spec; writes nothing.");
        targets.AddTo(command);
        command.SetAction((parse, cancellationToken) => targets.Resolve(parse) is { } resolved
            ? RunAsync(resolved, cancellationToken)
            : Task.FromResult(ExitCodes.UsageOrIo));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<SpecTarget> targets, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Success;
        foreach (var target in targets)
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
