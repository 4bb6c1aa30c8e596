using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractKit.Runtime;

/// <summary>A generated open string enum: any string, known to the contract or not. For its JSON converter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenStringEnum<TSelf>
    where TSelf : struct, IOpenStringEnum<TSelf>
{
    /// <summary>The value as it appears in JSON.</summary>
    string Value { get; }

    /// <summary>Wraps any value, known or not.</summary>
    static abstract TSelf Create(string value);
}

/// <summary>A generated open integer enum: any integer, known to the contract or not. For its JSON converter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenIntegerEnum<TSelf>
    where TSelf : struct, IOpenIntegerEnum<TSelf>
{
    /// <summary>The value as it appears in JSON.</summary>
    long Value { get; }

    /// <summary>Wraps any value, known or not.</summary>
    static abstract TSelf Create(long value);
}

/// <summary>
/// Reads and writes an open string enum as a JSON string, known or not (also as a property name, for maps keyed by
/// it). One class for every enum of every contract, instead of a converter written into each.
/// </summary>
public sealed class OpenStringEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IOpenStringEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.Create(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.Create(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);
}

/// <summary>
/// Reads and writes an open integer enum as a JSON integer, known or not (<c>2.0</c> reads as <c>2</c>; also as a
/// property name, for maps keyed by it). One class for every enum of every contract.
/// </summary>
public sealed class OpenIntegerEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IOpenIntegerEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var value))
            {
                return T.Create(value);
            }

            if (reader.TryGetDecimal(out var number) && decimal.Truncate(number) == number && number >= long.MinValue && number <= long.MaxValue)
            {
                return T.Create((long)number);
            }
        }

        throw new JsonException($"Expected an integer for {typeof(T).Name}, found {reader.TokenType}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? T.Create(value)
            : throw new JsonException($"Expected an integer key for {typeof(T).Name}.");

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value.ToString(CultureInfo.InvariantCulture));
}
