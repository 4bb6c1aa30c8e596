using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

/// <summary>
/// Brings what external <c>$ref</c>s point at into the spec's own tree, before anything else reads it, so every later
/// stage (Microsoft.OpenApi, the model, validation, lint, diff) sees one document, as <c>redocly bundle</c> makes.
/// A schema from another file becomes a component (<c>#/components/schemas/Name</c>, or <c>#/definitions/Name</c> in
/// 2.0), named after the pointer's last segment or, for a whole file, the file's name, made unique deterministically
/// in the order met; every reference to it, from any file, points there, so cycles across files are references
/// between components. Anything else (a parameter, response, request body, path item…) is copied in where it is
/// referenced. References inside a file brought in resolve against that file (or, fetched, its URI), under the same
/// <see cref="ReferencePolicy"/>. Nodes brought in keep their source: the returned grafts locate them in their file.
/// A reference that cannot be followed is a CK1007 error at the <c>$ref</c>, in whichever file it is written.
/// </summary>
internal sealed partial class ReferenceBundler
{
    private readonly string _specPath;
    private readonly JsonObject _root;
    private readonly Source _main;
    private readonly RemoteReferenceFetcher? _remote;
    private readonly string _schemasPointer;
    private readonly HashSet<string> _schemaNames = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Document, string Fragment), string> _schemaComponents = [];
    private readonly List<(string Name, JsonNode Schema)> _newSchemas = [];
    private readonly Queue<(JsonNode Node, Cursor At)> _pending = new();
    private readonly HashSet<(string Document, string Fragment)> _inlining = [];
    private readonly HashSet<JsonNode> _walked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, SourceMap.Graft> _grafts = new(StringComparer.Ordinal);
    private readonly List<string> _localFiles = [];
    private HashSet<string>? _declaredIds;
    private long _copiedNodes;
    private bool _reportedDepth;

    private ReferenceBundler(string specPath, JsonObject root, ISourceLocator? locator, RemoteReferenceFetcher? remote)
    {
        _specPath = specPath;
        _root = root;
        _remote = remote;
        var fullPath = Path.GetFullPath(specPath);
        _main = new Source(specPath, root, locator, fullPath, remote: null);
        _documents[fullPath] = new Opened(_main, null);
        var isSwagger2 = root.ContainsKey("swagger");
        _schemasPointer = isSwagger2 ? "#/definitions" : "#/components/schemas";
        if ((isSwagger2 ? root["definitions"] : (root["components"] as JsonObject)?["schemas"]) is JsonObject existing)
        {
            _schemaNames.UnionWith(existing.Select(p => p.Key));
        }
    }

    /// <summary>CK1007 errors for the references that could not be followed, each at its <c>$ref</c>.</summary>
    public List<Diagnostic> Problems { get; } = [];

    /// <summary>The <c>$ref</c> values reported, so Microsoft.OpenApi's reports of the same are not repeated.</summary>
    public HashSet<string> UnresolvedReferences { get; } = new(StringComparer.Ordinal);

    /// <summary>The objects holding a reported <c>$ref</c>: left as written, already reported.</summary>
    public HashSet<JsonObject> Reported { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The local files the references named (full paths, read or not), the spec's own excluded.</summary>
    public IReadOnlyList<string> LocalFiles => _localFiles;

    /// <summary>Locates the nodes brought in: the spec's source map with these grafts.</summary>
    public SourceMap SourceMap(ISourceLocator? locator) => new(_specPath, locator, _grafts);

    /// <summary>
    /// Whether <paramref name="text"/> may hold a <c>$ref</c> to another document; when not, there is nothing to bundle
    /// and the tree need not be walked. Errs towards yes: a <c>$ref</c> whose value is not a quoted <c>#…</c>, and any
    /// escaped spelling that could make a <c>$ref</c> key (<c>\u0024ref</c>, <c>$\u0072ef</c>…), count.
    /// </summary>
    public static bool MayHaveExternalReferences(string text)
    {
        var span = text.AsSpan();
        foreach (var escape in (ReadOnlySpan<string>)["\\u0024", "\\x24", "\\U00000024", "$\\", "$r\\", "$re\\"])
        {
            if (span.Contains(escape, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        for (var at = span.IndexOf("$ref", StringComparison.Ordinal); at >= 0;)
        {
            var rest = span[(at + 4)..];
            if (!IsQuotedLocalValue(rest))
            {
                return true;
            }

            var next = rest.IndexOf("$ref", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 4 + next;
        }

        return false;
    }

    /// <summary>After a <c>$ref</c> key: an optional closing quote, a colon and a quoted value starting with <c>#</c>.</summary>
    private static bool IsQuotedLocalValue(ReadOnlySpan<char> rest)
    {
        var i = 0;
        if (i < rest.Length && rest[i] is '"' or '\'')
        {
            i++;
        }

        while (i < rest.Length && char.IsWhiteSpace(rest[i]))
        {
            i++;
        }

        if (i >= rest.Length || rest[i] != ':')
        {
            return true; // Not a key (a word in a description): nothing to follow.
        }

        i++;
        while (i < rest.Length && char.IsWhiteSpace(rest[i]))
        {
            i++;
        }

        return i + 1 < rest.Length && rest[i] is '"' or '\'' && rest[i + 1] == '#';
    }

    /// <summary>Bundles the documents <paramref name="root"/>'s references name into it (see the class).</summary>
    /// <param name="specPath">The spec, as given: its folder is the root for file references.</param>
    /// <param name="root">Its tree, changed in place.</param>
    /// <param name="locator">Where its nodes are written.</param>
    /// <param name="remote">Fetches <c>http(s)</c> references when they are allowed; null refuses them.</param>
    public static ReferenceBundler Bundle(string specPath, JsonObject root, ISourceLocator? locator, RemoteReferenceFetcher? remote)
    {
        var bundler = new ReferenceBundler(specPath, root, locator, remote);
        bundler.AdoptComponents();
        bundler.Walk(root, new Cursor(bundler._main, [], []), Kind.Other, parentKey: null, grandParentKey: null, belowNestedId: false);
        while (bundler._pending.TryDequeue(out var next))
        {
            bundler.Walk(next.Node, next.At, Kind.Schema, parentKey: "schemas", grandParentKey: "components", belowNestedId: false);
        }

        bundler.AddNewSchemas();
        bundler.NeutralizeFailures();
        return bundler;
    }

    /// <summary>What a reference that could not be followed is rewritten to, once reported: a local pointer to nothing.</summary>
    internal const string Unfollowed = "#/x-contractkit-unresolved";

    /// <summary>
    /// The references reported as unresolved point, from here on, at nothing inside the document: Microsoft.OpenApi
    /// throws on a relative file reference it cannot place (the spec has no base URI) when the model builder asks for
    /// its target, where a local pointer to nothing is simply unresolved. The error stays where it was reported.
    /// </summary>
    private void NeutralizeFailures()
    {
        foreach (var holder in Reported)
        {
            if (holder["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) && !reference.StartsWith('#'))
            {
                holder["$ref"] = Unfollowed;
            }
        }

        if (Reported.Count > 0)
        {
            UnresolvedReferences.Add(Unfollowed);
        }
    }

    /// <summary>
    /// A component that is only a reference to a schema in another file (<c>Pet: {$ref: pets.yaml#/Pet}</c>) becomes
    /// that schema, under its own name, before any other reference to the same schema could name it otherwise.
    /// </summary>
    private void AdoptComponents()
    {
        if (Find(_root, _schemasPointer[1..]) is not JsonObject schemas)
        {
            return;
        }

        foreach (var (name, node) in schemas)
        {
            if (node is not JsonObject { Count: 1 } holder || holder["$ref"] is not JsonValue value || !value.TryGetValue<string>(out var reference) ||
                Split(reference) is not ({ Length: > 0 } document, var fragment) || IsDeclaredId(document) ||
                Follow(document, fragment, new Cursor(_main, [], [])) is not ({ } target, var canonical, JsonObject schema, _) ||
                target == _main || _schemaComponents.ContainsKey((target.Key, canonical)))
            {
                continue;
            }

            var pointer = JsonPointer.Append(_schemasPointer, name);
            _schemaComponents[(target.Key, canonical)] = pointer;
            holder.Remove("$ref");
            MoveInto(holder, (JsonObject)Copy(schema));
            _walked.Add(holder);
            _pending.Enqueue((holder, Graft(pointer, target, canonical[1..])));
        }
    }

    private void AddNewSchemas()
    {
        if (_newSchemas.Count == 0)
        {
            return;
        }

        JsonObject schemas;
        if (_schemasPointer == "#/definitions")
        {
            schemas = _root["definitions"] as JsonObject ?? (JsonObject)(_root["definitions"] = new JsonObject());
        }
        else
        {
            var components = _root["components"] as JsonObject ?? (JsonObject)(_root["components"] = new JsonObject());
            schemas = components["schemas"] as JsonObject ?? (JsonObject)(components["schemas"] = new JsonObject());
        }

        foreach (var (name, schema) in _newSchemas)
        {
            schemas[name] = schema;
        }
    }

    /// <summary>Where a walk is: the document a node comes from and its path there, and its path in the spec's tree.</summary>
    private sealed record Cursor(Source Origin, List<string> OriginPath, List<string> MainPath)
    {
        public void Push(string segment)
        {
            OriginPath.Add(segment);
            MainPath.Add(segment);
        }

        public void Pop()
        {
            OriginPath.RemoveAt(OriginPath.Count - 1);
            MainPath.RemoveAt(MainPath.Count - 1);
        }
    }

    /// <summary>Records that the subtree at <paramref name="pointer"/> of the spec is written at <paramref name="fragment"/> in <paramref name="source"/>.</summary>
    private Cursor Graft(string pointer, Source source, string fragment)
    {
        JsonPointer.TryParse(pointer, out var main);
        JsonPointer.TryParse("#" + fragment, out var into);
        _grafts[JsonPointer.ToFragment(main, main.Length)] = new SourceMap.Graft(source.DisplayPath, source.Locator, into);
        return new Cursor(source, [.. into], [.. main]);
    }

    private static (string Document, string Fragment) Split(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (reference, string.Empty) : (reference[..hash], reference[(hash + 1)..]);
    }

    /// <summary>The node at a fragment (<c>/a/b</c>, percent-encoding allowed; empty for the whole document), or null.</summary>
    internal static JsonNode? Find(JsonNode root, string fragment)
    {
        if (!JsonPointer.TryParse("#" + fragment, out var segments))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when ArrayIndex.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A fresh copy of a node brought in, counted against the alias-expansion limit (a copy, as an alias is).</summary>
    private JsonNode Copy(JsonNode node)
    {
        _copiedNodes += CountNodes(node);
        return node.DeepClone();
    }

    /// <summary>Moves every property of <paramref name="from"/> (a fresh copy) into <paramref name="holder"/>.</summary>
    private static void MoveInto(JsonObject holder, JsonObject from)
    {
        foreach (var key in from.Select(p => p.Key).ToList())
        {
            var child = from[key];
            from.Remove(key);
            holder[key] = child;
        }
    }

    private static long CountNodes(JsonNode? node) => node switch
    {
        JsonObject obj => 1 + obj.Sum(p => CountNodes(p.Value)),
        JsonArray array => 1 + array.Sum(CountNodes),
        _ => 1,
    };

    private bool IsDeclaredId(string uri)
    {
        _declaredIds ??= ReferenceChecker.CollectIds(_root, []);
        return _declaredIds.Contains(uri.TrimEnd('#'));
    }

    private void Fail(JsonObject holder, string reference, Cursor at, string why, string id = DiagnosticIds.UnresolvedReference)
    {
        at.OriginPath.Add("$ref");
        var location = at.Origin.Locate(at.OriginPath);
        at.OriginPath.RemoveAt(at.OriginPath.Count - 1);
        if (reference.Length > 0)
        {
            UnresolvedReferences.Add(reference);
        }

        Reported.Add(holder);
        Problems.Add(new Diagnostic(id, DiagnosticSeverity.Error, id == DiagnosticIds.UnresolvedReference ? $"Unresolved reference '{reference}': {why}" : why, location));
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
