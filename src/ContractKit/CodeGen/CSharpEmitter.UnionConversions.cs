using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// Implicit conversions a union takes for the primitives of its nested unions: OpenAI's <c>ModelIdsResponses</c> is
/// <c>ModelIdsShared | enum</c>, and <c>ModelIdsShared</c> is <c>string | ChatModel</c>; C# applies one user-defined
/// conversion only, so without these a plain string needs a cast.
/// </summary>
public sealed partial class CSharpEmitter
{
    private static readonly string[] LiteralTypes = ["string", "long", "int", "uint", "ulong", "double", "float", "decimal", "bool"];

    /// <summary>
    /// For each primitive that is not a variant of <paramref name="variants"/>' union itself, but a variant of exactly
    /// one of its nested unions (through any depth, along exactly one path), the conversion through that path.
    /// </summary>
    private void EmitNestedConversions(SourceWriter writer, string unionName, IReadOnlyList<Variant> variants)
    {
        var direct = variants.Select(v => v.Type.Name).ToHashSet(StringComparer.Ordinal);
        var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            foreach (var (primitive, expression) in NestedPrimitives(variant, unionName, depth: 0))
            {
                if (!direct.Contains(primitive))
                {
                    (paths.TryGetValue(primitive, out var list) ? list : paths[primitive] = []).Add(expression);
                }
            }
        }

        foreach (var primitive in LiteralTypes.Where(p => paths.TryGetValue(p, out var list) && list.Count == 1))
        {
            writer.Line();
            writer.Line($"/// <summary>Builds the union from a <c>{primitive}</c>, through the nested union that takes it.</summary>");
            writer.Line($"public static implicit operator {unionName}({primitive} value) => {paths[primitive][0]};");
        }
    }

    /// <summary>The primitives a nested union variant takes, each with the expression that wraps <c>value</c> up to <paramref name="outer"/>.</summary>
    private IEnumerable<(string Primitive, string Expression)> NestedPrimitives(Variant variant, string outer, int depth)
    {
        if (depth > 4 || variant.Use.Type is not NamedRef named || !_types.TryDefinition(named.TypeId, out var definition) ||
            definition is not UnionType inner || _types.Map(variant.Use).Name != _names.Type(inner.Id))
        {
            yield break;
        }

        var innerName = _names.Type(inner.Id);
        var innerVariants = Variants(inner);
        var unique = innerVariants.GroupBy(v => v.Type.Name).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var innerVariant in innerVariants)
        {
            if (LiteralTypes.Contains(innerVariant.Type.Name) && unique.Contains(innerVariant.Type.Name))
            {
                yield return (innerVariant.Type.Name, $"{outer}.From{variant.Name}({innerName}.From{innerVariant.Name}(value))");
                continue;
            }

            foreach (var (primitive, expression) in NestedPrimitives(innerVariant, innerName, depth + 1))
            {
                if (!unique.Contains(primitive))
                {
                    yield return (primitive, $"{outer}.From{variant.Name}({expression})");
                }
            }
        }
    }
}
