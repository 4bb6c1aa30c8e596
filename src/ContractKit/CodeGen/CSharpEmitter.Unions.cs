using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> as real unions: a class that keeps the JSON as received (<c>Raw</c>), with
/// <c>TryGet…</c> per variant, <c>Match</c>, and factories. With a discriminator the tag picks the variant; without
/// one, the variant's own schema (the contract's, through the validator) decides, so that a string never passes
/// for an object and an object never passes for the wrong object.
/// </summary>
public sealed partial class CSharpEmitter
{
    private sealed record Variant(string Name, CSharpType Type, TypeUse Use, IReadOnlyList<string> Tags);

    private string EmitUnion(UnionType union)
    {
        var writer = StartFile();
        var name = _names.Type(union.Id);
        var variants = Variants(union);
        var discriminated = union.Discriminator is not null && variants.All(v => v.Tags.Count > 0);
        var kind = union.Kind == UnionKind.OneOf ? "exactly one" : "at least one";
        CSharpSyntax.WriteSummary(
            writer,
            union.Description ?? union.Title,
            [$"A union: the JSON is {kind} of {string.Join(", ", variants.Select(v => $"<c>{CSharpSyntax.XmlText(v.Type.Name)}</c>"))}. Read it with the <c>TryGet…</c> methods or <c>Match</c>; <c>Raw</c> keeps the JSON exactly as received."]);
        writer.Line($"[{Json}.JsonConverter(typeof({Runtime}.UnionJsonConverter<{name}>))]");
        writer.Open($"public sealed partial class {name} : {Runtime}.IJsonUnion<{name}>");
        writer.Line($"private {name}(global::System.Text.Json.JsonElement raw) => Raw = raw;");
        writer.Line();
        writer.Line("/// <summary>The JSON value, as received or as built.</summary>");
        writer.Line("public global::System.Text.Json.JsonElement Raw { get; }");

        var typeNames = variants.GroupBy(v => v.Type.Name).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            writer.Line();
            var typeInfo = TypeInfo(variant.Type with { IsNullable = false });
            if (!variant.Type.IsNamedType)
            {
                _extraSerializable.Add(variant.Type.Name);
            }

            EmitVariantTryGet(writer, union, name, variant, typeInfo, discriminated);
            writer.Line();
            EmitVariantFactory(writer, union, name, variant, typeInfo, typeNames.Contains(variant.Type.Name));
        }

        EmitNestedConversions(writer, name, variants);
        EmitMatch(writer, variants);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => Raw.GetRawText();");
        writer.Line();
        writer.Line($"static {name} {Runtime}.IJsonUnion<{name}>.FromRaw(global::System.Text.Json.JsonElement raw) => new(raw);");
        writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// <c>TryGet…</c> of one variant: the discriminator's tag decides when the union has one (and every variant a tag),
    /// else the variant's own schema, through its validator.
    /// </summary>
    private void EmitVariantTryGet(SourceWriter writer, UnionType union, string name, Variant variant, string typeInfo, bool discriminated)
    {
        writer.Line($"/// <summary>Gets the value as <c>{CSharpSyntax.XmlText(variant.Type.Name)}</c> when the JSON is that variant.</summary>");
        var signature = variant.Type.IsValueType
            ? $"public bool TryGet{variant.Name}([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {variant.Type.Name} value)"
            : $"public bool TryGet{variant.Name}([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {variant.Type.Name}? value)";
        if (discriminated)
        {
            var tags = string.Join(", ", variant.Tags.Select(CSharpSyntax.Literal));
            writer.Line($"{signature} => {Runtime}.JsonUnion.TryGetTagged(Raw, {typeInfo}, out value, {CSharpSyntax.Literal(union.Discriminator!.PropertyName)}, {tags});");
        }
        else
        {
            var validator = AddValidator(name + variant.Name, variant.Use);
            writer.Line($"{signature} => {Runtime}.JsonUnion.TryGet(Raw, {_names.ClientName}Schemas.{validator}, {typeInfo}, out value);");
        }
    }

