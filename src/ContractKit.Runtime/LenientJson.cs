using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContractKit.Runtime;

/// <summary>
/// How generated clients read response bodies: like the generated source-gen context, except that a required member
/// the server left out stays at its default and a JSON null in a non-nullable member is kept as null, instead of
/// failing the whole read. The contract check, not the deserializer, says what is wrong (see
/// <see cref="ContractViolation.MissingProperties"/>). Also the context's metadata with another depth limit
/// (<see cref="ResponseLimits.MaxDepth"/>). Trim- and AOT-safe: it only adds a modifier to the generated resolver.
/// </summary>
internal static class LenientJson
{
    /// <summary>The variants of one generated context's options, built once each and kept (never per call).</summary>
    private static readonly ConditionalWeakTable<JsonSerializerOptions, Variants> Cache = new();

    private static readonly ConditionalWeakTable<JsonSerializerOptions, Variants>.CreateValueCallback Create = static strict => new Variants(strict);

    /// <summary>The lenient counterpart of a generated type's metadata, reading at most <paramref name="maxDepth"/> levels (0: the context's own).</summary>
    public static JsonTypeInfo<T> For<T>(JsonTypeInfo<T> strict, int maxDepth = 0) => Variant(strict, lenient: true, maxDepth);

    /// <summary>The generated type's own (strict) metadata, reading at most <paramref name="maxDepth"/> levels (0: the context's own).</summary>
    public static JsonTypeInfo<T> Strict<T>(JsonTypeInfo<T> strict, int maxDepth) => Variant(strict, lenient: false, maxDepth);

    /// <summary>After the first call for a depth, a lookup that allocates nothing.</summary>
    private static JsonTypeInfo<T> Variant<T>(JsonTypeInfo<T> strict, bool lenient, int maxDepth)
    {
        var options = Cache.GetValue(strict.Options, Create).Get(lenient, maxDepth);
        return ReferenceEquals(options, strict.Options) ? strict : (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    private sealed class Variants(JsonSerializerOptions strict)
    {
        /// <summary>More depths than any real client uses: past this, options are built per call rather than kept without bound.</summary>
        private const int MaxKept = 16;

        private readonly int _ownDepth = strict.MaxDepth == 0 ? ResponseLimits.DefaultMaxDepth : strict.MaxDepth;
        private readonly JsonSerializerOptions _lenient = Build(strict, lenient: true, depth: 0);
        private readonly ConcurrentDictionary<(bool Lenient, int Depth), JsonSerializerOptions> _others = new();

        public JsonSerializerOptions Get(bool lenient, int depth)
        {
            if (depth <= 0 || depth == _ownDepth)
            {
                return lenient ? _lenient : strict;
            }

            if (_others.TryGetValue((lenient, depth), out var kept))
            {
                return kept;
            }

            var built = Build(strict, lenient, depth);
            return _others.Count < MaxKept ? _others.GetOrAdd((lenient, depth), built) : built;
        }
    }

    private static JsonSerializerOptions Build(JsonSerializerOptions strict, bool lenient, int depth)
    {
        var resolver = strict.TypeInfoResolver ?? throw new InvalidOperationException("The generated JSON options have no type resolver.");
        var options = new JsonSerializerOptions(strict);
        if (lenient)
        {
            options.TypeInfoResolver = resolver.WithAddedModifier(Relax);
            options.RespectNullableAnnotations = false;
            options.RespectRequiredConstructorParameters = false;
        }

        if (depth > 0)
        {
            options.MaxDepth = depth;
        }

        options.MakeReadOnly();
        return options;
    }

    private static void Relax(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            property.IsRequired = false;
        }
    }
}
