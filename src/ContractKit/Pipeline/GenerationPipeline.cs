using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;

namespace ContractKit.Pipeline;

/// <summary>What a generation run produced: files, diagnostics from every stage, and the outcome.</summary>
public sealed record GenerationRun(
    SpecTarget Target,
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    int ExitCode,
    WriteOutcome Outcome)
{
    /// <summary>How many of <see cref="Files"/> were written (new or changed); the others were already in the folder as they are.</summary>
    public int FilesWritten { get; init; }

    /// <summary>How many files of the previous output were removed because they are no longer produced.</summary>
    public int FilesRemoved { get; init; }

    /// <summary>
    /// The files the run read: the spec, then every local file its <c>$ref</c>s name (full paths). What the output
    /// depends on, for a build's incremental check (<c>contractkit generate --deps-file</c>).
    /// </summary>
    public IReadOnlyList<string> InputFiles { get; init; } = [];
}

/// <summary>Reading → Model → CodeGen → output folder, for one spec. The CLI and the build task call this.</summary>
public static class GenerationPipeline
{
    /// <summary>Reads, builds the model and emits C#, without touching the disk.</summary>
    public static Task<(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> EmitAsync(
        SpecTarget target, string? displayPath = null, CancellationToken cancellationToken = default) =>
        EmitAsync(target, displayPath, emitted: null, cancellationToken);

    /// <summary>
    /// As <see cref="EmitAsync(SpecTarget, string?, CancellationToken)"/>; with <paramref name="validateConcurrently"/>
    /// false, the model is built only after Microsoft.OpenApi's validation rules have run (tests compare the two).
    /// </summary>
    internal static Task<(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> EmitAsync(
        SpecTarget target, bool validateConcurrently, CancellationToken cancellationToken = default) =>
        EmitAsync(target, displayPath: null, emitted: null, cancellationToken, validateConcurrently);

    /// <summary>As <see cref="EmitAsync(SpecTarget, string?, CancellationToken)"/>, handing each file to <paramref name="emitted"/> as soon as it is generated.</summary>
    private static async Task<(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> EmitAsync(
        SpecTarget target, string? displayPath, Action<GeneratedFile>? emitted, CancellationToken cancellationToken, bool validateConcurrently = true,
        List<string>? inputFiles = null)
    {
        var diagnostics = new List<Diagnostic>();
        var loaded = await ContractLoader.LoadAsync(
            displayPath ?? target.SpecPath, new LoadOptions { Strict = target.Strict, AllowRemoteRefs = target.AllowRemoteRefs, ValidateConcurrently = validateConcurrently, Limits = target.Limits }, cancellationToken).ConfigureAwait(false);
        var read = loaded.Read;
        inputFiles?.AddRange([target.SpecPath, .. read.ReferencedFiles]);
        diagnostics.AddRange(read.Diagnostics);
        if (loaded.Built is not { } model)
        {
            return ([], diagnostics, loaded.ExitCode);
        }

        diagnostics.AddRange(model.Diagnostics);
        if (model.HasErrors)
        {
            return ([], diagnostics, ExitCodes.InputErrors);
        }

        var options = new CSharpOptions
        {
            Namespace = target.Namespace,
            ClientName = target.ClientName,
            SourceName = Path.GetFileName(target.SpecPath),
            Clients = target.Clients,
        };
        var generated = CSharpEmitter.Generate(model.Model, options, emitted);
        PhaseTrace.Mark("emit");

        // The emitter knows pointers, not lines: locate its diagnostics in the spec it came from.
        diagnostics.AddRange(generated.Diagnostics.Select(d => d.Location is { Line: 0, Pointer: { } pointer }
            ? d with { Location = read.Source.Locate(pointer) ?? d.Location }
            : d));
        var ordered = diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return generated.HasErrors
            ? ([], ordered, ExitCodes.InputErrors)
            : (generated.Files, ordered, ExitCodes.Success);
    }

    /// <summary>
    /// What <c>contractkit check</c> reports: the output files that are missing, different or no longer produced
    /// (relative paths, ordinal order). Writes nothing.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Stale, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> CheckAsync(
        SpecTarget target, string? displayPath = null, CancellationToken cancellationToken = default)
    {
        var (files, diagnostics, exitCode) = await EmitAsync(target, displayPath, cancellationToken).ConfigureAwait(false);
        if (exitCode != ExitCodes.Success)
        {
            return ([], diagnostics, exitCode);
        }

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var (stale, busy) = OutputWriter.StaleFiles(target.OutputPath, files, OutputFolderGuard.WaitLimit);
        return busy is null ? (stale, errors, ExitCodes.Success) : ([], [.. errors, busy], ExitCodes.UsageOrIo);
    }

    /// <summary>Generates and writes one spec's output; a failure at any stage leaves the output folder as it was.</summary>
    public static async Task<GenerationRun> RunAsync(SpecTarget target, string? displayPath = null, CancellationToken cancellationToken = default)
    {
        // Into an empty or new folder, each file is written as soon as it is generated, while the rest are; otherwise
        // the folder is compared with the whole output first, and left alone when nothing changed.
        using var staging = OutputWriter.StartFresh(target.OutputPath);
        var inputFiles = new List<string>();
        var (files, diagnostics, exitCode) = await EmitAsync(target, displayPath, staging is null ? null : staging.Add, cancellationToken, inputFiles: inputFiles).ConfigureAwait(false);
        if (exitCode != ExitCodes.Success)
        {
            return new GenerationRun(target, files, diagnostics, exitCode, WriteOutcome.Failed) { InputFiles = inputFiles };
        }

        var written = staging is null
            ? OutputWriter.WriteChanges(target.OutputPath, files, OutputFolderGuard.WaitLimit)
            : FreshlyWritten(staging.Commit(files), files.Count);
        PhaseTrace.Mark("write");
        if (written.Error is { } error)
        {
            return new GenerationRun(target, files, [.. diagnostics, error], ExitCodes.UsageOrIo, written.Outcome) { InputFiles = inputFiles };
        }

        return new GenerationRun(target, files, diagnostics, ExitCodes.Success, written.Outcome) { FilesWritten = written.FilesWritten, FilesRemoved = written.FilesRemoved, InputFiles = inputFiles };
    }

    private static WriteResult FreshlyWritten((WriteOutcome Outcome, Diagnostic? Error) commit, int count) =>
        new(commit.Outcome, commit.Error) { FilesWritten = commit.Outcome == WriteOutcome.Written ? count : 0 };
}
