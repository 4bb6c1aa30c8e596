using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// Open enums: a struct per enum that keeps values the contract does not list yet and writes them back unchanged.
/// String and integer enums share one writer; they differ in the value's C# type, its literals and the converter
/// (Runtime's <c>OpenStringEnumJsonConverter</c> / <c>OpenIntegerEnumJsonConverter</c>, one for all enums).
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
        var kind = integer ? "Integer" : "String";
        writer.Line($"[{Json}.JsonConverter(typeof({Runtime}.Open{kind}EnumJsonConverter<{name}>))]");
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>, {Runtime}.IOpen{kind}Enum<{name}>");
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
            writer.Line($"public static readonly {name} {_names.Member(type.Id, value.Value)} = new({Literal(value.Value)});");
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

    /// <summary>Operators and equality of a string enum; JSON goes through Runtime's one shared converter.</summary>
    private static string StringEnumMembers(string name) => $$"""
            public static implicit operator {{name}}(string value) => new(value);

            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            public bool Equals({{name}} other) => Value == other.Value;

            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            public override int GetHashCode() => Value.GetHashCode();

            public override string ToString() => Value;

            static {{name}} {{Runtime}}.IOpenStringEnum<{{name}}>.Create(string value) => new(value);
            """;

    /// <summary>Operators and equality of an integer enum; JSON goes through Runtime's one shared converter.</summary>
    private static string IntegerEnumMembers(string name) => $$"""
            public static implicit operator {{name}}(long value) => new(value);

            public static explicit operator long({{name}} value) => value.Value;

            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            public bool Equals({{name}} other) => Value == other.Value;

            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            public override int GetHashCode() => Value.GetHashCode();

            public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

            static {{name}} {{Runtime}}.IOpenIntegerEnum<{{name}}>.Create(long value) => new(value);
            """;
}
