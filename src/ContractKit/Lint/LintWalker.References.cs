using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;

namespace ContractKit.Lint;

/// <summary>Servers, references and node lookup by pointer.</summary>
internal sealed partial class LintWalker
{
    private void Servers(JsonObject holder, string pointer)
    {
        if (holder["servers"] is not JsonArray servers)
        {
            return;
        }

        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i] is JsonObject server && Text(server["url"]) is { } url)
            {
                _result.Servers.Add((JsonPointer.Append(JsonPointer.Append(pointer, "servers"), Index(i)), SubstituteVariables(url, server["variables"] as JsonObject)));
            }
        }
    }

    private static string SubstituteVariables(string url, JsonObject? variables) =>
        System.Text.RegularExpressions.Regex.Replace(url, @"\{([^}]+)\}", m =>
            variables?[m.Groups[1].Value] is JsonObject variable && Text(variable["default"]) is { } value ? value : m.Value);

    /// <summary>Records a <c>$ref</c> held by the node; true when the node is a reference (and nothing else is walked).</summary>
    private bool Reference(JsonNode? node, string pointer)
    {
        if (node is not JsonObject obj || Text(obj["$ref"]) is not { } target)
        {
            return false;
        }

        _result.References.Add((pointer, target));
        return true;
    }

    private static string? Target(JsonObject reference) =>
        Text(reference["$ref"]) is { } target && target.StartsWith('#') ? target : null;

    /// <summary>The node at a local pointer, following a chain of references (at most 16).</summary>
    private JsonNode? Resolve(string pointer)
    {
        var node = NodeAt(pointer);
        for (var i = 0; i < 16 && node is JsonObject obj && Target(obj) is { } next; i++)
        {
            node = NodeAt(next);
        }

        return node;
    }

    private JsonNode? NodeAt(string pointer)
    {
        if (!JsonPointer.TryParse(pointer, out var segments))
        {
            return null;
        }

        JsonNode? node = _root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
