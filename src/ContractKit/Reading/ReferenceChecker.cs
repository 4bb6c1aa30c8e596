using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

/// <summary>
/// Finds every <c>$ref</c> whose target does not exist in the document, once <see cref="ReferenceBundler"/> has
/// brought in (or reported) what references to other documents name. References below a nested JSON Schema
/// <c>$id</c> (whose base is not the file) are not checked.
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
    private readonly ReferenceBundler? _bundle;
    private HashSet<string>? _declaredIds;

    private ReferenceChecker(string filePath, JsonNode root, SourceMap source, ReferenceBundler? bundle)
    {
        _filePath = filePath;
        _root = root;
        _source = source;
        _bundle = bundle;
        Problems = bundle is null ? [] : [.. bundle.Problems];
        UnresolvedReferences = bundle is null ? new(StringComparer.Ordinal) : new(bundle.UnresolvedReferences, StringComparer.Ordinal);
    }

    /// <summary>The unresolved references, the bundler's (in other files too) first.</summary>
    public List<Diagnostic> Problems { get; }

    /// <summary>The <c>$ref</c> values reported as unresolved, so Microsoft.OpenApi's reports of the same are not repeated.</summary>
    public HashSet<string> UnresolvedReferences { get; }

    /// <param name="filePath">The spec file.</param>
    /// <param name="root">The parsed spec, with other documents' nodes already brought in by <paramref name="bundle"/>.</param>
    /// <param name="source">Locates problems in the spec.</param>
    /// <param name="bundle">What bundling found, when the spec refers to other documents.</param>
    public static ReferenceChecker Check(string filePath, JsonNode root, SourceMap source, ReferenceBundler? bundle = null)
    {
        var checker = new ReferenceChecker(filePath, root, source, bundle);
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
                CheckReference(obj, target, belowNestedId);
            }

            belowNestedId |= _path.Count > 0 && obj.ContainsKey("$id");
        }

        foreach (var (key, child) in obj)
        {
            if (!keysAreNames && ReferenceBundler.IsLiteralValue(key, child, grandParentKey))
            {
                continue;
            }

            _path.Add(key);
            Walk(child, key, parentKey, belowNestedId);
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void CheckReference(JsonObject holder, string reference, bool belowNestedId)
    {
        if (belowNestedId || _bundle?.Reported.Contains(holder) == true)
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

        if (IsDeclaredId(document))
        {
            return; // A JSON Schema $id in this document names it: not another document.
        }

        // ReferenceBundler follows every reference to another document; one left here was not recognized as such.
        Report(reference, "it names another document, which was not read.");
    }

    /// <summary>Whether some <c>$id</c> in the document is <paramref name="uri"/>, so a reference to it stays inside.</summary>
    private bool IsDeclaredId(string uri)
    {
        _declaredIds ??= CollectIds(_root, []);
        return _declaredIds.Contains(uri.TrimEnd('#'));
    }

    /// <summary>Every <c>$id</c> under <paramref name="node"/>, without a trailing <c>#</c>.</summary>
    internal static HashSet<string> CollectIds(JsonNode? node, HashSet<string> ids)
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

    private static bool Resolves(JsonNode root, string? fragment) => string.IsNullOrEmpty(fragment) || ReferenceBundler.Find(root, fragment) is not null;

    private void Report(string reference, string why)
    {
        _path.Add("$ref");
        var pointer = JsonPointer.ToFragment(_path, _path.Count);
        _path.RemoveAt(_path.Count - 1);
        var location = _source.Locate(pointer) ?? new SourceLocation(_filePath, 1, 1, pointer);
        UnresolvedReferences.Add(reference);
        Problems.Add(new Diagnostic(DiagnosticIds.UnresolvedReference, DiagnosticSeverity.Error, $"Unresolved reference '{reference}': {why}", location));
    }
}