    /// <summary>
    /// <c>From…</c> of one variant, and its implicit conversion where C# allows one and it is unambiguous
    /// (<paramref name="uniqueType"/>: no other variant has the same C# type).
    /// </summary>
    private static void EmitVariantFactory(SourceWriter writer, UnionType union, string name, Variant variant, string typeInfo, bool uniqueType)
    {
        writer.Line($"/// <summary>Builds the union from a <c>{CSharpSyntax.XmlText(variant.Type.Name)}</c>.</summary>");
        writer.Line($"public static {name} From{variant.Name}({variant.Type.Name} value) => new(global::System.Text.Json.JsonSerializer.SerializeToElement(value, {typeInfo}));");

        // C# allows no user-defined conversion from an interface or from the type itself (a union listing itself
        // as a variant), and two variants of one type would be ambiguous.
        if (uniqueType && !variant.Type.Name.StartsWith("global::System.Collections.Generic.I", StringComparison.Ordinal) &&
            variant.Type.Name != "global::System.Text.Json.JsonElement" && !(variant.Use.Type is NamedRef self && self.TypeId == union.Id))
        {
            writer.Line();
            writer.Line($"public static implicit operator {name}({variant.Type.Name} value) => From{variant.Name}(value);");
        }
    }

    /// <summary><c>Match</c>: the first variant whose <c>TryGet…</c> succeeds, in the contract's order.</summary>
    private static void EmitMatch(SourceWriter writer, IReadOnlyList<Variant> variants)
    {
        writer.Line();
        writer.Line("/// <summary>Calls the function for the first variant the JSON is, or <paramref name=\"otherwise\"/> with the raw JSON.</summary>");
        var parameters = string.Join(", ", variants.Select(v => $"global::System.Func<{v.Type.Name}, TResult> on{v.Name}"));
        writer.Open($"public TResult Match<TResult>({parameters}, global::System.Func<global::System.Text.Json.JsonElement, TResult> otherwise)");
        for (var i = 0; i < variants.Count; i++)
        {
            writer.Open($"if (TryGet{variants[i].Name}(out var value{i}))");
            writer.Line($"return on{variants[i].Name}(value{i});");
            writer.Close();
            writer.Line();
        }

        writer.Line("return otherwise(Raw);");
        writer.Close();
    }

    private List<Variant> Variants(UnionType union)
    {
        var names = new UniqueNames(["Raw", "Match", "Converter", "ToString", "Equals", "GetHashCode", "GetType"]);
        var result = new List<Variant>();
        foreach (var use in union.Variants)
        {
            var type = _types.Map(use with { Nullable = false });
            var tags = new List<string>();
            if (union.Discriminator is { } discriminator && use.Type is NamedRef named)
            {
                // The model's mapping is complete: explicit entries, the values a variant fixes its tag to, implicit names.
                tags.AddRange(discriminator.Mapping.Where(m => m.TypeId == named.TypeId).Select(m => m.Value));
            }

            var variantName = names.Claim(VariantName(type));
            result.Add(new Variant(variantName, type, use with { Nullable = false }, tags));
        }

        return result;
    }

    /// <summary><c>ThreadObject</c>, <c>String</c>, <c>Int64</c>, <c>StringList</c>, <c>StringMap</c>, ...</summary>
    private static string VariantName(CSharpType type)
    {
        const string list = "global::System.Collections.Generic.IList<";
        const string map = "global::System.Collections.Generic.IDictionary<string, ";
        var name = type.Name;
        if (name.StartsWith(list, StringComparison.Ordinal))
        {
            return VariantName(new CSharpType(name[list.Length..^1].TrimEnd('?'), false, false)) + "List";
        }

        if (name.StartsWith(map, StringComparison.Ordinal))
        {
            return VariantName(new CSharpType(name[map.Length..^1].TrimEnd('?'), false, false)) + "Map";
        }

        return name switch
        {
            "string" => "String",
            "long" => "Int64",
            "int" => "Int32",
            "uint" => "UInt32",
            "ulong" => "UInt64",
            "double" => "Double",
            "float" => "Single",
            "decimal" => "Decimal",
            "bool" => "Boolean",
            "byte[]" => "Bytes",
            "global::System.Text.Json.JsonElement" => "Json",
            _ when name.StartsWith("global::System.", StringComparison.Ordinal) => name["global::System.".Length..],
            _ => name,
        };
    }
}
