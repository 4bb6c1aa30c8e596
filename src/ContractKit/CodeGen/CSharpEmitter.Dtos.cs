using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>DTO classes and open string enums.</summary>
public sealed partial class CSharpEmitter
{
    private string EmitObject(ObjectType type)
    {
        var writer = StartFile();
        var name = _names.Type(type.Id);
        CSharpSyntax.WriteSummary(writer, type.Description ?? type.Title, UndeclaredRequiredRemarks(type));
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API contract.\")]");
        }

        var baseType = BaseOf(type);
        var accessors = $"{Runtime}.IJsonObject<{name}>";
        writer.Open(baseType is null ? $"public partial class {name} : {accessors}" : $"public partial class {name} : {_names.Type(baseType.Id)}, {accessors}");
        var inherited = baseType?.Properties.Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal) ?? [];
        var first = true;
        foreach (var property in type.Properties.Where(p => !inherited.Contains(p.JsonName)))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitProperty(writer, type, property);
        }

        if (!type.AdditionalPropertiesForbidden && baseType is null)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Properties the contract does not name; kept so that nothing the server sends is lost on a round trip.</summary>");
            if (type.UndeclaredRequired.Count > 0)
            {
                writer.Line($"/// <remarks>Also where the names the contract requires without declaring them are set and read: {RequiredNames(type)}.</remarks>");
            }

            writer.Line($"[{Json}.JsonExtensionData]");
            writer.Line($"public {ExtensionDataType}? {_names.ExtensionData(type.Id)} {{ get; set; }}");
        }

        EmitJsonTypeInfo(writer, type, baseType);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// Says where the names an object requires without declaring them go: JSON must carry them all the same, and the
    /// validators insist on them, but they have no type to give a property, so they travel in the extension data.
    /// </summary>
    private List<string>? UndeclaredRequiredRemarks(ObjectType type)
    {
        if (type.UndeclaredRequired.Count == 0)
        {
            return null;
        }

        var names = RequiredNames(type);
        return type.AdditionalPropertiesForbidden
            ? [$"The contract requires names it does not declare as properties, and forbids other properties, so no JSON satisfies it: {names}."]
            : [$"The contract requires names it does not declare as properties: {names}. JSON must carry them all the same; they are set and read in <see cref=\"{_names.ExtensionData(type.Id)}\"/>, which the validators check (deserialization does not)."];
    }

    private static string RequiredNames(ObjectType type) =>
        string.Join(", ", type.UndeclaredRequired.Select(name => $"<c>{CSharpSyntax.XmlText(name)}</c>"));

    /// <summary>
    /// The class a DTO derives from: the model's <see cref="ObjectType.Base"/>, when the inherited members keep their
    /// C# names here and no member of its own hides one; otherwise null, and the DTO declares every property itself.
    /// </summary>
    private ObjectType? BaseOf(ObjectType type)
    {
        if (type.Base is not { } baseId || !_types.TryDefinition(baseId, out var definition) || definition is not ObjectType baseType)
        {
            return null;
        }

        var baseMembers = baseType.Properties.Select(p => _names.Member(baseId, p.JsonName)).ToHashSet(StringComparer.Ordinal);
        if (!baseType.AdditionalPropertiesForbidden)
        {
            if (_names.ExtensionData(baseId) != _names.ExtensionData(type.Id))
            {
                return null;
            }

            baseMembers.Add(_names.ExtensionData(baseId));
        }

        var inherited = baseType.Properties.Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);
        var sameNames = baseType.Properties.All(p => _names.Member(baseId, p.JsonName) == _names.Member(type.Id, p.JsonName));
        var hides = type.Properties.Any(p => !inherited.Contains(p.JsonName) && baseMembers.Contains(_names.Member(type.Id, p.JsonName)));
        return sameNames && !hides && !baseMembers.Contains(_names.Type(type.Id)) ? baseType : null;
    }

    private void EmitProperty(SourceWriter writer, ObjectType owner, Property property)
    {
        var csharp = _types.Map(property.Type);
        var memberName = _names.Member(owner.Id, property.JsonName);
        var remarks = DescribeUse(property.Type);
        if (property.Deprecated && property.Required)
        {
            // C# forbids [Obsolete] on a required member (CS9042): the documentation says it instead.
            remarks.Insert(0, "<para>Deprecated in the API contract.</para>");
        }

        CSharpSyntax.WriteSummary(writer, property.Description, remarks);
        if (property.Deprecated && !property.Required)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API contract.\")]");
        }

        writer.Line($"[{Json}.JsonPropertyName({CSharpSyntax.Literal(property.JsonName)})]");
        if (IsConstRequired(property, csharp))
        {
            var single = (EnumType)_types.Definition(((NamedRef)property.Type.Type).TypeId);
            // A const (or one-value enum): there is nothing to choose, so C# starts with the value; JSON must still have it.
            writer.Line($"[{Json}.JsonRequired]");
            writer.Line($"public {csharp.Name} {memberName} {{ get; set; }} = {csharp.Name}.{_names.Member(single.Id, single.Values[0].Value)};");
        }
        else if (property.Required)
        {
            // Required: always present, so null-or-value is the whole story; C# 'required' makes STJ insist on it too.
            writer.Line($"public required {csharp.Annotated} {memberName} {{ get; set; }}");
        }
        else if (csharp.IsNullable)
        {
            // Optional and nullable: absent, null and a value are three different requests (PATCH semantics).
            writer.Line($"[{Json}.JsonIgnore(Condition = {Json}.JsonIgnoreCondition.WhenWritingDefault)]");
            writer.Line($"[{Json}.JsonConverter(typeof({Runtime}.OptionalJsonConverter<{csharp.TypeOfSpelling}>))]");
            writer.Line($"public {Runtime}.Optional<{csharp.Annotated}> {memberName} {{ get; set; }}");
        }
        else
        {
            // Optional, not nullable: null in C# means "absent" and is never written.
            writer.Line($"[{Json}.JsonIgnore(Condition = {Json}.JsonIgnoreCondition.WhenWritingNull)]");
            writer.Line($"public {csharp.Name}? {memberName} {{ get; set; }}");
        }
    }

    /// <summary>
    /// Limits and defaults of a property, said in its doc comment so that IntelliSense shows them: those written on the
    /// property, on the named map/array/primitive it refers to, and on a map's keys and values.
    /// </summary>
    private List<string> DescribeUse(TypeUse use)
    {
        var lines = DescribeConstraints(use.Constraints);
        var keys = use.Constraints.PropertyNames;
        var type = use.Type;
        if (type is NamedRef named && _types.TryDefinition(named.TypeId, out var definition) && definition is MapType or ArrayType or PrimitiveType)
        {
            lines.AddRange(DescribeConstraints(definition.Constraints));
            keys ??= definition.Constraints.PropertyNames;
            type = definition switch
            {
                MapType map => new MapRef(map.Values),
                ArrayType array => new ArrayRef(array.Items),
                _ => type,
            };
        }

        if (type is MapRef mapRef)
        {
            if (keys is not null)
            {
                lines.AddRange(DescribeConstraints(keys, "Keys: "));
            }

            lines.AddRange(DescribeConstraints(mapRef.Values.Constraints, "Values: "));
        }
        else if (type is ArrayRef arrayRef)
        {
            lines.AddRange(DescribeConstraints(arrayRef.Items.Constraints, "Items: "));
        }

        return lines;
    }

    private static List<string> DescribeConstraints(Constraints c, string prefix = "")
    {
        var lines = new List<string>();
        void Add(string text) => lines.Add("<para>" + prefix + (prefix.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text) + "</para>");
        if (c.MaxItems is { } maxItems)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"At most {maxItems} items."));
        }

        if (c.MinItems is { } minItems)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"At least {minItems} items."));
        }

        if (c.MaxLength is { } maxLength)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"At most {maxLength} characters."));
        }

        if (c.MinLength is { } minLength)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"At least {minLength} characters."));
        }

        if (c.MaxProperties is { } maxProperties)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"At most {maxProperties} entries."));
        }

        if (c.Minimum is { } minimum)
        {
            Add($"Minimum: {CSharpSyntax.XmlText(minimum)}.");
        }

        if (c.Maximum is { } maximum)
        {
            Add($"Maximum: {CSharpSyntax.XmlText(maximum)}.");
        }

        if (c.Pattern is { } pattern)
        {
            Add($"Pattern: <c>{CSharpSyntax.XmlText(pattern)}</c>.");
        }

        if (c.Default is { } defaultValue)
        {
            Add($"Default: <c>{CSharpSyntax.XmlText(defaultValue)}</c>.");
        }

        return lines;
    }
}
