using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;

namespace ContractKit.Reading;

// The documents a bundle draws from: opened once each, under the $ref policy.
internal sealed partial class ReferenceBundler
{
    /// <summary>More distinct documents than this in one spec's references is an error: each costs a read or a fetch.</summary>
    public const int MaxDocuments = 1000;

    private readonly Dictionary<string, Opened> _documents = new(StringComparer.Ordinal);

    /// <summary>One document: the spec itself, a file inside its folder, or an http(s) document fetched when allowed.</summary>
    private sealed class Source(string displayPath, JsonNode root, ISourceLocator? locator, string? localPath, Uri? remote)
    {
        /// <summary>How diagnostics name it: a path like the spec's as given, or the URI.</summary>
        public string DisplayPath { get; } = displayPath;

        public JsonNode Root { get; } = root;

        public ISourceLocator? Locator { get; } = locator;

        /// <summary>The full path of a local file, against whose folder its relative references resolve.</summary>
        public string? LocalPath { get; } = localPath;

        /// <summary>The URI of a fetched document, against which its relative references resolve.</summary>
        public Uri? Remote { get; } = remote;

        /// <summary>A stable identity: the full path or the URI without its fragment.</summary>
        public string Key => Remote?.AbsoluteUri ?? LocalPath!;

        public SourceLocation Locate(IReadOnlyList<string> path)
        {
            var segments = new string[path.Count];
            for (var i = 0; i < segments.Length; i++)
            {
                segments[i] = path[i];
            }

            var pointer = Runtime.JsonPointer.ToFragment(segments, segments.Length);
            return Locator?.Find(segments) is { } at
                ? new SourceLocation(DisplayPath, at.Line, at.Column, pointer)
                : new SourceLocation(DisplayPath, 1, 1, pointer);
        }
    }

    /// <summary>A document or why it could not be had (a text naming the document as a reference spelled it).</summary>
    private sealed record Opened(Source? Source, Func<string, string>? Failure);

    /// <summary>The document that <paramref name="document"/>, written in <paramref name="from"/>, names; or why not.</summary>
    private Opened Open(Source from, string document)
    {
        if (from.Remote is { } baseUri)
        {
            // Inside a fetched document everything is relative to its URI, and stays on http(s).
            if (!Uri.TryCreate(baseUri, document, out var uri) || !RemoteReferenceFetcher.IsFetchable(uri))
            {
                return new Opened(null, spelled => $"'{spelled}', written in '{baseUri}', is not an http or https address; a fetched document may only refer to other http(s) documents.");
            }

            return OpenRemote(uri);
        }

        var verdict = ReferencePolicy.Judge(_specPath, from.LocalPath!, document, out var fullPath);
        if (verdict == ReferencePolicy.Verdict.Remote && _remote is not null && Uri.TryCreate(document, UriKind.Absolute, out var absolute) &&
            RemoteReferenceFetcher.IsFetchable(absolute))
        {
            return OpenRemote(absolute);
        }

        if (verdict != ReferencePolicy.Verdict.Local)
        {
            return new Opened(null, spelled => ReferencePolicy.Why(verdict, spelled));
        }

        if (!_documents.ContainsKey(fullPath))
        {
            _localFiles.Add(fullPath);
        }

        return Cached(fullPath, () => OpenLocal(fullPath));
    }

    private Opened OpenRemote(Uri uri)
    {
        var withoutFragment = new UriBuilder(uri) { Fragment = string.Empty }.Uri;
        return Cached(withoutFragment.AbsoluteUri, () =>
        {
            var bytes = _remote!.Fetch(withoutFragment, out var failure);
            if (bytes is null)
            {
                return new Opened(null, _ => failure!);
            }

            var text = SpecParser.Decode(bytes);
            return text is null
                ? new Opened(null, _ => $"'{withoutFragment}' is not UTF-8 or UTF-16 text.")
                : Parsed(SpecParser.Parse(withoutFragment.AbsoluteUri, text), withoutFragment.AbsoluteUri, localPath: null, withoutFragment);
        });
    }

    private Opened OpenLocal(string fullPath)
    {
        try
        {
            if (!File.Exists(fullPath))
            {
                return new Opened(null, spelled => $"the file '{spelled}' does not exist or cannot be read.");
            }

            if (new FileInfo(fullPath).Length > SpecLimits.Current.MaxDocumentBytes)
            {
                return new Opened(null, spelled => $"'{spelled}' is larger than {SpecLimits.Current.MaxDocumentBytes:N0} bytes, the limit for a spec file (see SECURITY.md); it is not read.");
            }

            var text = SpecParser.Decode(File.ReadAllBytes(fullPath));
            if (text is null)
            {
                return new Opened(null, spelled => $"'{spelled}' is not UTF-8 or UTF-16 text.");
            }

            var display = Path.Combine(Path.GetDirectoryName(_specPath) ?? string.Empty, Path.GetRelativePath(ReferencePolicy.RootOf(_specPath), fullPath));
            return Parsed(SpecParser.Parse(display, text), display, fullPath, remote: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Opened(null, spelled => $"the file '{spelled}' does not exist or cannot be read.");
        }
    }

    private static Opened Parsed(ParsedDocument parsed, string display, string? localPath, Uri? remote)
    {
        if (parsed.Root is not { } root)
        {
            var first = parsed.Problems.Count > 0 ? parsed.Problems[0] : null;
            var line = first?.Location is { Line: > 0 } at ? $"line {at.Line}: " : string.Empty;
            var message = first?.Message ?? "it is empty";
            return new Opened(null, spelled => $"'{spelled}' could not be read ({line}{message})");
        }

        return new Opened(new Source(display, root, parsed.Locator, localPath, remote), null);
    }

    private Opened Cached(string key, Func<Opened> open)
    {
        if (_documents.TryGetValue(key, out var opened))
        {
            return opened;
        }

        opened = _documents.Count >= MaxDocuments
            ? new Opened(null, _ => $"the spec's references name more than {MaxDocuments:N0} documents; no more are read.")
            : open();
        _documents[key] = opened;
        return opened;
    }
}
