using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using ContractKit.Runtime.Validation.Compiler;

namespace ContractKit.Runtime.Validation;

/// <summary>
/// Schema documents that <c>$ref</c> can reach, by absolute URI: the URI given and every <c>$id</c> embedded in them.
/// Thread-safe. Validators compiled before a document is added do not see it.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _embedded = new(StringComparer.Ordinal);
    private int _version;

    internal int Version => Volatile.Read(ref _version);

    /// <summary>Registers <paramref name="document"/> under <paramref name="uri"/> and under every <c>$id</c> it embeds.</summary>
    public void Add(Uri uri, JsonElement document)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The URI of a registered schema must be absolute.", nameof(uri));
        }

        var root = document.Clone();
        var key = UriText.WithoutFragment(UriText.Normalize(uri.OriginalString));
        var ids = new List<string>();
        SchemaIdScanner.Collect(root, key, ids);
        lock (_gate)
        {
            _documents[key] = root;
            foreach (var id in ids)
            {
                _embedded[id] = key;
            }

            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Parses <paramref name="json"/> and registers it like <see cref="Add(Uri, JsonElement)"/>.</summary>
    public void Add(Uri uri, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        Add(uri, doc.RootElement);
    }

    /// <summary>Finds the document whose URI, or one of whose embedded identifiers, is <paramref name="uri"/> (no fragment).</summary>
    internal bool TryFind(string uri, out string documentUri, out JsonElement document)
    {
        lock (_gate)
        {
            if (_documents.TryGetValue(uri, out document))
            {
                documentUri = uri;
                return true;
            }

            if (_embedded.TryGetValue(uri, out var owner) && _documents.TryGetValue(owner, out document))
            {
                documentUri = owner;
                return true;
            }
        }

        documentUri = "";
        document = default;
        return false;
    }
}
