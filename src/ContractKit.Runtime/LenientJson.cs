using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContractKit.Runtime;

/// <summary>
/// How generated clients read response bodies: like the generated source-gen context, except that a required member
/// the server left out stays at its default and a JSON null in a non-nullable member is kept as null, instead of
/// failing the whole read. The contract check, not the deserializer, says what is wrong (see
/// <see cref="ContractViolation.MissingProperties"/>). Trim- and AOT-safe: it only adds a modifier to the generated
/// resolver.
/// </summary>
internal static class LenientJson
{
    /// <summary>One lenient options instance per generated context's options, built once and kept (never per call).</summary>
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Cache = new();

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions>.CreateValueCallback Create = CreateLenient;

    /// <summary>The lenient counterpart of a generated type's metadata; after the first call a lookup that allocates nothing.</summary>
    public static JsonTypeInfo<T> For<T>(JsonTypeInfo<T> strict)
    {
        var lenient = Cache.GetValue(strict.Options, Create);
        return (JsonTypeInfo<T>)lenient.GetTypeInfo(typeof(T));
    }

    private static JsonSerializerOptions CreateLenient(JsonSerializerOptions strict)
    {
        var resolver = strict.TypeInfoResolver ?? throw new InvalidOperationException("The generated JSON options have no type resolver.");
        var options = new JsonSerializerOptions(strict)
        {
            TypeInfoResolver = resolver.WithAddedModifier(Relax),
            RespectNullableAnnotations = false,
            RespectRequiredConstructorParameters = false,
        };
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
