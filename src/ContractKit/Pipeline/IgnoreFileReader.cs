using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Diff;
using ContractKit.Reading;

namespace ContractKit.Pipeline;

/// <summary>Reads the <c>--ignore</c> file of <see cref="IgnoreFile"/> (JSON, JSON with comments, or YAML through the spec parser, with lines).</summary>
public static class IgnoreFileReader
{
    private static readonly string[] KnownKeys = ["rule", "operation", "pointer", "reason"];

    /// <summary>Reads an ignore file; problems come back as a diagnostic.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The entries, or the diagnostic that says why the file is unusable.</returns>
    public static (IReadOnlyList<IgnoreEntry> Entries, Diagnostic? Error) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], new Diagnostic(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, $"cannot read ignore file '{path}': {ex.Message}", new SourceLocation(path, 0, 0)));
        }

        return Parse(path, text);
    }

    /// <summary>Parses ignore-file text (JSON, JSON with comments, or YAML); <paramref name="path"/> names it in diagnostics.</summary>
    /// <param name="path">The file name for messages.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>The entries, or the diagnostic that says why the text is unusable (with its line where known).</returns>
    public static (IReadOnlyList<IgnoreEntry> Entries, Diagnostic? Error) Parse(string path, string text)
    {
        JsonNode? root = null;
        SourceMap? map = null;
        var parsed = SpecParser.Parse(path, text);
        if (!parsed.IsFatal && parsed.Root is JsonObject top0 && top0.ContainsKey("ignore"))
        {
            root = parsed.Root;
            map = new SourceMap(path, parsed.Locator);
        }
        else
        {
            // JSON with comments or trailing commas is neither strict JSON nor the YAML meant; System.Text.Json reads it (without positions).
            try
            {
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException)
            {
                if (parsed.IsFatal)
                {
                    var first = parsed.Problems[0];
                    return ([], new Diagnostic(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, $"ignore file is neither valid JSON nor YAML: {first.Message}", first.Location ?? new SourceLocation(path, 0, 0)));
                }

                root = parsed.Root;
                map = new SourceMap(path, parsed.Locator);
            }
        }

        SourceLocation At(string pointer) => map?.Locate(pointer) ?? new SourceLocation(path, 0, 0, pointer);
        Diagnostic Fail(string pointer, string message) => new(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, message, At(pointer));

        if (root is not JsonObject top || !top.TryGetPropertyValue("ignore", out var listNode) || listNode is not JsonArray list)
        {
            return ([], Fail("#", "an ignore file is an object with an \"ignore\" array of entries"));
        }

        var entries = new List<IgnoreEntry>(list.Count);
        for (var index = 0; index < list.Count; index++)
        {
            var pointer = $"#/ignore/{index}";
            if (list[index] is not JsonObject item)
            {
                return ([], Fail(pointer, $"ignore[{index}]: expected an object with \"rule\" and \"reason\""));
            }

            foreach (var (key, _) in item)
            {
                if (Array.IndexOf(KnownKeys, key) < 0)
                {
                    return ([], Fail($"{pointer}/{key}", $"ignore[{index}]: unknown key '{key}'; expected {string.Join(", ", KnownKeys)}"));
                }
            }

            string? Text(string name) => item.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
            var rule = Text("rule");
            var reason = Text("reason");
            if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(reason))
            {
                return ([], Fail(pointer, $"ignore[{index}]: \"rule\" and \"reason\" are required strings"));
            }

            entries.Add(new IgnoreEntry(rule, Text("operation"), Text("pointer"), reason, At(pointer).Line));
        }

        return (entries, null);
    }
}
