using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// Each DTO's System.Text.Json metadata, written into its own class: one line per property through the Runtime's
/// <c>JsonMetadata</c>, instead of the 20 lines and three lambdas per property the System.Text.Json source generator
/// would write at every build (half the compile time and memory of a generated client), and the property accessors
/// as two switches per type (<c>IJsonObject</c>) rather than two lambdas per property. In the DTO itself so that the
/// compiler binds it with the type, on any core, and a change to one type touches one file.
/// </summary>
public sealed partial class CSharpEmitter
{
    /// <summary>The DTOs' metadata method; the naming passes never make a member name that starts with '_'.</summary>
    internal const string JsonTypeInfoMethod = "__JsonTypeInfo";

    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    /// <summary>The C# type of a DTO's extension data, as its property declares it (nullable) and its metadata names it.</summary>
    private const string ExtensionDataType = "global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>";

    private void EmitJsonTypeInfo(SourceWriter writer, ObjectType type, ObjectType? baseType)
    {
        var name = _names.Type(type.Id);
        var levels = new List<(ObjectType Type, ObjectType? Base)>();
        for (ObjectType? level = type, levelBase = baseType; level is not null; level = levelBase, levelBase = level is null ? null : BaseOf(level))
        {
            levels.Add((level, levelBase));
        }

        // C# insists on every 'required' member in an object creation: the empty instance gets defaults, which the
        // JSON then sets (or, read leniently, leaves), as System.Text.Json's own metadata does.
        var required = levels
            .SelectMany(l => OwnProperties(l.Type, l.Base).Where(p => p.Required && !IsConstRequired(p, _types.Map(p.Type))).Select(p => _names.Member(l.Type.Id, p.JsonName)))
            .Select(member => $"{member} = default!");
        var create = $"static () => new {name} {{ {string.Join(", ", required)} }}";

        writer.Line();
        writer.Line("/// <summary>The System.Text.Json metadata of this type, for the contract's JSON context.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line($"internal static {(baseType is null ? string.Empty : "new ")}{Metadata}.JsonTypeInfo<{name}> {JsonTypeInfoMethod}(global::System.Text.Json.JsonSerializerOptions options) => {Runtime}.JsonMetadata.Object(options, {create}, static o =>");
        writer.Line("[");
        writer.Indent();
        var own = AccessorMembers(type, baseType);
        foreach (var (level, levelBase) in levels)
        {
            var owner = _names.Type(level.Id);
            var members = ReferenceEquals(level, type) ? own : AccessorMembers(level, levelBase);
            for (var index = 0; index < members.Count; index++)
            {
                var member = members[index];
                writer.Line($"{Runtime}.JsonMetadata.Property<{owner}, {member.ValueType}>(o, {index}, \"{member.Name}\", {member.JsonName}, {Runtime}.JsonPropertyFlags.{member.Flags}{member.Converter}),");
            }
        }

        writer.Unindent();
        writer.Line("]);");
        EmitAccessors(writer, name, own);
    }

    /// <summary>
    /// The <c>IJsonObject</c> accessors of the properties <paramref name="name"/> declares itself, by index. Nullable
    /// warnings are off inside them: the casts through <c>object</c> are the identity, whatever the annotations say.
    /// </summary>
    private static void EmitAccessors(SourceWriter writer, string name, IReadOnlyList<AccessorMember> members)
    {
        var self = $"{Runtime}.IJsonObject<{name}>";
        writer.Line();
        writer.Line("#nullable disable warnings");
        writer.Line($"static TValue {self}.GetJsonProperty<TValue>({name} owner, int index) => index switch");
        writer.Line("{");
        writer.Indent();
        for (var index = 0; index < members.Count; index++)
        {
            writer.Line($"{index} => (TValue)(object)owner.{members[index].Name},");
        }

        writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),");
        writer.Unindent();
        writer.Line("};");
        writer.Line();
        writer.Open($"static void {self}.SetJsonProperty<TValue>({name} owner, int index, TValue value)");
        writer.Open("switch (index)");
        for (var index = 0; index < members.Count; index++)
        {
            writer.Line($"case {index}: owner.{members[index].Name} = ({members[index].ValueType})(object)value; break;");
        }

        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        writer.Close();
        writer.Close();
        writer.Line("#nullable restore warnings");
    }

    /// <summary>One property as its metadata and accessors see it: the C# member, its declared type and its JSON rules.</summary>
    private sealed record AccessorMember(string Name, string JsonName, string ValueType, string Flags, string Converter);

    /// <summary>
    /// The properties a DTO declares itself, in index order: its own contract properties, then its extension data
    /// (declared by the root of a hierarchy only).
    /// </summary>
    private List<AccessorMember> AccessorMembers(ObjectType type, ObjectType? baseType)
    {
        var members = OwnProperties(type, baseType).Select(p => PropertyMember(type, p)).ToList();
        if (!type.AdditionalPropertiesForbidden && baseType is null)
        {
            _extraSerializable.Add(ExtensionDataType);
            var member = _names.ExtensionData(type.Id);
            members.Add(new AccessorMember(member, $"\"{member}\"", ExtensionDataType + "?", "ExtensionData", string.Empty));
        }

        return members;
    }

    /// <summary>The properties a DTO declares itself (not those of the class it derives from).</summary>
    private static IEnumerable<Property> OwnProperties(ObjectType type, ObjectType? baseType)
    {
        var inherited = baseType?.Properties.Select(p => p.JsonName).ToHashSet(System.StringComparer.Ordinal) ?? [];
        return type.Properties.Where(p => !inherited.Contains(p.JsonName));
    }

    /// <summary>One property's metadata: the C# type as <see cref="EmitProperty"/> declares it, and its JSON rules.</summary>
    private AccessorMember PropertyMember(ObjectType owner, Property property)
    {
        var csharp = _types.Map(property.Type);
        var member = _names.Member(owner.Id, property.JsonName);
        var flags = "None";
        string valueType;
        var converter = string.Empty;
        if (IsConstRequired(property, csharp))
        {
            (valueType, flags) = (csharp.Name, "Required");
        }
        else if (property.Required)
        {
            valueType = csharp.Annotated;
            flags = csharp.IsNullable || csharp.IsValueType ? "Required" : $"Required | {Runtime}.JsonPropertyFlags.NotNull";
        }
        else if (csharp.IsNullable)
        {
            valueType = $"{Runtime}.Optional<{csharp.Annotated}>";
            flags = "IgnoreWhenDefault";
            converter = $", new {Runtime}.OptionalJsonConverter<{csharp.Annotated}>()";
        }
        else
        {
            (valueType, flags) = (csharp.Name + "?", "IgnoreWhenNull");
        }

        _extraSerializable.Add(valueType);
        return new AccessorMember(member, CSharpSyntax.Literal(property.JsonName), valueType, flags, converter);
    }

    /// <summary>A required one-value enum: C# starts it at its value, so it is not a C# 'required' member.</summary>
    private bool IsConstRequired(Property property, CSharpType csharp) =>
        property.Required && !csharp.IsNullable && property.Type.Type is NamedRef named &&
        _types.TryDefinition(named.TypeId, out var definition) && definition is EnumType { Values.Count: 1 };
}
