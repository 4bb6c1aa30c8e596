using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// Open enums: a struct per enum that keeps values the contract does not list yet and writes them back unchanged.
/// String and integer enums share one writer; they differ in the value's C# type, its literals and the converter.
/// </summary>
public sealed partial class CSharpEmitter
{
    private string EmitEnum(EnumType type)
    {
        var integer = type.Kind == PrimitiveKind.Integer;
        string Literal(string value) => integer ? value + "L" : CSharpSyntax.Literal(value);
        var writer = StartFile();
        var name = _names.Type(type.Id);
        CSharpSyntax.WriteSummary(
            writer,
            type.Description ?? type.Title,
            [$"An open {(integer ? "integer enum" : "enum")}: values the contract does not list yet are kept as they are, and written back unchanged."]);
        writer.Line($"[{Json}.JsonConverter(typeof({name}.Converter))]");
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        if (integer)
        {
            writer.Line("/// <summary>Wraps any value, known or not.</summary>");
            writer.Line($"public {name}(long value) => Value = value;");
        }
        else
        {
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.Line("/// <summary>Wraps any value, known or not.</summary>");
            writer.Open($"public {name}(string value)");
            writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Close();
        }

        foreach (var value in type.Values)
        {
            writer.Line();
            writer.Line($"/// <summary><c>{CSharpSyntax.XmlText(value.Value)}</c></summary>");
            writer.Line($"public static {name} {_names.Member(type.Id, value.Value)} {{ get; }} = new({Literal(value.Value)});");
        }

        writer.Line();
        writer.Line("/// <summary>The value as it appears in JSON.</summary>");
        writer.Line(integer ? "public long Value { get; }" : "public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>True when the value is one the contract lists.</summary>");
        writer.Open("public bool IsKnown => Value switch");
        foreach (var value in type.Values)
        {
            writer.Line($"{Literal(value.Value)} => true,");
        }

        writer.Line("_ => false,");
        writer.Close(";");
        writer.Line();
        writer.Lines(integer ? IntegerEnumMembers(name) : StringEnumMembers(name));
        writer.Close();
        return writer.ToString();
    }

    /// <summary>Operators, equality and the JSON converter of a string enum (JSON strings, known or not).</summary>
    private static string StringEnumMembers(string name) => $$"""
            public static implicit operator {{name}}(string value) => new(value);

            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            public bool Equals({{name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

            public override string ToString() => Value;

            /// <summary>Reads and writes the value as a JSON string, known or not.</summary>
            public sealed class Converter : {{Json}}.JsonConverter<{{name}}>
            {
                public override {{name}} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
                    reader.TokenType == global::System.Text.Json.JsonTokenType.String
                        ? new {{name}}(reader.GetString()!)
                        : throw new global::System.Text.Json.JsonException($"Expected a string for {{name}}, found {reader.TokenType}.");

                public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{name}} value, global::System.Text.Json.JsonSerializerOptions options) =>
                    writer.WriteStringValue(value.Value);

                public override {{name}} ReadAsPropertyName(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
                    new {{name}}(reader.GetString()!);

                public override void WriteAsPropertyName(global::System.Text.Json.Utf8JsonWriter writer, {{name}} value, global::System.Text.Json.JsonSerializerOptions options) =>
                    writer.WritePropertyName(value.Value);
            }
            """;

    /// <summary>Operators, equality and the JSON converter of an integer enum (JSON integers, known or not).</summary>
    private static string IntegerEnumMembers(string name) => $$"""
            public static implicit operator {{name}}(long value) => new(value);

            public static explicit operator long({{name}} value) => value.Value;

            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            public bool Equals({{name}} other) => Value == other.Value;

            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            public override int GetHashCode() => Value.GetHashCode();

            public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

            /// <summary>Reads and writes the value as a JSON integer, known or not (<c>2.0</c> reads as <c>2</c>).</summary>
            public sealed class Converter : {{Json}}.JsonConverter<{{name}}>
            {
                public override {{name}} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
                {
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number)
                    {
                        if (reader.TryGetInt64(out var value))
                        {
                            return new {{name}}(value);
                        }

                        if (reader.TryGetDecimal(out var number) && decimal.Truncate(number) == number && number >= long.MinValue && number <= long.MaxValue)
                        {
                            return new {{name}}((long)number);
                        }
                    }

                    throw new global::System.Text.Json.JsonException($"Expected an integer for {{name}}, found {reader.TokenType}.");
                }

                public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{name}} value, global::System.Text.Json.JsonSerializerOptions options) =>
                    writer.WriteNumberValue(value.Value);

                public override {{name}} ReadAsPropertyName(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
                    long.TryParse(reader.GetString(), global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var value)
                        ? new {{name}}(value)
                        : throw new global::System.Text.Json.JsonException($"Expected an integer key for {{name}}.");

                public override void WriteAsPropertyName(global::System.Text.Json.Utf8JsonWriter writer, {{name}} value, global::System.Text.Json.JsonSerializerOptions options) =>
                    writer.WritePropertyName(value.ToString());
            }
            """;
}
