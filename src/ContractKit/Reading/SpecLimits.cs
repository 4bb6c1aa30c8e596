using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace ContractKit.Reading;

/// <summary>
/// Caps that keep hostile or broken input from exhausting the stack or memory. The defaults are far above the largest
/// real spec (the whole OpenAI API: 3 MB, 1,422 schemas, ~250 operations, nesting below 40); exceeding one is a located
/// CK1013 error (exit 1). Configurable: <c>--limit name=value</c>, <c>"limits": {…}</c> in <c>contractkit.json</c>,
/// <see cref="Pipeline.LoadOptions.Limits"/>. Listed with their defaults in SECURITY.md.
/// </summary>
public sealed record SpecLimits
{
    /// <summary>The nesting depth cannot be raised past this: recursive consumers (DeepClone, Microsoft.OpenApi) must stay within the stack.</summary>
    public const int DepthCeiling = 1000;

    private static readonly AsyncLocal<SpecLimits?> Ambient = new();

    /// <summary>The defaults.</summary>
    public static SpecLimits Default { get; } = new();

    /// <summary>The largest spec file read, in bytes (64 MiB); checked before the file is read into memory. Also each file a <c>$ref</c> points at.</summary>
    public long MaxDocumentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The deepest nesting of the document (YAML and JSON), at most <see cref="DepthCeiling"/>.</summary>
    public int MaxDepth { get; init; } = DepthCeiling;

    /// <summary>
    /// How many nodes YAML aliases may copy in total. Aliases are expanded into copies because a JsonNode has one
    /// parent; without a cap, nested aliases ("billion laughs") expand exponentially.
    /// </summary>
    public int MaxAliasExpansion { get; init; } = 1_000_000;

    /// <summary>The most schemas under <c>components/schemas</c> (or Swagger 2.0 <c>definitions</c>).</summary>
    public int MaxSchemas { get; init; } = 50_000;

    /// <summary>The most operations (method entries under <c>paths</c> and <c>webhooks</c>).</summary>
    public int MaxOperations { get; init; } = 50_000;

    /// <summary>The longest string (key or value) in the document, in characters (1 Mi).</summary>
    public int MaxStringLength { get; init; } = 1024 * 1024;

    /// <summary>
    /// The largest payload <c>validate</c> reads, in bytes (64 MiB): checked before the file is read (by its length, and
    /// by reading no further), like <see cref="MaxDocumentBytes"/> for the spec. Not a limit of the spec itself.
    /// </summary>
    public long MaxPayloadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The deepest nesting of a payload <c>validate</c> accepts, at most <see cref="DepthCeiling"/> (the validator's walk is recursive).</summary>
    public int MaxPayloadDepth { get; init; } = DepthCeiling;

    /// <summary>The limits in effect for reading on this logical thread (set by <see cref="Use"/>), else the defaults.</summary>
    internal static SpecLimits Current => Ambient.Value ?? Default;

    /// <summary>The names used by <c>--limit</c> and <c>contractkit.json</c>, with what each bounds.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["document-size"] = "bytes of a spec file (and of each file a $ref points at)",
        ["depth"] = $"nesting depth of the document (at most {DepthCeiling})",
        ["alias-expansion"] = "nodes YAML aliases may copy in total",
        ["schemas"] = "schemas under components/schemas (or definitions)",
        ["operations"] = "operations under paths and webhooks",
        ["string-length"] = "characters of the longest key or string",
        ["payload-size"] = "bytes of a payload validate reads",
        ["payload-depth"] = $"nesting depth of a payload validate accepts (at most {DepthCeiling})",
    };

    /// <summary>Makes <paramref name="limits"/> the ones reading uses on this logical thread (and the tasks it starts) until disposed.</summary>
    internal static IDisposable Use(SpecLimits? limits)
    {
        var previous = Ambient.Value;
        Ambient.Value = limits ?? previous;
        return new Scope(previous);
    }

    /// <summary>These limits with one changed by name (<see cref="Names"/>); false with a message for an unknown name or a bad value.</summary>
    public bool TryWith(string name, string value, out SpecLimits limits, out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        limits = this;
        if (!Names.ContainsKey(name))
        {
            error = $"unknown limit '{name}'; the limits are {string.Join(", ", Names.Keys)}";
            return false;
        }

        var ceiling = name switch
        {
            "depth" or "payload-depth" => DepthCeiling,
            "document-size" or "payload-size" => 1L << 30,
            _ => int.MaxValue,
        };
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > ceiling)
        {
            error = $"limit '{name}' must be a whole number from 1 to {ceiling.ToString("N0", CultureInfo.InvariantCulture)}, not '{value}'";
            return false;
        }

        error = null;
        limits = name switch
        {
            "document-size" => this with { MaxDocumentBytes = number },
            "depth" => this with { MaxDepth = (int)number },
            "alias-expansion" => this with { MaxAliasExpansion = (int)number },
            "schemas" => this with { MaxSchemas = (int)number },
            "operations" => this with { MaxOperations = (int)number },
            "payload-size" => this with { MaxPayloadBytes = number },
            "payload-depth" => this with { MaxPayloadDepth = (int)number },
            _ => this with { MaxStringLength = (int)number },
        };
        return true;
    }

    /// <summary>Applies <c>name=value</c> settings in order (the <c>--limit</c> option); the first problem is the error.</summary>
    public bool TryWith(IEnumerable<string> settings, out SpecLimits limits, out string? error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        limits = this;
        error = null;
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !limits.TryWith(setting[..equals].Trim(), setting[(equals + 1)..].Trim(), out limits, out error))
            {
                error ??= $"--limit takes name=value (e.g. depth=200), not '{setting}'";
                return false;
            }
        }

        return true;
    }

    private sealed class Scope(SpecLimits? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
