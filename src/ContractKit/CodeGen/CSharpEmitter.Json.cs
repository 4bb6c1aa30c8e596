using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// The JSON context: a <c>JsonSerializerContext</c> whose metadata ContractKit writes itself (the DTOs' through their
/// <see cref="JsonTypeInfoMethod"/>, the rest through the Runtime's <c>JsonMetadata</c>), so that the System.Text.Json
/// source generator has nothing to do at build time; no reflection at run time, trimming- and AOT-safe all the same.
/// </summary>
public sealed partial class CSharpEmitter
{
    private const string CollectionsGeneric = "global::System.Collections.Generic.";

    /// <summary>Primitive spellings and the <c>JsonMetadataServices</c> converter of each.</summary>
    private static readonly Dictionary<string, string> PrimitiveConverters = new(StringComparer.Ordinal)
    {
        ["string"] = "StringConverter",
        ["bool"] = "BooleanConverter",
        ["int"] = "Int32Converter",
        ["uint"] = "UInt32Converter",
        ["long"] = "Int64Converter",
        ["ulong"] = "UInt64Converter",
        ["float"] = "SingleConverter",
        ["double"] = "DoubleConverter",
        ["decimal"] = "DecimalConverter",
        ["byte[]"] = "ByteArrayConverter",
        ["object"] = "ObjectConverter",
        ["global::System.DateTimeOffset"] = "DateTimeOffsetConverter",
        ["global::System.DateOnly"] = "DateOnlyConverter",
        ["global::System.Guid"] = "GuidConverter",
        ["global::System.Text.Json.JsonElement"] = "JsonElementConverter",
    };

    private string EmitJsonContext()
    {
        var named = _model.Types.Where(t => t is ObjectType or EnumType or UnionType).ToDictionary(t => _names.Type(t.Id), StringComparer.Ordinal);
        var creators = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var spelling in named.Keys.Concat(_extraSerializable).Append("global::System.Text.Json.JsonElement"))
        {
            AddCreator(spelling, named, creators);
        }

        var writer = StartFile();
        EmitJsonContextOpening(writer, _names.JsonContextName);
        writer.Indent();
        EmitTypeInfoProperties(writer, named);
        EmitCreate(writer, creators);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The context's opening: its options, constructors and the resolver that hands out <c>Create</c>'s metadata.</summary>
    private static void EmitJsonContextOpening(SourceWriter writer, string name) =>
        writer.Lines($$"""
            /// <summary>
            /// System.Text.Json metadata for every type of this contract, written by ContractKit (no reflection, trimming- and AOT-safe).
            /// Nullable annotations are enforced: JSON null where the contract does not allow it is an error.
            /// A number too large for its float/double property reads as infinity (the validators report it as a
            /// format violation) and writes back as the string "Infinity", so such an object stays serializable.
            /// </summary>
            public partial class {{name}} : {{Json}}.JsonSerializerContext, {{Metadata}}.IJsonTypeInfoResolver
            {
                private static readonly global::System.Text.Json.JsonSerializerOptions s_defaultOptions = new()
                {
                    RespectNullableAnnotations = true,
                    NumberHandling = {{Json}}.JsonNumberHandling.AllowNamedFloatingPointLiterals,
                };

                /// <summary>The context with the contract's default options.</summary>
                public static {{name}} Default { get; } = new(new global::System.Text.Json.JsonSerializerOptions(s_defaultOptions));

                /// <summary>Creates a context with the contract's default options.</summary>
                public {{name}}()
                    : base(null)
                {
                }

                /// <summary>Creates a context for <paramref name="options"/>, which it becomes the resolver of.</summary>
                public {{name}}(global::System.Text.Json.JsonSerializerOptions options)
                    : base(options)
                {
                }

                /// <inheritdoc/>
                protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;

                /// <inheritdoc/>
                public override {{Metadata}}.JsonTypeInfo? GetTypeInfo(global::System.Type type)
                {
                    Options.TryGetTypeInfo(type, out var typeInfo);
                    return typeInfo;
                }

                {{Metadata}}.JsonTypeInfo? {{Metadata}}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)
                {
                    var typeInfo = Create(type, options);
                    if (typeInfo is not null)
                    {
                        typeInfo.OriginatingResolver = this;
                    }

                    return typeInfo;
                }
            """);

    /// <summary>A typed <c>JsonTypeInfo</c> property per named type, and <c>JsonElement</c>.</summary>
    private static void EmitTypeInfoProperties(SourceWriter writer, Dictionary<string, TypeDefinition> named)
    {
        foreach (var type in named.Keys.Append("JsonElement").Distinct().Order(StringComparer.Ordinal))
        {
            var spelling = type == "JsonElement" && !named.ContainsKey(type) ? "global::System.Text.Json.JsonElement" : type;
            writer.Line();
            writer.Line($"/// <summary>The metadata of <see cref=\"{spelling}\"/>.</summary>");
            writer.Line($"public {Metadata}.JsonTypeInfo<{spelling}> {type} => ({Metadata}.JsonTypeInfo<{spelling}>)Options.GetTypeInfo(typeof({spelling}));");
        }
    }

