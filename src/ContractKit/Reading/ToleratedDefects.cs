using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;
using JsonPointer = ContractKit.Runtime.JsonPointer;

namespace ContractKit.Reading;

/// <summary>
/// The defects the reader tolerates: unknown or misplaced fields and structural slips that leave the rest of the
/// document meaningful, as published specs in the wild have them (see <c>docs/reader-findings.md</c>). Microsoft.OpenApi
/// reports them as errors and reads on, leaving out what it cannot use; here they are warnings that say so, and
/// errors again under <c>--strict</c>.
/// </summary>
internal static class ToleratedDefects
{
    private const string NotAValidProperty = " is not a valid property at ";
    private const string MustBeAMap = " must be a map/object";
    private const string DeclaredPathParameter = "Declared path parameter \"";
    private const string NoResponse = "Responses must contain at least one response";

    /// <summary>JSON Schema keywords of 2019-09 and later that OpenAPI 3.1 schemas have and 3.0 schemas do not.</summary>
    private static readonly HashSet<string> NewerSchemaKeywords = new(StringComparer.Ordinal)
    {
        "propertyNames", "$recursiveRef", "$recursiveAnchor", "$dynamicRef", "$dynamicAnchor", "$defs", "$id", "$anchor",
        "$schema", "$comment", "const", "contains", "minContains", "maxContains", "if", "then", "else", "dependentRequired",
        "dependentSchemas", "prefixItems", "unevaluatedProperties", "unevaluatedItems", "examples", "contentEncoding",
        "contentMediaType", "contentSchema",
    };

    /// <summary>A tolerated defect: its id, what it means for the reading, and the pointer of the node it is about (null: the finding's own).</summary>
    public readonly record struct Defect(string Id, string Message, string? Pointer, string? Key);

    /// <summary>Whether a diagnostic id is one of the tolerated defects'.</summary>
    public static bool IsTolerated(string id) =>
        id is DiagnosticIds.UnknownField or DiagnosticIds.MalformedNode or DiagnosticIds.PathParameterMismatch or DiagnosticIds.NoResponses;

    /// <summary>The severity of a tolerated defect.</summary>
    public static DiagnosticSeverity Severity(bool strict) => strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;

    /// <summary>Classifies one of Microsoft.OpenApi's findings; null when it is not a tolerated defect (it stays an error).</summary>
    /// <param name="error">The finding.</param>
    /// <param name="version">The document's version as written.</param>
    public static Defect? Classify(OpenApiError error, string version)
    {
        var message = error.Message ?? string.Empty;
        var at = message.IndexOf(NotAValidProperty, StringComparison.Ordinal);
        if (at > 0)
        {
            // Microsoft.OpenApi 3.11 leaves the pointer empty here and names the object holding the key in the message.
            var key = message[..at];
            var parent = message[(at + NotAValidProperty.Length)..].Trim();
            return new Defect(DiagnosticIds.UnknownField, UnknownField(key, parent, version), parent, key);
        }

        if (message.EndsWith(MustBeAMap, StringComparison.Ordinal))
        {
            var field = message[..^MustBeAMap.Length];
            return new Defect(
                DiagnosticIds.MalformedNode,
                $"'{field}' must be an object (a map), not a single value; it is ignored, as if it were absent.",
                null,
                null);
        }

        if (message.StartsWith(DeclaredPathParameter, StringComparison.Ordinal))
        {
            var name = message[DeclaredPathParameter.Length..].Split('"')[0];
            return new Defect(
                DiagnosticIds.PathParameterMismatch,
                $"Path parameter '{name}' is declared but the path template has no {{{name}}}; it is read as declared, and not sent in the path.",
                null,
                null);
        }

        return message == NoResponse
            ? new Defect(
                DiagnosticIds.NoResponses,
                "This operation's 'responses' has no response (OpenAPI requires at least one); it is read as an operation that returns nothing.",
                null,
                null)
            : null;
    }

    /// <summary>The pointer a message names (<c>… at #/paths/~1a/get</c>) when the finding has none.</summary>
    public static string? PointerInMessage(string? message)
    {
        var at = message?.LastIndexOf(" at #", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : message![(at + 4)..].Trim();
    }

    /// <summary>
    /// The pointer of an unknown key, given the object that holds it: the key itself, or, for a list of objects (as
    /// Microsoft.OpenApi names <c>parameters</c>), the <paramref name="occurrence"/>-th item holding that key.
    /// </summary>
    public static string KeyPointer(JsonNode root, string parent, string key, int occurrence)
    {
        if (JsonPointer.TryParse(parent, out var segments) && Find(root, segments) is JsonArray items)
        {
            var seen = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is JsonObject item && item.ContainsKey(key) && seen++ == occurrence)
                {
                    return $"{parent}/{i}/{JsonPointer.Escape(key)}";
                }
            }
        }

        // Microsoft.OpenApi names the root "#/".
        return $"{parent.TrimEnd('/')}/{JsonPointer.Escape(key)}";
    }

    internal static JsonNode? Find(JsonNode? node, IReadOnlyList<string> segments)
    {
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when ArrayIndex.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    private static string UnknownField(string key, string parent, string version) => key switch
    {
        "ref" => "'ref' is not a field (a reference is written '$ref'); it is ignored, so nothing is referenced here and this schema takes any value.",
        "type" or "format" or "items" or "enum" or "default" when parent.Contains("/parameters", StringComparison.Ordinal) =>
            $"'{key}' is not a field of an OpenAPI 3 parameter (it goes under the parameter's 'schema'); it is ignored, and a parameter without 'schema' takes any value.",
        _ when parent == "#/paths" => $"'{key}' is not a path (a path starts with '/'); it is ignored, with its operations.",
        "optional" => "'optional' is not a schema keyword (a property is optional unless its object lists it under 'required'); it is ignored.",
        _ when NewerSchemaKeywords.Contains(key) && version.StartsWith("3.0", StringComparison.Ordinal) =>
            $"'{key}' is not a keyword of an OpenAPI 3.0 schema (it is a newer JSON Schema keyword, which OpenAPI 3.1 has); it is ignored.",
        _ => $"'{key}' is not a field of this object (an extension's name starts with 'x-'); it is ignored.",
    };
}
