using System;
using System.Collections.Generic;
using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>
/// Turns schema documents into a tree of <see cref="SchemaNode"/>s: indexes identifiers, resolves references,
/// and hands each subschema to <see cref="KeywordFactory"/>. Every node is registered before its keywords are
/// built, so recursive and cyclic schemas compile once and terminate.
/// </summary>
internal sealed partial class SchemaCompiler
{
    private readonly Dictionary<string, SchemaSite> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaSite> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private readonly List<SchemaSite> _dynamicAnchors = new();

    public SchemaCompiler(SchemaOptions options)
    {
        Options = options;
    }

    public SchemaOptions Options { get; }

    /// <summary>Set when a $dynamicRef names a $dynamicAnchor, the only reader of the dynamic scope.</summary>
    public bool UsesDynamicScope { get; set; }

    public static SchemaNode CompileRoot(JsonElement schema, SchemaOptions options, string baseUri)
    {
        var compiler = new SchemaCompiler(options);
        var root = compiler.IndexDocument(schema, UriText.Normalize(baseUri), null);
        var node = compiler.Compile(root);
        compiler.CompileDynamicAnchors();
        compiler.Link();
        return node;
    }

    public SchemaNode Compile(SchemaSite site)
    {
        if (_nodes.TryGetValue(site.Key, out var existing))
        {
            return existing;
        }

        var node = new SchemaNode(site.Key, site.Resource);
        _nodes[site.Key] = node;
        switch (site.Element.ValueKind)
        {
            case JsonValueKind.True:
                node.Constant = true;
                break;
            case JsonValueKind.False:
                node.Constant = false;
                break;
            case JsonValueKind.Object:
                KeywordFactory.Build(this, site, node);
                break;
            default:
                throw new SchemaCompilationException(site.Key, $"a schema must be an object or a boolean, not {site.Element.ValueKind}");
        }

        return node;
    }

    /// <summary>The subschema at <paramref name="relativePointer"/> (already escaped) below <paramref name="parent"/>.</summary>
    public SchemaSite Child(SchemaSite parent, string relativePointer)
    {
        var key = parent.DocumentUri + "#" + parent.Pointer + relativePointer;
        if (_sites.TryGetValue(key, out var site))
        {
            return site;
        }

        var element = JsonPointerNavigation.Navigate(parent.Element, relativePointer)
            ?? throw new SchemaCompilationException(key, "no schema at this location");
        site = new SchemaSite(parent.DocumentUri, parent.Pointer + relativePointer, element, parent.BaseUri, parent.Dialect, parent.Resource);
        _sites[key] = site;
        return site;
    }

    public SchemaNode CompileChild(SchemaSite parent, string relativePointer) => Compile(Child(parent, relativePointer));

    /// <summary>Resolves a $ref value against the site's base URI; throws with the schema location when it cannot.</summary>
    public SchemaSite ResolveSite(SchemaSite from, string reference, string keyword)
    {
        var full = UriText.Resolve(from.BaseUri, reference);
        var site = full is null ? null : FindSite(full);
        return site ?? throw new SchemaCompilationException(
            from.Key + "/" + keyword,
            $"cannot resolve {keyword} '{reference}'" + (full is null || full == reference || full.EndsWith(reference, StringComparison.Ordinal) ? "" : $" (resolved to '{full}')"));
    }

    public SchemaNode Resolve(SchemaSite from, string reference, string keyword) => Compile(ResolveSite(from, reference, keyword));

    public SchemaSite? FindSite(string full)
    {
        var uri = UriText.WithoutFragment(full);
        var fragment = Uri.UnescapeDataString(UriText.Fragment(full));
        var isPointer = fragment.Length == 0 || fragment[0] == '/';
        var key = isPointer ? uri : uri + "#" + fragment;
        if (!_ids.TryGetValue(key, out var target))
        {
            LoadExternal(uri);
            if (!_ids.TryGetValue(key, out target))
            {
                return null;
            }
        }

        if (!isPointer || fragment.Length == 0)
        {
            return target;
        }

        var siteKey = target.DocumentUri + "#" + target.Pointer + fragment;
        if (_sites.TryGetValue(siteKey, out var known))
        {
            return known;
        }

        return JsonPointerNavigation.Navigate(target.Element, fragment) is null ? null : Child(target, fragment);
    }

    private void LoadExternal(string uri)
    {
        if (_documents.Contains(uri))
        {
            return;
        }

        if (Options.Registry is { } registry && registry.TryFind(uri, out var documentUri, out var document))
        {
            if (!_documents.Contains(documentUri))
            {
                IndexDocument(document, documentUri, null);
            }

            return;
        }

        if (Metaschemas.TryGet(uri, out var builtIn))
        {
            IndexDocument(builtIn, uri, null);
        }
    }

    private void CompileDynamicAnchors()
    {
        for (var i = 0; i < _dynamicAnchors.Count; i++)
        {
            var site = _dynamicAnchors[i];
            var node = Compile(site);
            site.Resource.DynamicAnchors.TryAdd(site.DynamicAnchor!, node);
        }
    }
}
