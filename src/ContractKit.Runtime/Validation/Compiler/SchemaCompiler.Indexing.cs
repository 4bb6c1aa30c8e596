using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Indexing: walks a document once, through schema keywords only, recording every site, identifier and anchor.</summary>
internal sealed partial class SchemaCompiler
{
    private SchemaSite IndexDocument(JsonElement document, string documentUri, Dialect? inherited)
    {
        _documents.Add(documentUri);
        var dialect = DialectOf(document) ?? inherited ?? Dialect.For(Options.DefaultDialect, Options.FormatAssertion);
        var site = Index(document, documentUri, "", documentUri, dialect, new SchemaResource(documentUri), isRoot: true, depth: 0);
        _ids.TryAdd(documentUri, site);
        return site;
    }

    private SchemaSite Index(JsonElement e, string documentUri, string pointer, string baseUri, Dialect dialect, SchemaResource resource, bool isRoot, int depth)
    {
        if (depth > 512)
        {
            throw new SchemaCompilationException(documentUri + "#" + pointer, "schema nesting is deeper than 512 levels");
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            var leaf = new SchemaSite(documentUri, pointer, e, baseUri, dialect, resource);
            _sites.TryAdd(leaf.Key, leaf);
            return leaf;
        }

        var idName = dialect.Draft4 ? "id" : "$id";
        var hasId = e.TryGetProperty(idName, out var id) && id.ValueKind == JsonValueKind.String;
        if ((isRoot || hasId) && DialectOf(e) is { } declared)
        {
            dialect = declared;
            idName = dialect.Draft4 ? "id" : "$id";
            hasId = e.TryGetProperty(idName, out id) && id.ValueKind == JsonValueKind.String;
        }

        var refOnly = dialect.Draft4 && e.TryGetProperty("$ref", out _);
        string? anchor = null;
        var newResource = false;
        if (hasId && !refOnly && UriText.Resolve(baseUri, id.GetString()!) is { } resolved)
        {
            var uri = UriText.WithoutFragment(resolved);
            var fragment = UriText.Fragment(resolved);
            if (!id.GetString()!.StartsWith('#') && uri != UriText.WithoutFragment(baseUri))
            {
                baseUri = uri;
                resource = new SchemaResource(uri);
                newResource = true;
            }
            else if (!id.GetString()!.StartsWith('#'))
            {
                newResource = isRoot;
            }

            if (dialect.Draft4 && fragment.Length > 0 && fragment[0] != '/')
            {
                anchor = fragment;
            }
        }

        var site = new SchemaSite(documentUri, pointer, e, baseUri, dialect, resource);
        _sites[site.Key] = site;
        if (newResource)
        {
            _ids.TryAdd(baseUri, site);
        }

        if (anchor is not null)
        {
            _ids.TryAdd(baseUri + "#" + anchor, site);
        }

        if (!dialect.Draft4)
        {
            if (e.TryGetProperty("$anchor", out var a) && a.ValueKind == JsonValueKind.String)
            {
                _ids.TryAdd(baseUri + "#" + a.GetString(), site);
            }

            if (e.TryGetProperty("$dynamicAnchor", out var da) && da.ValueKind == JsonValueKind.String)
            {
                site.DynamicAnchor = da.GetString();
                _ids.TryAdd(baseUri + "#" + site.DynamicAnchor, site);
                _dynamicAnchors.Add(site);
            }
        }

        if (refOnly)
        {
            return site;
        }

        foreach (var p in e.EnumerateObject())
        {
            var name = p.Name;
            var at = pointer + "/" + JsonPointer.Escape(name);
            var v = p.Value;
            if (v.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False && SchemaKeywords.IsSingle(name, dialect.Draft4))
            {
                Index(v, documentUri, at, baseUri, dialect, resource, false, depth + 1);
            }
            else if (v.ValueKind == JsonValueKind.Array && SchemaKeywords.IsArray(name, dialect.Draft4))
            {
                var i = 0;
                foreach (var item in v.EnumerateArray())
                {
                    Index(item, documentUri, at + "/" + i++, baseUri, dialect, resource, false, depth + 1);
                }
            }
            else if (v.ValueKind == JsonValueKind.Object && SchemaKeywords.IsMap(name, dialect.Draft4))
            {
                foreach (var member in v.EnumerateObject())
                {
                    if (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                    {
                        Index(member.Value, documentUri, at + "/" + JsonPointer.Escape(member.Name), baseUri, dialect, resource, false, depth + 1);
                    }
                }
            }
        }

        return site;
    }

    /// <summary>The dialect named by <c>$schema</c>: a known metaschema, or a registered one whose <c>$vocabulary</c> decides.</summary>
    private Dialect? DialectOf(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("$schema", out var schema) || schema.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var uri = UriText.Normalize(schema.GetString()!);
        if (Dialect.Known(uri) is { } known)
        {
            return Dialect.For(known, Options.FormatAssertion);
        }

        if (Options.Registry is { } registry && registry.TryFind(UriText.WithoutFragment(uri), out _, out var meta) &&
            meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("$vocabulary", out var vocabulary) && vocabulary.ValueKind == JsonValueKind.Object)
        {
            bool Has(string v) => vocabulary.TryGetProperty("https://json-schema.org/draft/2020-12/vocab/" + v, out _);
            return new Dialect(
                Draft4: false,
                Validation: Has("validation"),
                Applicator: Has("applicator"),
                Unevaluated: Has("unevaluated"),
                FormatAssertion: Options.FormatAssertion || Has("format-assertion"));
        }

        return null;
    }

    /// <summary>Whether the schema at <paramref name="site"/>, or what its $ref chain leads to, sets <paramref name="flag"/> to true.</summary>
    public bool HasFlag(SchemaSite site, string flag)
    {
        for (var hops = 0; hops < 8 && site.Element.ValueKind == JsonValueKind.Object; hops++)
        {
            if (KeywordFactory.IsTrue(site.Element, flag))
            {
                return true;
            }

            if (!site.Element.TryGetProperty("$ref", out var r) || r.ValueKind != JsonValueKind.String ||
                UriText.Resolve(site.BaseUri, r.GetString()!) is not { } full || FindSite(full) is not { } next)
            {
                return false;
            }

            site = next;
        }

        return false;
    }
}
