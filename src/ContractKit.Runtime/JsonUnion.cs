using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContractKit.Runtime.Validation;

namespace ContractKit.Runtime;

/// <summary>A generated union: the JSON as received, and how to wrap JSON into one. For its JSON converter.</summary>
/// <typeparam name="TSelf">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonUnion<TSelf>
    where TSelf : class, IJsonUnion<TSelf>
{
    /// <summary>The JSON value, as received or as built.</summary>
    JsonElement Raw { get; }

    /// <summary>Wraps any JSON value.</summary>
    static abstract TSelf FromRaw(JsonElement raw);
}

/// <summary>
/// The one JSON converter of every generated union: any JSON value is read into the union, which writes it back
/// unchanged. One shared generic class rather than a nested converter in each union.
/// </summary>
/// <typeparam name="T">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionJsonConverter<T> : JsonConverter<T>
    where T : class, IJsonUnion<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromRaw(JsonElement.ParseValue(ref reader));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Raw.WriteTo(writer);
    }
}

/// <summary>The <c>TryGet…</c> of generated unions, shared: one call per variant instead of a method body each. Public for generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonUnion
{
    /// <summary>Reads <paramref name="raw"/> as a variant when the variant's schema accepts it.</summary>
    public static bool TryGet<T>(JsonElement raw, JsonSchemaValidator validator, JsonTypeInfo<T> typeInfo, [MaybeNullWhen(false)] out T value)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (validator.Validate(raw).IsValid)
        {
            value = JsonSerializer.Deserialize(raw, typeInfo);
            return value is not null;
        }

        value = default;
        return false;
    }

    /// <summary>Reads <paramref name="raw"/> as a variant when it is an object whose <paramref name="property"/> is one of the variant's <paramref name="tags"/>.</summary>
    public static bool TryGetTagged<T>(JsonElement raw, JsonTypeInfo<T> typeInfo, [MaybeNullWhen(false)] out T value, string property, params ReadOnlySpan<string> tags)
    {
        if (raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty(property, out var tag) && tag.ValueKind == JsonValueKind.String)
        {
            foreach (var candidate in tags)
            {
                if (tag.ValueEquals(candidate))
                {
                    value = JsonSerializer.Deserialize(raw, typeInfo);
                    return value is not null;
                }
            }
        }

        value = default;
        return false;
    }
}
