using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;

namespace ContractKit.Reading;

/// <summary>
/// The Reading stage: a YAML or JSON file in, an OpenAPI document (2.0, 3.0 or 3.1, through Microsoft.OpenApi)
/// plus located diagnostics out.
/// </summary>
public static class SpecReader
{
    /// <summary>
    /// Reads an OpenAPI description. Never throws for bad input: a missing or unreadable file, malformed YAML or
    /// JSON, a document that is not OpenAPI or of an unsupported version, and unresolved <c>$ref</c>s all come back
    /// as <see cref="SpecReadResult.Diagnostics"/>. File-level problems (CK1001, CK1002) have line 0: they are about
    /// the file, not a place in it.
    /// </summary>
    /// <param name="path">The file to read; kept verbatim in the result and its diagnostics.</param>
    /// <param name="cancellationToken">Cancels reading; cancellation is reported by throwing <see cref="OperationCanceledException"/>.</param>
    /// <returns>The document, its source map and diagnostics.</returns>
    public static Task<SpecReadResult> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, strict: false, cancellationToken);

    /// <summary>
    /// Reads as <see cref="ReadAsync(string, CancellationToken)"/>; with <paramref name="strict"/>, the defects the
    /// reader otherwise tolerates with a warning (unknown fields, a value that should be an object, path parameters
    /// that do not match the template, an operation without responses: CK1009-CK1012) are errors.
    /// </summary>
    /// <param name="path">The file to read; kept verbatim in the result and its diagnostics.</param>
    /// <param name="strict">Whether tolerated defects are errors.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The document, its source map and diagnostics.</returns>
    public static async Task<SpecReadResult> ReadAsync(string path, bool strict, CancellationToken cancellationToken = default)
    {
        var reading = await StartAsync(path, parsed: null, validateConcurrently: false, cancellationToken, strict).ConfigureAwait(false);
        return await reading.Complete.ConfigureAwait(false);
    }

    /// <summary>
    /// Reads as <see cref="ReadAsync(string, CancellationToken)"/>; with <paramref name="validateConcurrently"/>,
    /// returns while Microsoft.OpenApi's validation rules still run on another core (see <see cref="SpecReading.Start"/>).
    /// </summary>
    internal static async Task<SpecReadInProgress> StartAsync(
        string path, Action<System.Text.Json.Nodes.JsonNode>? parsed, bool validateConcurrently, CancellationToken cancellationToken, bool strict = false,
        bool allowRemoteRefs = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FindFileProblem(path) is { } problem)
        {
            return SpecReadInProgress.Done(Failed(path, problem));
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsFileFailure(ex))
        {
            return SpecReadInProgress.Done(Failed(path, FileFailure(path, ex)));
        }

        return SpecReading.Start(path, bytes, cancellationToken, parsed, validateConcurrently, strict, allowRemoteRefs);
    }

    /// <summary>Reads an OpenAPI description synchronously; see <see cref="ReadAsync(string, CancellationToken)"/>.</summary>
    /// <param name="path">The file to read; kept verbatim in the result and its diagnostics.</param>
    /// <returns>The document, its source map and diagnostics.</returns>
    public static SpecReadResult Read(string path) => Read(path, strict: false);

    /// <summary>Reads an OpenAPI description synchronously; see <see cref="ReadAsync(string, bool, CancellationToken)"/>.</summary>
    /// <param name="path">The file to read; kept verbatim in the result and its diagnostics.</param>
    /// <param name="strict">Whether tolerated defects are errors.</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> <c>$ref</c>s are fetched (bounded, see SECURITY.md) instead of refused.</param>
    /// <returns>The document, its source map and diagnostics.</returns>
    public static SpecReadResult Read(string path, bool strict, bool allowRemoteRefs = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FindFileProblem(path) is { } problem)
        {
            return Failed(path, problem);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (IsFileFailure(ex))
        {
            return Failed(path, FileFailure(path, ex));
        }

        return SpecReading.Read(path, bytes, CancellationToken.None, strict, allowRemoteRefs);
    }

    /// <summary>
    /// Starts loading the reading stage's code (the YAML parser; Microsoft.OpenApi's readers and rules) on another core,
    /// once per process. A process about to read a large spec can call this first, so that its own start-up (parsing
    /// its command line, reading the file) overlaps that work instead of the parse. Optional: reading gives the same
    /// results without it, and calls it itself.
    /// </summary>
    public static void Prepare()
    {
        if (Environment.ProcessorCount > 1)
        {
            YamlToJson.StartWarmUp().ContinueWith(static _ => OpenApiWarmUp.Start(), TaskScheduler.Default);
        }
    }

    private static Diagnostic? FindFileProblem(string path)
    {
        if (path.Length == 0)
        {
            return FileDiagnostic(DiagnosticIds.FileNotFound, path, "No spec file was given (the path is empty).");
        }

        // Checked first because on Unix opening a directory fails as "access denied", which would mislead.
        if (Directory.Exists(path))
        {
            return FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': it is a directory, not a file.");
        }

        // Checked before reading, so an oversized file is never loaded into memory.
        var length = File.Exists(path) ? new FileInfo(path).Length : 0;
        return length > SpecLimits.Current.MaxDocumentBytes ? SpecReading.TooLarge(path, length) : null;
    }

    private static bool IsFileFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException;

    private static Diagnostic FileFailure(string path, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException =>
            FileDiagnostic(DiagnosticIds.FileNotFound, path, $"The spec file '{path}' does not exist."),
        UnauthorizedAccessException or SecurityException =>
            FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': permission denied."),
        ArgumentException or NotSupportedException or PathTooLongException =>
            FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': it is not a valid file path."),
        _ => FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': {ex.Message}"),
    };

    internal static Diagnostic FileDiagnostic(string id, string path, string message) =>
        new(id, DiagnosticSeverity.Error, message, new SourceLocation(path, 0, 0));

    private static SpecReadResult Failed(string path, Diagnostic problem) => new()
    {
        FilePath = path,
        Document = null,
        Diagnostics = [problem],
        Source = new SourceMap(path, locator: null),
    };
}
