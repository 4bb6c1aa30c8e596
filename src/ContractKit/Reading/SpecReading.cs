using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;

namespace ContractKit.Reading;

/// <summary>The in-memory part of reading: bytes → text → JSON tree → version check → references → Microsoft.OpenApi.</summary>
internal static class SpecReading
{
    /// <param name="path">The file's path, as reported.</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="strict">Whether the defects the reader tolerates are errors (see <see cref="ToleratedDefects"/>).</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> <c>$ref</c>s are fetched instead of refused.</param>
    public static SpecReadResult Read(string path, byte[] bytes, CancellationToken cancellationToken, bool strict = false, bool allowRemoteRefs = false) =>
        Start(path, bytes, cancellationToken, parsed: null, validateConcurrently: false, strict, allowRemoteRefs).Complete.GetAwaiter().GetResult();

    /// <summary>Reads as <see cref="Read"/>, optionally leaving Microsoft.OpenApi's validation rules running on another core.</summary>
    /// <param name="path">The file's path, as reported.</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="parsed">
    /// Called with the JSON tree as soon as the text is parsed, before Microsoft.OpenApi reads it, so a caller can
    /// start work that needs only the tree (lint's walk) on another core. The tree is only read from then on.
    /// </param>
    /// <param name="validateConcurrently">
    /// Whether to return before the validation rules have run, with <see cref="SpecReadInProgress.Unvalidated"/> set.
    /// It is not set when reading ended before the rules (a fatal problem).
    /// </param>
    /// <param name="strict">Whether the defects the reader tolerates are errors (see <see cref="ToleratedDefects"/>).</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> references are fetched (<see cref="RemoteReferenceFetcher"/>) instead of refused.</param>
    public static SpecReadInProgress Start(
        string path, byte[] bytes, CancellationToken cancellationToken, Action<JsonNode>? parsed, bool validateConcurrently, bool strict, bool allowRemoteRefs = false)
    {
        PhaseTrace.Mark("read.file");
        if (bytes.LongLength > SpecLimits.Current.MaxDocumentBytes)
        {
            return SpecReadInProgress.Done(Result(path, null, [TooLarge(path, bytes.LongLength)], new SourceMap(path, locator: null), null));
        }

        var text = SpecParser.Decode(bytes);
        if (text is null)
        {
            var problem = SpecReader.FileDiagnostic(DiagnosticIds.FileUnreadable, path, $"Cannot read '{path}': it is not UTF-8 or UTF-16 text.");
            return SpecReadInProgress.Done(Result(path, null, [problem], new SourceMap(path, locator: null), null));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Environment.ProcessorCount > 1 && text.Length >= YamlSplitParser.MinLength)
        {
            // Worth it only when another core is free and the parse gives it time; a small spec's read would race it.
            OpenApiWarmUp.Start();
        }

        var document = SpecParser.Parse(path, text);
        PhaseTrace.Mark("read.parse");
        var source = new SourceMap(path, document.Locator);
        var diagnostics = new List<Diagnostic>(document.Problems);
        if (document.IsFatal)
        {
            return SpecReadInProgress.Done(Result(path, null, diagnostics, source, null));
        }

        if (SpecVersion.Check(document.Root, source, out var version) is { } versionProblem)
        {
            diagnostics.Add(versionProblem);
            return SpecReadInProgress.Done(Result(path, null, diagnostics, source, version));
        }

        var root = document.Root!;
        var bundle = root is JsonObject spec && ReferenceBundler.MayHaveExternalReferences(text)
            ? ReferenceBundler.Bundle(path, spec, document.Locator, allowRemoteRefs ? RemoteReferenceFetcher.Default : null)
            : null;
        if (bundle is not null)
        {
            source = bundle.SourceMap(document.Locator);
            PhaseTrace.Mark("read.bundle");
        }

        if (SpecLimitCheck.Check(root, source) is { } overLimit)
        {
            diagnostics.Add(overLimit);
            return SpecReadInProgress.Done(Result(path, null, diagnostics, source, version));
        }

        parsed?.Invoke(root);

        cancellationToken.ThrowIfCancellationRequested();
        // Work beside Microsoft.OpenApi's read and the model build reads the tree from two threads: only for a tree
        // built from YAML, whose nodes all exist once built (see CheckReferences). The rules' findings are located in it.
        var treeIsBuilt = document.Format == "yaml";
        var checking = CheckReferences(path, root, source, concurrently: validateConcurrently && treeIsBuilt, bundle);

        cancellationToken.ThrowIfCancellationRequested();
        var openApi = OpenApiDocumentReader.Read(path, root, version!, source, () => checking.GetAwaiter().GetResult(), strict);
        diagnostics.AddRange(checking.Result.Problems);
        diagnostics.AddRange(PathTemplateCheck.Check(root, source, strict));
        PhaseTrace.Mark("read.openapi");

        SpecReadResult Validated()
        {
            var (validated, found) = openApi.Validate();
            PhaseTrace.Mark("read.validate");
            return Result(path, validated, [.. diagnostics, .. found], source, version, root, bundle?.LocalFiles);
        }

        if (!validateConcurrently || !treeIsBuilt || openApi.Document is null)
        {
            return SpecReadInProgress.Done(Validated());
        }

        var unvalidated = Result(path, openApi.Document, [.. diagnostics, .. openApi.Diagnostics], source, version, root, bundle?.LocalFiles);
        return new SpecReadInProgress(unvalidated, Task.Run(Validated, CancellationToken.None));
    }

    /// <summary>
    /// Checks the references, on another core while Microsoft.OpenApi reads the document when
    /// <paramref name="concurrently"/>: both only read the tree. Only for a tree built from YAML, whose nodes all
    /// exist once built; a tree parsed from JSON creates its nodes on first access, and two threads doing that at once
    /// may each get their own copies of a node's children.
    /// </summary>
    private static Task<ReferenceChecker> CheckReferences(string path, JsonNode root, SourceMap source, bool concurrently, ReferenceBundler? bundle)
    {
        ReferenceChecker Check()
        {
            var references = ReferenceChecker.Check(path, root, source, bundle);
            PhaseTrace.Mark("read.references");
            return references;
        }

        return concurrently ? Task.Run(Check, CancellationToken.None) : Task.FromResult(Check());
    }

    /// <summary>The error for a file over <see cref="SpecLimits.MaxDocumentBytes"/>.</summary>
    internal static Diagnostic TooLarge(string path, long length) => SpecReader.FileDiagnostic(
        DiagnosticIds.LimitExceeded, path, $"'{path}' is {length:N0} bytes; specs larger than {SpecLimits.Current.MaxDocumentBytes:N0} bytes are not read (limit 'document-size'; raise it with --limit document-size=N for a spec you trust, see SECURITY.md).");

    private static SpecReadResult Result(
        string path, OpenApiDocument? document, IEnumerable<Diagnostic> diagnostics, SourceMap source, string? version, JsonNode? raw = null, IReadOnlyList<string>? referencedFiles = null) => new()
    {
        ReferencedFiles = referencedFiles ?? [],
        FilePath = path,
        Raw = raw,
        Document = document,
        // OrderBy is stable: diagnostics at the same place keep the order they were found in.
        Diagnostics = diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToArray(),
        Source = source,
        SpecVersion = version,
    };
}
