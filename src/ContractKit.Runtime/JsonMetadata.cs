using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContractKit.Runtime;

/// <summary>What a generated property's metadata says beyond its names and accessors.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonPropertyFlags
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>The JSON must carry the property (C# <c>required</c>, or <c>[JsonRequired]</c>).</summary>
    Required = 1,

    /// <summary>A non-nullable reference: JSON null is an error while nullable annotations are respected.</summary>
    NotNull = 2,

    /// <summary>Not written while it has its default value (an absent <see cref="Optional{T}"/>).</summary>
    IgnoreWhenDefault = 4,

    /// <summary>Not written while null (an optional, non-nullable property).</summary>
    IgnoreWhenNull = 8,

    /// <summary>The property that keeps the members the contract does not name.</summary>
    ExtensionData = 16,
}

/// <summary>
/// The System.Text.Json metadata of generated code, built from one short call per type and per property: what the
/// System.Text.Json source generator would write out in full for every type at every build (about 20 lines and three
/// lambdas per property, all bound by the compiler), written by ContractKit once instead. Everything is created
/// through <see cref="JsonMetadataServices"/>, so it is as trim- and AOT-safe as source-generated metadata: no
/// reflection, no code generated at run time. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonMetadata
{
    /// <summary>
    /// A DTO's metadata: <paramref name="create"/> makes an empty instance, <paramref name="properties"/> describes the
    /// members (derived ones first, then the base's, as System.Text.Json orders them). A converter registered in the
    /// options for <typeparamref name="T"/> wins, as with source-generated metadata.
    /// </summary>
    public static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options, Func<T> create, Func<JsonSerializerOptions, JsonPropertyInfo[]> properties)
        where T : class
    {
        if (RuntimeConverter<T>(options) is { } custom)
        {
            return custom;
        }

        return InheritNumberHandling(JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties(options),
        }));
    }

    /// <summary>
    /// One property of a DTO, declared by <typeparamref name="TOwner"/>: its accessors are <typeparamref name="TOwner"/>'s
    /// <see cref="IJsonObject{TSelf}"/> members at <paramref name="index"/> (one switch per type, not two lambdas per
    /// property, which is what the compiler pays for).
    /// </summary>
    public static JsonPropertyInfo Property<TOwner, TValue>(
        JsonSerializerOptions options,
        int index,
        string name,
        string jsonName,
        JsonPropertyFlags flags = JsonPropertyFlags.None,
        JsonConverter<TValue>? converter = null)
        where TOwner : class, IJsonObject<TOwner>
    {
        var property = JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TOwner),
            Converter = converter,
            Getter = owner => TOwner.GetJsonProperty<TValue>((TOwner)owner, index),
            Setter = (owner, value) => TOwner.SetJsonProperty((TOwner)owner, index, value!),
            IgnoreCondition = (flags & JsonPropertyFlags.IgnoreWhenDefault) != 0 ? JsonIgnoreCondition.WhenWritingDefault
                : (flags & JsonPropertyFlags.IgnoreWhenNull) != 0 ? JsonIgnoreCondition.WhenWritingNull
                : null,
            IsExtensionData = (flags & JsonPropertyFlags.ExtensionData) != 0,
            PropertyName = name,
            JsonPropertyName = jsonName,
        });
        property.IsRequired = (flags & JsonPropertyFlags.Required) != 0;
        if ((flags & JsonPropertyFlags.NotNull) != 0)
        {
            property.IsGetNullable = false;
            property.IsSetNullable = false;
        }

        return property;
    }

    /// <summary>A type read and written by its own converter: open enums, unions.</summary>
    public static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        RuntimeConverter<T>(options) ?? JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary><typeparamref name="T"/>? through the metadata of <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T?> Nullable<T>(JsonSerializerOptions options)
        where T : struct =>
        RuntimeConverter<T?>(options) ?? JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter<T>(options));

    /// <summary>A JSON array as <see cref="IList{T}"/> (a <see cref="List{T}"/> when read).</summary>
    public static JsonTypeInfo<IList<T>> List<T>(JsonSerializerOptions options) =>
        RuntimeConverter<IList<T>>(options) ?? InheritNumberHandling(JsonMetadataServices.CreateIListInfo<IList<T>, T>(options, new JsonCollectionInfoValues<IList<T>>
        {
            ObjectCreator = static () => new List<T>(),
        }));

    /// <summary>A JSON object as <see cref="IDictionary{TKey, TValue}"/> with string keys (a <see cref="Dictionary{TKey, TValue}"/> when read).</summary>
    public static JsonTypeInfo<IDictionary<string, T>> Map<T>(JsonSerializerOptions options) =>
        RuntimeConverter<IDictionary<string, T>>(options) ?? InheritNumberHandling(JsonMetadataServices.CreateIDictionaryInfo<IDictionary<string, T>, string, T>(options, new JsonCollectionInfoValues<IDictionary<string, T>>
        {
            ObjectCreator = static () => new Dictionary<string, T>(),
        }));

    /// <summary>
    /// The info values' number handling defaults to strict, which would override the options' (named floating-point
    /// literals: infinity is written as "Infinity"); null inherits it, as source-generated metadata does.
    /// </summary>
    private static JsonTypeInfo<T> InheritNumberHandling<T>(JsonTypeInfo<T> info)
    {
        info.NumberHandling = null;
        return info;
    }

    /// <summary>A converter from <see cref="JsonSerializerOptions.Converters"/> for <typeparamref name="T"/>, as metadata; null when there is none.</summary>
    private static JsonTypeInfo<T>? RuntimeConverter<T>(JsonSerializerOptions options)
    {
        foreach (var converter in options.Converters)
        {
            if (converter.CanConvert(typeof(T)))
            {
                var expanded = converter is JsonConverterFactory factory ? factory.CreateConverter(typeof(T), options) : converter;
                if (expanded is null)
                {
                    throw new InvalidOperationException($"The converter factory '{converter.GetType()}' returned no converter for '{typeof(T)}'.");
                }

                return JsonMetadataServices.CreateValueInfo<T>(options, expanded);
            }
        }

        return null;
    }
}
