using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ContractKit.Diagnostics;

namespace ContractKit.Pipeline;

/// <summary>One spec to generate, with its options. Paths are absolute once loaded.</summary>
public sealed record SpecTarget(string SpecPath, string OutputPath, string Namespace, string ClientName)
{
    /// <summary><c>"clients": "single" | "tag"</c>; single when not given.</summary>
    public CodeGen.ClientGrouping Clients { get; init; } = CodeGen.ClientGrouping.Single;

    /// <summary>
    /// <c>"strict": true</c> (per spec, or for all at the top level): the defects the reader tolerates with a warning
    /// (CK1009-CK1012, see docs/reader-findings.md) are errors.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// <c>"allowRemoteRefs": true</c> (per spec, or for all at the top level): <c>http(s)</c> <c>$ref</c>s are fetched
    /// (bounded, see SECURITY.md) instead of refused as CK1007 errors.
    /// </summary>
    public bool AllowRemoteRefs { get; init; }

    /// <summary>
    /// <c>"limits": {"depth": 200, "document-size": 1048576}</c> (per spec, over the top level's): the reader's caps
    /// (SECURITY.md); null for the defaults. An unknown name or a bad value is a config error (exit 2).
    /// </summary>
    public Reading.SpecLimits? Limits { get; init; }
}

/// <summary>
/// <c>contractkit.json</c>: the specs a repository generates. Paths in it are relative to the file itself.
/// <code>
/// { "specs": [ { "spec": "spec/threads.yaml", "output": "generated/Threads",
///                "namespace": "ContractKit.Generated.Threads", "clientName": "ThreadsClient",
///                "clients": "single", "strict": false } ], "strict": false, "allowRemoteRefs": false }
/// </code>
/// </summary>
public sealed record ContractKitConfig(string ConfigPath, IReadOnlyList<SpecTarget> Specs)
{
    public const string FileName = "contractkit.json";

    /// <summary>The top level's <c>"limits"</c>, or null.</summary>
    public Reading.SpecLimits? Limits { get; init; }

    /// <summary>The limits for a spec: its entry's (over the top level's) when the config lists it, else the top level's.</summary>
    public Reading.SpecLimits? LimitsFor(string? specPath)
    {
        var full = specPath is null ? null : Path.GetFullPath(specPath);
        return Specs.FirstOrDefault(t => string.Equals(t.SpecPath, full, StringComparison.Ordinal))?.Limits ?? Limits;
    }

