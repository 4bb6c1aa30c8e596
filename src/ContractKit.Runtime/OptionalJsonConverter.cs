using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContractKit.Runtime;

/// <summary>
/// Reads and writes <see cref="Optional{T}"/>. Generated code puts it on each tri-state property together with
/// <c>[JsonIgnore(Condition = WhenWritingDefault)]</c>, so that an absent value is not written, and a property
/// missing from the JSON stays absent. The inner value goes through the options' metadata for <typeparamref name="T"/>
/// (a source-generated context), so no reflection is used.
/// </summary>
public sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new Optional<T>(default!);
        }

        return new Optional<T>(JsonSerializer.Deserialize(ref reader, GetTypeInfo(options))!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
    {
        // Absent values are skipped by the property's ignore condition; reaching here absent means the
        // converter was used outside a property (e.g. as a root value), where null is the only honest output.
        if (!value.IsPresent || value.IsNull)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value.Value, GetTypeInfo(options));
    }

    private static JsonTypeInfo<T> GetTypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
