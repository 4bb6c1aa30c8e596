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
        var targets = new SpecTargetOptions();
        var depsFile = new Option<string?>("--deps-file")
        {
            Description = "After a successful run, write the files it read (each spec and every local file its $refs name), one full path a line: " +
                "what a build's incremental check watches (the ContractKit.MSBuild targets use it). Removed when the run fails.",
        };

        var command = new Command("generate", "Generate C# DTOs and a typed HttpClient client from OpenAPI specs.");
        targets.AddTo(command);
        command.Options.Add(depsFile);
        command.SetAction((parse, cancellationToken) => targets.Resolve(parse) is { } resolved
            ? RunAsync(resolved, parse.GetValue(depsFile), cancellationToken)
            : Task.FromResult(ExitCodes.UsageOrIo));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<SpecTarget> targets, string? depsFile, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Success;
        var inputFiles = new List<string>();
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
            inputFiles.AddRange(run.InputFiles);
        }

        return depsFile is null ? exitCode : WriteDepsFile(depsFile, exitCode == ExitCodes.Success ? inputFiles : null, exitCode);
    }

    /// <summary>Writes (or, after a failure, removes) the <c>--deps-file</c>; an I/O failure is exit 2.</summary>
    private static int WriteDepsFile(string path, List<string>? inputFiles, int exitCode)
    {
        try
        {
            if (inputFiles is null)
            {
                File.Delete(path);
                return exitCode;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllLines(path, inputFiles.Distinct(StringComparer.Ordinal));
            return exitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{path}: error {DiagnosticIds.OutputWriteFailed}: cannot write the deps file: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