    /// <summary><c>Create</c>: the metadata of a type, by <c>typeof</c>, in ordinal order of the spellings.</summary>
    private static void EmitCreate(SourceWriter writer, SortedDictionary<string, string> creators)
    {
        writer.Line();
        writer.Open($"private static {Metadata}.JsonTypeInfo? Create(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var (spelling, creator) in creators)
        {
            writer.Open($"if (type == typeof({spelling}))");
            writer.Line($"return {creator};");
            writer.Close();
            writer.Line();
        }

        writer.Line("return null;");
        writer.Close();
    }

    /// <summary>
    /// Adds the creator of <paramref name="spelling"/>'s metadata, and of every type it is made of, keyed by the
    /// spelling <c>typeof</c> takes (no '?' on a reference type: <c>IList&lt;string?&gt;</c> is <c>IList&lt;string&gt;</c>).
    /// </summary>
    private void AddCreator(string spelling, Dictionary<string, TypeDefinition> named, SortedDictionary<string, string> creators)
    {
        var key = TypeOfKey(spelling, named);
        if (creators.ContainsKey(key))
        {
            return;
        }

        if (key.EndsWith('?'))
        {
            var inner = key[..^1];
            creators[key] = $"{Runtime}.JsonMetadata.Nullable<{inner}>(options)";
            AddCreator(inner, named, creators);
        }
        else if (GenericArgument(key, CollectionsGeneric + "IList<") is { } item)
        {
            creators[key] = $"{Runtime}.JsonMetadata.List<{item}>(options)";
            AddCreator(item, named, creators);
        }
        else if (GenericArgument(key, Runtime + ".Optional<") is { } optional)
        {
            // System.Text.Json wants metadata for a property's type even where the property has its own converter.
            creators[key] = $"{Runtime}.JsonMetadata.Value<{key}>(options, new {Runtime}.OptionalJsonConverter<{optional}>())";
            AddCreator(optional, named, creators);
        }
        else if (GenericArgument(key, CollectionsGeneric + "IDictionary<string, ") is { } value)
        {
            creators[key] = $"{Runtime}.JsonMetadata.Map<{value}>(options)";
            AddCreator(value, named, creators);
        }
        else if (PrimitiveConverters.TryGetValue(key, out var converter))
        {
            // The framework's converters of reference types are declared for T? (null is a JSON value too).
            var typeArgument = key is "string" or "byte[]" or "object" ? key + "?" : key;
            creators[key] = $"{Runtime}.JsonMetadata.Value<{typeArgument}>(options, {Metadata}.JsonMetadataServices.{converter})";
        }
        else if (named.TryGetValue(key, out var definition))
        {
            creators[key] = definition switch
            {
                ObjectType => $"global::{_options.Namespace}.{key}.{JsonTypeInfoMethod}(options)",
                EnumType { Kind: PrimitiveKind.Integer } => $"{Runtime}.JsonMetadata.Value<{key}>(options, new {Runtime}.OpenIntegerEnumJsonConverter<{key}>())",
                EnumType => $"{Runtime}.JsonMetadata.Value<{key}>(options, new {Runtime}.OpenStringEnumJsonConverter<{key}>())",
                _ => $"{Runtime}.JsonMetadata.Value<{key}>(options, new {Runtime}.UnionJsonConverter<{key}>())",
            };
        }
        else
        {
            throw new InvalidOperationException($"No JSON metadata for the C# type '{spelling}'.");
        }
    }

    /// <summary><paramref name="spelling"/> without the '?' of nullable reference types, at any depth.</summary>
    private static string TypeOfKey(string spelling, Dictionary<string, TypeDefinition> named)
    {
        if (GenericArgument(spelling, CollectionsGeneric + "IList<") is { } item)
        {
            return $"{CollectionsGeneric}IList<{TypeOfKey(item, named)}>";
        }

        if (GenericArgument(spelling, CollectionsGeneric + "IDictionary<string, ") is { } value)
        {
            return $"{CollectionsGeneric}IDictionary<string, {TypeOfKey(value, named)}>";
        }

        if (GenericArgument(spelling, Runtime + ".Optional<") is { } optional)
        {
            return $"{Runtime}.Optional<{TypeOfKey(optional, named)}>";
        }

        if (!spelling.EndsWith('?'))
        {
            return spelling;
        }

        var inner = TypeOfKey(spelling[..^1], named);
        var isValueType = (PrimitiveConverters.ContainsKey(inner) && inner is not ("string" or "byte[]" or "object")) ||
            (named.TryGetValue(inner, out var definition) && definition is EnumType);
        return isValueType ? inner + "?" : inner;
    }

    /// <summary>The type argument of <paramref name="spelling"/> when it is <paramref name="prefix"/>…<c>&gt;</c> (not nullable itself).</summary>
    private static string? GenericArgument(string spelling, string prefix) =>
        spelling.StartsWith(prefix, StringComparison.Ordinal) && spelling.EndsWith('>') ? spelling[prefix.Length..^1] : null;
}
