using System;
using System.Collections.Concurrent;

namespace ContractKit.Runtime.Validation;

/// <summary>Compiled validators by schema text and options, so repeated Compile calls are cheap. Bounded.</summary>
internal static class ValidatorCache
{
    private const int Capacity = 512;

    private static readonly ConcurrentDictionary<Key, JsonSchemaValidator> Entries = new();

    public static JsonSchemaValidator GetOrAdd(string schemaJson, SchemaOptions options, Uri? baseUri, Func<JsonSchemaValidator> compile)
    {
        var key = new Key(schemaJson, options.DefaultDialect, options.OpenApi30, options.OpenApiVocabulary, options.FormatAssertion,
            options.ThrowOnInvalidPattern, options.Registry, options.Registry?.Version ?? 0, baseUri?.OriginalString);
        if (Entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var validator = compile();
        if (Entries.Count >= Capacity)
        {
            Entries.Clear();
        }

        return Entries.GetOrAdd(key, validator);
    }

    private readonly record struct Key(
        string Schema,
        SchemaDialect Dialect,
        bool OpenApi30,
        bool OpenApiVocabulary,
        bool FormatAssertion,
        bool ThrowOnInvalidPattern,
        SchemaRegistry? Registry,
        int RegistryVersion,
        string? BaseUri);
}
