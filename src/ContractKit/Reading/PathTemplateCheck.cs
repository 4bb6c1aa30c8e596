using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Runtime;

namespace ContractKit.Reading;

/// <summary>
/// A name in a path template (<c>/threads/{thread_id}</c>) that no path parameter of the operation declares, which
/// Microsoft.OpenApi does not report (it reports the other way round: a path parameter the template does not name).
/// A tolerated defect (<see cref="DiagnosticIds.PathParameterMismatch"/>): the operation is read without it.
/// </summary>
internal static class PathTemplateCheck
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    /// <param name="root">The document as written.</param>
    /// <param name="source">Locates the operations.</param>
    /// <param name="strict">Whether the findings are errors.</param>
    public static IEnumerable<Diagnostic> Check(JsonNode root, SourceMap source, bool strict)
    {
        if (root is not JsonObject { } document || !document.TryGetPropertyValue("paths", out var paths) || paths is not JsonObject pathItems)
        {
            yield break;
        }

        foreach (var (template, node) in pathItems)
        {
            var names = TemplateNames(template);
            if (names.Count == 0 || node is not JsonObject pathItem)
            {
                continue;
            }

            if (PathParameters(document, pathItem) is not { } shared)
            {
                continue;
            }

            foreach (var (method, operation) in pathItem)
            {
                if (!Methods.Contains(method) || operation is not JsonObject declaring)
                {
                    continue;
                }

                if (PathParameters(document, declaring) is not { } declared)
                {
                    continue;
                }

                foreach (var name in names)
                {
                    if (!shared.Contains(name) && !declared.Contains(name))
                    {
                        var pointer = JsonPointer.ToFragment(["paths", template, method], 3);
                        yield return new Diagnostic(
                            DiagnosticIds.PathParameterMismatch,
                            ToleratedDefects.Severity(strict),
                            $"The path template names '{name}', but the operation declares no path parameter '{name}'; it is read without it.",
                            source.Locate(pointer) ?? new SourceLocation(source.FilePath, 1, 1, pointer));
                    }
                }
            }
        }
    }

    private static List<string> TemplateNames(string template)
    {
        var names = new List<string>();
        var start = template.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = template.IndexOf('}', start + 1);
            if (end < 0)
            {
                break;
            }

            names.Add(template[(start + 1)..end]);
            start = template.IndexOf('{', end + 1);
        }

        return names;
    }

    /// <summary>
    /// The names of the path parameters an operation or path item declares, following local <c>$ref</c>s; null when
    /// one cannot be followed here (another file's, or unresolved: reported as CK1007), so nothing is claimed missing.
    /// </summary>
    private static HashSet<string>? PathParameters(JsonObject document, JsonObject owner)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!owner.TryGetPropertyValue("parameters", out var list) || list is not JsonArray parameters)
        {
            return names;
        }

        foreach (var item in parameters)
        {
            if (Resolve(document, item) is not { } parameter)
            {
                return null;
            }

            if (Text(parameter, "in") == "path" && Text(parameter, "name") is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static JsonObject? Resolve(JsonObject document, JsonNode? node)
    {
        // A chain of local references, bounded so that a cycle cannot loop.
        for (var hops = 0; node is JsonObject obj && Text(obj, "$ref") is { } reference; hops++)
        {
            node = hops < 8 && reference.StartsWith('#') && JsonPointer.TryParse(reference, out var segments)
                ? ToleratedDefects.Find(document, segments)
                : null;
        }

        return node as JsonObject;
    }

    private static string? Text(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var value) && value is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
}
