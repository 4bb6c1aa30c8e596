using System;
using System.Collections.Generic;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>A C# type for a model type use: its spelling, with and without the nullable annotation.</summary>
internal readonly record struct CSharpType(string Name, bool IsValueType, bool IsNullable, bool IsNamedType = false)
{
    /// <summary>The spelling with <c>?</c> when null is allowed.</summary>
    public string Annotated => IsNullable ? Name + "?" : Name;

    /// <summary>A spelling usable in <c>typeof</c>: nullable value types keep <c>?</c> (it is Nullable&lt;T&gt;), reference types drop it.</summary>
    public string TypeOfSpelling => IsNullable && IsValueType ? Name + "?" : Name;
}

/// <summary>Maps model types to C#. Aliases (named maps, arrays, primitives, re-names) are inlined to what they stand for.</summary>
internal sealed class CSharpTypeMapper
{
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    private readonly Dictionary<string, TypeDefinition> _types;
    private readonly CSharpNaming _names;

    public CSharpTypeMapper(ContractModel model, CSharpNaming names)
    {
        _types = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            _types[type.Id] = type;
        }

        _names = names;
    }

    public TypeDefinition Definition(string id) => _types[id];

    public bool TryDefinition(string id, out TypeDefinition definition) => _types.TryGetValue(id, out definition!);

    public CSharpType Map(TypeUse use) => Map(use, depth: 0);

    private CSharpType Map(TypeUse use, int depth)
    {
        var nullable = use.Nullable;
        switch (use.Type)
        {
            case PrimitiveRef primitive:
                var (name, isValue) = Primitive(primitive.Kind, primitive.Format);
                return new CSharpType(name, isValue, nullable);
            case ArrayRef array:
                var items = Map(array.Items, depth + 1);
                return new CSharpType($"global::System.Collections.Generic.IList<{items.Annotated}>", false, nullable);
            case MapRef map:
                var values = Map(map.Values, depth + 1);
                return new CSharpType($"global::System.Collections.Generic.IDictionary<string, {values.Annotated}>", false, nullable);
            case NamedRef named when _types.TryGetValue(named.TypeId, out var definition):
                nullable |= definition.Nullable;
                if (depth > 32)
                {
                    return new CSharpType(JsonElement, true, nullable);
                }

                return definition switch
                {
                    ObjectType => new CSharpType(_names.Type(definition.Id), false, nullable, IsNamedType: true),
                    EnumType => new CSharpType(_names.Type(definition.Id), true, nullable, IsNamedType: true),
                    MapType mapType => Map(new TypeUse(new MapRef(mapType.Values), nullable), depth + 1),
                    ArrayType arrayType => Map(new TypeUse(new ArrayRef(arrayType.Items), nullable), depth + 1),
                    PrimitiveType primitiveType => Map(new TypeUse(new PrimitiveRef(primitiveType.Kind, primitiveType.Format), nullable), depth + 1),
                    AliasType alias => Map(alias.Target with { Nullable = alias.Target.Nullable || nullable }, depth + 1),
                    UnionType => new CSharpType(_names.Type(definition.Id), false, nullable, IsNamedType: true),
                    _ => new CSharpType(JsonElement, true, nullable),
                };
            default:
                return new CSharpType(JsonElement, true, nullable);
        }
    }

    private static (string Name, bool IsValueType) Primitive(PrimitiveKind kind, string? format) => kind switch
    {
        PrimitiveKind.String => format switch
        {
            "date-time" => ("global::System.DateTimeOffset", true),
            "date" => ("global::System.DateOnly", true),
            "uuid" => ("global::System.Guid", true),
            "byte" => ("byte[]", false),
            _ => ("string", false),
        },
        PrimitiveKind.Integer => format switch
        {
            "int32" => ("int", true),
            "int8" or "int16" => ("int", true),
            "uint32" => ("uint", true),
            "uint64" => ("ulong", true),

            // No format: long, since JSON integers such as Unix timestamps outgrow int.
            _ => ("long", true),
        },
        PrimitiveKind.Number => format switch
        {
            "float" => ("float", true),
            "decimal" => ("decimal", true),
            _ => ("double", true),
        },
        PrimitiveKind.Boolean => ("bool", true),
        _ => (JsonElement, true),
    };
}
