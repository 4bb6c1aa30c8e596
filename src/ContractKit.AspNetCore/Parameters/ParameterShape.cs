using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.AspNetCore.Parameters;

/// <summary>The JSON shape a parameter's text is parsed into.</summary>
public enum ValueShape
{
    /// <summary>One string, number or boolean.</summary>
    Scalar,

    /// <summary>A list of scalars.</summary>
    Array,

    /// <summary>An object of scalars.</summary>
    Object,
}

/// <summary>
/// What a parameter's schema makes of its text: the shape, the scalar kind (of the value, or of an array's items),
/// and for objects each property's kind (text such as <c>5</c> is a number only where the schema wants one).
/// </summary>
public sealed record ParameterShape(ValueShape Shape, PrimitiveKind Kind, IReadOnlyDictionary<string, PrimitiveKind> PropertyKinds)
{
    private static readonly IReadOnlyDictionary<string, PrimitiveKind> NoProperties = new Dictionary<string, PrimitiveKind>();

    /// <summary>The shape of a use of a type, following named types and aliases through <paramref name="findType"/>.</summary>
    public static ParameterShape Of(TypeUse use, Func<string, TypeDefinition?> findType)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(findType);
        return use.Type switch
        {
            ArrayRef array => new ParameterShape(ValueShape.Array, KindOf(array.Items, findType), NoProperties),
            MapRef map => new ParameterShape(ValueShape.Object, KindOf(map.Values, findType), NoProperties),
            NamedRef named => OfNamed(findType(named.TypeId), findType),
            _ => new ParameterShape(ValueShape.Scalar, KindOf(use, findType), NoProperties),
        };
    }

    private static ParameterShape OfNamed(TypeDefinition? type, Func<string, TypeDefinition?> findType) => type switch
    {
        ArrayType array => new ParameterShape(ValueShape.Array, KindOf(array.Items, findType), NoProperties),
        MapType map => new ParameterShape(ValueShape.Object, KindOf(map.Values, findType), NoProperties),
        ObjectType obj => new ParameterShape(ValueShape.Object, PrimitiveKind.Any,
            obj.Properties.ToDictionary(p => p.JsonName, p => KindOf(p.Type, findType), StringComparer.Ordinal)),
        AliasType alias => Of(alias.Target, findType),
        EnumType e => new ParameterShape(ValueShape.Scalar, e.Kind, NoProperties),
        PrimitiveType p => new ParameterShape(ValueShape.Scalar, p.Kind, NoProperties),
        _ => new ParameterShape(ValueShape.Scalar, PrimitiveKind.Any, NoProperties),
    };

    /// <summary>The scalar kind of a use; <see cref="PrimitiveKind.Any"/> for anything that is not one scalar.</summary>
    public static PrimitiveKind KindOf(TypeUse use, Func<string, TypeDefinition?> findType)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(findType);
        return use.Type switch
        {
            PrimitiveRef primitive => primitive.Kind,
            NamedRef named => findType(named.TypeId) switch
            {
                EnumType e => e.Kind,
                PrimitiveType p => p.Kind,
                AliasType a => KindOf(a.Target, findType),
                _ => PrimitiveKind.Any,
            },
            _ => PrimitiveKind.Any,
        };
    }
}
