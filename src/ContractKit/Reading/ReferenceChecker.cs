using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

/// <summary>
/// Finds every <c>$ref</c> whose target does not exist: local pointers into the document, and relative file
/// references (the file is read and the fragment resolved). References below a nested JSON Schema <c>$id</c> (whose
/// base is not the file) are not checked. <see cref="ReferencePolicy"/> decides which files may be read: remote
/// references, and paths leaving the spec's folder, are reported as errors and never followed.
/// </summary>
internal sealed class ReferenceChecker
{
    /// <summary>Keys under which names, not keywords, are written: a property called "example" is still a schema.</summary>
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "schemas", "responses",
        "parameters", "examples", "requestBodies", "headers", "securitySchemes", "securityDefinitions", "links",
        "callbacks", "pathItems", "paths", "webhooks", "content", "encoding", "variables", "mapping", "scopes",
    };

    private readonly string _filePath;
    private readonly JsonNode _root;
    private readonly SourceMap _source;
    private readonly List<string> _path = [];
    private readonly Dictionary<string, ExternalFile> _externalFiles = new(StringComparer.Ordinal);
    private readonly RemoteReferenceFetcher? _remote;
    private HashSet<string>? _declaredIds;

    private ReferenceChecker(string filePath, JsonNode root, SourceMap source, RemoteReferenceFetcher? remote)
    {
        _filePath = filePath;
        _root = root;
        _source = source;
        _remote = remote;
    }

    public List<Diagnostic> Problems { get; } = [];

    /// <summary>The <c>$ref</c> values reported as unresolved, so Microsoft.OpenApi's reports of the same are not repeated.</summary>
    public HashSet<string> UnresolvedReferences { get; } = new(StringComparer.Ordinal);

    /// <summary>External files that were read, by full path, for handing to Microsoft.OpenApi's workspace.</summary>
    public IReadOnlyDictionary<string, ExternalFile> ExternalFiles => _externalFiles;

    /// <param name="filePath">The spec file, whose folder is the root for file references.</param>
    /// <param name="root">The parsed spec.</param>
    /// <param name="source">Locates problems in the spec.</param>
    /// <param name="remote">Fetches <c>http(s)</c> references when remote references are allowed; null refuses them.</param>
    public static ReferenceChecker Check(string filePath, JsonNode root, SourceMap source, RemoteReferenceFetcher? remote = null)
    {
        var checker = new ReferenceChecker(filePath, root, source, remote);
        checker.Walk(root, parentKey: null, grandParentKey: null, belowNestedId: false);
        return checker;
    }

    private void Walk(JsonNode? node, string? parentKey, string? grandParentKey, bool belowNestedId)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                _path.Add(i.ToString(CultureInfo.InvariantCulture));
                Walk(array[i], parentKey: null, grandParentKey: parentKey, belowNestedId);
                _path.RemoveAt(_path.Count - 1);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        var keysAreNames = parentKey is not null && NameMaps.Contains(parentKey);
        if (!keysAreNames)
        {
            if (obj.TryGetPropertyValue("$ref", out var reference) && reference is JsonValue value && value.TryGetValue<string>(out var target))
            {
                CheckReference(target, belowNestedId);
            }

            belowNestedId |= _path.Count > 0 && obj.ContainsKey("$id");
        }

        foreach (var (key, child) in obj)
        {
            if (!keysAreNames && IsLiteralValue(key, child, grandParentKey))
            {
                continue;
            }

            _path.Add(key);
            Walk(child, key, parentKey, belowNestedId);
            _path.RemoveAt(_path.Count - 1);
        }
    }

    /// <summary>Values that are data, not OpenAPI: a "$ref" inside an example is just a string.</summary>
    private static bool IsLiteralValue(string key, JsonNode? child, string? grandParentKey) =>
        key is "example" or "default" or "enum" or "const" ||
        key.StartsWith("x-", StringComparison.Ordinal) ||
        (key == "examples" && child is JsonArray) ||
        (key == "value" && grandParentKey == "examples");

    private void CheckReference(string reference, bool belowNestedId)
    {
        if (belowNestedId)
        {
            return;
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var document = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? null : reference[(hash + 1)..];
        if (fragment is { Length: > 0 } && fragment[0] != '/')
        {
            // "#name": a JSON Schema anchor, not a pointer.
            return;
        }

        if (document.Length == 0)
        {
            if (!Resolves(_root, fragment))
            {
                Report(reference, "the document has no node at that pointer.");
            }

            return;
        }

        var verdict = ReferencePolicy.Judge(_filePath, document, out var fullPath);
        if (verdict == ReferencePolicy.Verdict.Remote && IsDeclaredId(document))
        {
            return; // A JSON Schema $id in this document names it: not a remote fetch.
        }

        if (verdict == ReferencePolicy.Verdict.Remote && _remote is not null && Uri.TryCreate(document, UriKind.Absolute, out var uri) &&
            RemoteReferenceFetcher.IsFetchable(uri))
        {
            CheckExternal(reference, document, uri.AbsoluteUri, fragment, () => ReadRemote(uri));
            return;
        }

        if (verdict != ReferencePolicy.Verdict.Local)
        {
            Report(reference, ReferencePolicy.Why(verdict, document));
            return;
        }

        if (File.Exists(fullPath) && new FileInfo(fullPath).Length > SpecLimits.Current.MaxDocumentBytes)
        {
            Report(reference, $"'{document}' is larger than {SpecLimits.Current.MaxDocumentBytes:N0} bytes, the limit for a spec file (see SECURITY.md); it is not read.");
            return;
        }

        CheckExternal(reference, document, fullPath, fragment, () => new ExternalFile(File.Exists(fullPath) ? ReadExternal(fullPath) : null));
    }

    /// <summary>Reads (once per <paramref name="key"/>) and judges an external document and the node a reference wants in it.</summary>
    private void CheckExternal(string reference, string document, string key, string? fragment, Func<ExternalFile> read)
    {
        if (!_externalFiles.TryGetValue(key, out var file))
        {
            file = read();
            _externalFiles[key] = file;
        }

        file.SpelledAs.Add(document);
        var external = file.Parsed;

        if (file.Failure is not null)
        {
            Report(reference, file.Failure);
        }
        else if (external is null)
        {
            Report(reference, $"the file '{document}' does not exist or cannot be read.");
        }
        else if (external.IsFatal)
        {
            var first = external.Problems[0];
            var line = first.Location is { Line: > 0 } at ? $"line {at.Line}: " : string.Empty;
            Report(reference, $"'{document}' could not be read ({line}{first.Message})");
        }
        else if (!Resolves(external.Root, fragment))
        {
            Report(reference, $"'{document}' has no node at '{fragment}'.");
        }
    }

    /// <summary>Whether some <c>$id</c> in the document is <paramref name="uri"/>, so a reference to it stays inside.</summary>
    private bool IsDeclaredId(string uri)
    {
        _declaredIds ??= CollectIds(_root, []);
        return _declaredIds.Contains(uri.TrimEnd('#'));
    }

    private static HashSet<string> CollectIds(JsonNode? node, HashSet<string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue("$id", out var id) && id is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    ids.Add(text.TrimEnd('#'));
                }

                foreach (var (_, child) in obj)
                {
                    CollectIds(child, ids);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectIds(child, ids);
                }

                break;
        }

        return ids;
    }

    private static ParsedDocument? ReadExternal(string fullPath)
    {
        try
        {
            var text = SpecParser.Decode(File.ReadAllBytes(fullPath));
            return text is null ? null : SpecParser.Parse(fullPath, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ExternalFile ReadRemote(Uri uri)
    {
        var bytes = _remote!.Fetch(uri, out var failure);
        if (bytes is null)
        {
            return new ExternalFile(null, failure);
        }

        var text = SpecParser.Decode(bytes);
        return text is null
            ? new ExternalFile(null, $"'{uri}' is not UTF-8 or UTF-16 text.")
            : new ExternalFile(SpecParser.Parse(uri.AbsoluteUri, text));
    }

    private static bool Resolves(JsonNode? root, string? fragment)
    {
        if (string.IsNullOrEmpty(fragment))
        {
            return true;
        }

        if (!JsonPointer.TryParse("#" + fragment, out var segments))
        {
            return false;
        }

        var node = root;
        foreach (var segment in segments)
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    node = child;
                    break;
                case JsonArray array when ArrayIndex.TryParse(segment, out var index) && index < array.Count:
                    node = array[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private void Report(string reference, string why)
    {
        _path.Add("$ref");
        var pointer = JsonPointer.ToFragment(_path, _path.Count);
        _path.RemoveAt(_path.Count - 1);
        var location = _source.Locate(pointer) ?? new SourceLocation(_filePath, 1, 1, pointer);
        UnresolvedReferences.Add(reference);
        Problems.Add(new Diagnostic(DiagnosticIds.UnresolvedReference, DiagnosticSeverity.Error, $"Unresolved reference '{reference}': {why}", location));
    }

    /// <summary>One external file: its content (null when missing or unreadable), why it could not be fetched, and how <c>$ref</c>s spelled its name.</summary>
    internal sealed class ExternalFile(ParsedDocument? parsed, string? failure = null)
    {
        public ParsedDocument? Parsed { get; } = parsed;

        public string? Failure { get; } = failure;

        public HashSet<string> SpelledAs { get; } = new(StringComparer.Ordinal);
    }
}
