using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

// The walk: what kind of node each one is, and what becomes of a reference to another document.
internal sealed partial class ReferenceBundler
{
    /// <summary>Keys under which names, not keywords, are written: a property called "example" is still a schema.</summary>
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "securityDefinitions", "links",
        "callbacks", "pathItems", "paths", "webhooks", "content", "encoding", "variables", "mapping", "scopes",
    };

    /// <summary>Schema keywords whose value is a schema, or an array of schemas.</summary>
    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    /// <summary>Schema keywords whose value maps names to schemas.</summary>
    private static readonly HashSet<string> SchemaMapKeywords = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    };

    /// <summary>What a node is, as far as references care: a schema is shared as a component, anything else copied.</summary>
    private enum Kind
    {
        /// <summary>An OpenAPI object other than a schema.</summary>
        Other,

        /// <summary>A schema, or an array of schemas.</summary>
        Schema,

        /// <summary>An object whose keys are names and values schemas (<c>properties</c>, <c>components/schemas</c>).</summary>
        SchemaMap,

        /// <summary>An object whose keys are names and values OpenAPI objects (<c>responses</c>, <c>content</c>…).</summary>
        NameMap,
    }

    private static Kind ChildKind(Kind parent, string key) => parent switch
    {
        Kind.Schema when SchemaMapKeywords.Contains(key) => Kind.SchemaMap,
        Kind.Schema => SchemaKeywords.Contains(key) ? Kind.Schema : Kind.Other,
        Kind.SchemaMap => Kind.Schema,
        Kind.NameMap => Kind.Other,
        _ when key == "schema" => Kind.Schema,
        _ when key is "schemas" or "definitions" => Kind.SchemaMap,
        _ => NameMaps.Contains(key) ? Kind.NameMap : Kind.Other,
    };

    /// <summary>Values that are data, not OpenAPI: a "$ref" inside an example is just a string.</summary>
    internal static bool IsLiteralValue(string key, JsonNode? child, string? grandParentKey) =>
        key is "example" or "default" or "enum" or "const" ||
        key.StartsWith("x-", StringComparison.Ordinal) ||
        (key == "examples" && child is JsonArray) ||
        (key == "value" && grandParentKey == "examples");

    private void Walk(JsonNode? node, Cursor at, Kind kind, string? parentKey, string? grandParentKey, bool belowNestedId)
    {
        if (at.MainPath.Count > SpecLimits.Current.MaxDepth)
        {
            if (!_reportedDepth && node is JsonObject deep)
            {
                _reportedDepth = true;
                Fail(deep, string.Empty, at, $"What references bring in here is nested more than {SpecLimits.Current.MaxDepth} levels deep in the spec (limit 'depth').", DiagnosticIds.LimitExceeded);
            }

            return;
        }

        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                at.Push(Index(i));
                Walk(array[i], at, kind == Kind.Schema ? Kind.Schema : Kind.Other, parentKey: null, grandParentKey: parentKey, belowNestedId);
                at.Pop();
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        var keysAreNames = kind is Kind.SchemaMap or Kind.NameMap;
        if (!keysAreNames)
        {
            if (obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) && !belowNestedId && Resolve(obj, reference, at, kind))
            {
                return;
            }

            belowNestedId |= at.OriginPath.Count > 0 && obj.ContainsKey("$id");
            if (kind == Kind.Schema && !belowNestedId)
            {
                RewriteMapping(obj, at);
            }
        }

        foreach (var (key, child) in obj)
        {
            if ((!keysAreNames && IsLiteralValue(key, child, grandParentKey)) || (child is not null && _walked.Contains(child)))
            {
                continue;
            }

            at.Push(key);
            Walk(child, at, ChildKind(kind, key), key, parentKey, belowNestedId);
            at.Pop();
        }
    }

    /// <summary>
    /// Follows a reference held by <paramref name="holder"/>: a schema elsewhere is pointed at as a component, anything
    /// else copied in. True when the holder is done with (copied in and walked, or reported).
    /// </summary>
    private bool Resolve(JsonObject holder, string reference, Cursor at, Kind kind)
    {
        var (document, fragment) = Split(reference);
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            return false; // "#name": a JSON Schema anchor, not a pointer.
        }

        if (at.Origin == _main && (document.Length == 0 || IsDeclaredId(document)))
        {
            return false; // The spec's own: checked by ReferenceChecker.
        }

        var (target, canonical, node, why) = Follow(document, fragment, at);
        if (target is null)
        {
            Fail(holder, reference, at, why!);
            return true;
        }

        if (target == _main || kind == Kind.Schema)
        {
            holder["$ref"] = target == _main ? "#" + fragment : SchemaComponent(target, canonical, node!);
            return false;
        }

        Inline(holder, reference, at, kind, target, canonical, node!);
        return true;
    }

    /// <summary>The document and node a reference written at <paramref name="at"/> names (its fragment in <c>#/…</c> form), or why not.</summary>
    private (Source? Target, string Fragment, JsonNode? Node, string? Why) Follow(string document, string fragment, Cursor at)
    {
        var target = at.Origin;
        if (document.Length > 0)
        {
            var opened = Open(at.Origin, document);
            if (opened.Source is null)
            {
                return (null, fragment, null, opened.Failure!(document));
            }

            target = opened.Source;
        }

        if (!JsonPointer.TryParse("#" + fragment, out var segments) || Find(target.Root, fragment) is not { } node)
        {
            return (null, fragment, null, document.Length == 0 ? "the document has no node at that pointer." : $"'{document}' has no node at '{fragment}'.");
        }

        return (target, JsonPointer.ToFragment(segments, segments.Length), node, null);
    }

    /// <summary>The component a schema of another document is (made, the first time, and walked later): its pointer.</summary>
    private string SchemaComponent(Source target, string fragment, JsonNode schema)
    {
        if (_schemaComponents.TryGetValue((target.Key, fragment), out var pointer))
        {
            return pointer;
        }

        JsonPointer.TryParse(fragment, out var segments);
        var name = UniqueName(target, segments);
        pointer = JsonPointer.Append(_schemasPointer, name);
        _schemaComponents[(target.Key, fragment)] = pointer;
        var copy = Copy(schema);
        _newSchemas.Add((name, copy));
        _pending.Enqueue((copy, Graft(pointer, target, fragment[1..])));
        return pointer;
    }

    /// <summary>Replaces a reference to a non-schema object of another document by a copy of it, walked where it now is.</summary>
    private void Inline(JsonObject holder, string reference, Cursor at, Kind kind, Source target, string fragment, JsonNode node)
    {
        if (node is not JsonObject content)
        {
            Fail(holder, reference, at, $"it names a {node.GetValueKind().ToString().ToLowerInvariant()}, not an object.");
            return;
        }

        if (!_inlining.Add((target.Key, fragment)))
        {
            Fail(holder, reference, at, "it leads back to itself through other files; only schemas may refer to each other in a cycle.");
            return;
        }

        if (_copiedNodes + CountNodes(content) > SpecLimits.Current.MaxAliasExpansion)
        {
            Fail(holder, reference, at, $"What references copy in exceeds {SpecLimits.Current.MaxAliasExpansion:N0} nodes in total (limit 'alias-expansion').", DiagnosticIds.LimitExceeded);
            _inlining.Remove((target.Key, fragment));
            return;
        }

        // OpenAPI 3.1: a reference's summary and description override the target's.
        var overrides = holder.Where(p => p.Key is "summary" or "description").Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        holder.Clear();
        MoveInto(holder, (JsonObject)Copy(content));
        foreach (var (key, value) in overrides)
        {
            holder[key] = value;
        }

        var inTarget = Graft(JsonPointer.ToFragment(at.MainPath, at.MainPath.Count), target, fragment[1..]);
        Walk(holder, inTarget, kind, at.MainPath.Count > 0 ? at.MainPath[^1] : null, at.MainPath.Count > 1 ? at.MainPath[^2] : null, belowNestedId: false);
        _inlining.Remove((target.Key, fragment));
    }

    /// <summary>
    /// A discriminator's mapping names schemas by reference or by component name: in a schema brought in from another
    /// document, each is followed like a <c>$ref</c> and rewritten to the component it became.
    /// </summary>
    private void RewriteMapping(JsonObject schema, Cursor at)
    {
        if (schema["discriminator"] is not JsonObject discriminator || discriminator["mapping"] is not JsonObject mapping)
        {
            return;
        }

        foreach (var key in mapping.Select(p => p.Key).ToList())
        {
            if (mapping[key] is not JsonValue value || !value.TryGetValue<string>(out var written))
            {
                continue;
            }

            var isReference = written.Contains('#', StringComparison.Ordinal) || written.Contains('/', StringComparison.Ordinal);
            if (at.Origin == _main && (!isReference || written.StartsWith('#')))
            {
                continue;
            }

            var (document, fragment) = isReference ? Split(written) : (string.Empty, JsonPointer.Append(OriginSchemas(at.Origin), written)[1..]);
            var (target, canonical, node, why) = Follow(document, fragment, at);
            if (target is null)
            {
                at.Push("discriminator");
                at.Push("mapping");
                at.OriginPath.Add(key);
                Problems.Add(new Diagnostic(DiagnosticIds.UnresolvedReference, DiagnosticSeverity.Error, $"Unresolved discriminator mapping '{written}': {why}", at.Origin.Locate(at.OriginPath)));
                at.OriginPath.RemoveAt(at.OriginPath.Count - 1);
                at.Pop();
                at.Pop();
                continue;
            }

            mapping[key] = target == _main ? "#" + fragment : SchemaComponent(target, canonical, node!);
        }
    }

    private static string OriginSchemas(Source origin) => origin.Root is JsonObject root && root.ContainsKey("swagger") ? "#/definitions" : "#/components/schemas";

    /// <summary>
    /// The component name for a schema brought in: the pointer's last segment, or the file's name for a whole file;
    /// when the spec (or an earlier one) has it, the file's name and the segment, then a number.
    /// </summary>
    private string UniqueName(Source target, string[] segments)
    {
        var file = target.Remote?.AbsolutePath ?? target.LocalPath ?? string.Empty;
        var stem = Sanitize(Path.GetFileNameWithoutExtension(file));
        var name = segments.Length > 0 ? Sanitize(segments[^1]) : stem;
        name = name.Length > 0 ? name : "Schema";
        if (_schemaNames.Add(name))
        {
            return name;
        }

        if (stem.Length > 0 && stem != name && _schemaNames.Add(stem + "_" + name))
        {
            return stem + "_" + name;
        }

        for (var n = 2; ; n++)
        {
            var numbered = name + "_" + Index(n);
            if (_schemaNames.Add(numbered))
            {
                return numbered;
            }
        }
    }

    /// <summary>A component name OpenAPI accepts (<c>^[a-zA-Z0-9.\-_]+$</c>).</summary>
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return builder.ToString();
    }
}