    /// <summary>Loads and checks a config file; problems come back as one diagnostic, never as an exception.</summary>
    public static (ContractKitConfig? Config, Diagnostic? Error) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, Error(path, 0, 0, $"cannot read the config file: {ex.Message}"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return (null, Error(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "the config file is not valid JSON"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("specs", out var specs) || specs.ValueKind != JsonValueKind.Array)
            {
                return (null, Error(path, 1, 1, "expected an object with a \"specs\" array"));
            }

            var badTop = NotBool(root, "strict", false, out var strictByDefault) ?? NotBool(root, "allowRemoteRefs", false, out _);
            var remoteByDefault = root.TryGetProperty("allowRemoteRefs", out var remoteTop) && remoteTop.ValueKind == JsonValueKind.True;
            var badLimits = ParseLimits(root, null, out var limitsByDefault);
            badTop ??= badLimits;
            if (badTop is not null)
            {
                return (null, Error(path, 0, 0, badTop));
            }

            var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var targets = new List<SpecTarget>();
            var index = 0;
            foreach (var entry in specs.EnumerateArray())
            {
                var where = $"specs[{index}]";
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    return (null, Error(path, 0, 0, $"{where}: expected an object"));
                }

                string? Get(string name) =>
                    entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

                var spec = Get("spec");
                var output = Get("output");
                var ns = Get("namespace");
                if (spec is null || output is null || ns is null)
                {
                    return (null, Error(path, 0, 0, $"{where}: \"spec\", \"output\" and \"namespace\" are required strings"));
                }

                var clientName = Get("clientName") ?? DefaultClientName(spec);
                if (!TryParseGrouping(entry.TryGetProperty("clients", out var clients) ? clients : default, out var grouping))
                {
                    return (null, Error(path, 0, 0, $"{where}: \"clients\" must be \"single\" or \"tag\""));
                }

                var badEntryLimits = ParseLimits(entry, limitsByDefault, out var limits);
                var bad = NotBool(entry, "strict", strictByDefault, out var strict) ?? NotBool(entry, "allowRemoteRefs", remoteByDefault, out _) ?? badEntryLimits;
                TryParseBool(entry, "allowRemoteRefs", remoteByDefault, out var remote);
                if (bad is not null)
                {
                    return (null, Error(path, 0, 0, $"{where}: {bad}"));
                }

                targets.Add(new SpecTarget(Path.GetFullPath(spec, baseDirectory), Path.GetFullPath(output, baseDirectory), ns, clientName)
                {
                    Clients = grouping,
                    Strict = strict,
                    AllowRemoteRefs = remote,
                    Limits = limits,
                });
                index++;
            }

            return (new ContractKitConfig(Path.GetFullPath(path), targets) { Limits = limitsByDefault }, null);
        }
    }

    /// <summary>Reads <c>"limits"</c>: an object of limit names and whole numbers, applied over <paramref name="inherited"/>; the error when it is not.</summary>
    private static string? ParseLimits(JsonElement owner, Reading.SpecLimits? inherited, out Reading.SpecLimits? limits)
    {
        limits = inherited;
        if (!owner.TryGetProperty("limits", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return "\"limits\" must be an object of limit names and numbers, e.g. {\"depth\": 200}";
        }

        var result = inherited ?? Reading.SpecLimits.Default;
        foreach (var limit in value.EnumerateObject())
        {
            var text = limit.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? limit.Value.ToString() : limit.Value.GetRawText();
            if (!result.TryWith(limit.Name, text, out result, out var error))
            {
                return "\"limits\": " + error;
            }
        }

        limits = result;
        return null;
    }

    /// <summary>Reads a true/false property (<c>"strict"</c>, <c>"allowRemoteRefs"</c>) of an object: absent means <paramref name="absent"/>; the error when it is neither.</summary>
    private static string? NotBool(JsonElement owner, string name, bool absent, out bool value) =>
        TryParseBool(owner, name, absent, out value) ? null : $"\"{name}\" must be true or false";

    private static bool TryParseBool(JsonElement owner, string name, bool absent, out bool strict)
    {
        strict = absent;
        if (!owner.TryGetProperty(name, out var value))
        {
            return true;
        }

        strict = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>Reads <c>"clients"</c>: absent means single.</summary>
    private static bool TryParseGrouping(JsonElement value, out CodeGen.ClientGrouping grouping)
    {
        grouping = CodeGen.ClientGrouping.Single;
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        return value.ValueKind == JsonValueKind.String && TryParseGrouping(value.GetString(), out grouping);
    }

    /// <summary><c>single</c> or <c>tag</c>, as the config file and the CLI spell them.</summary>
    public static bool TryParseGrouping(string? text, out CodeGen.ClientGrouping grouping)
    {
        (var ok, grouping) = text switch
        {
            "single" => (true, CodeGen.ClientGrouping.Single),
            "tag" => (true, CodeGen.ClientGrouping.Tag),
            _ => (false, CodeGen.ClientGrouping.Single),
        };
        return ok;
    }

    /// <summary><c>spec/threads.yaml</c> → <c>ThreadsClient</c>.</summary>
    public static string DefaultClientName(string specPath)
    {
        var stem = Path.GetFileNameWithoutExtension(specPath);
        var pascal = CodeGen.CSharpNamingPublic.Pascal(stem);
        return pascal + "Client";
    }

    private static Diagnostic Error(string path, int line, int column, string message) =>
        new(DiagnosticIds.ConfigError, DiagnosticSeverity.Error, message, new SourceLocation(path, line, column));
}
