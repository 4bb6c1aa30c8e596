using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>What the planner needs to know about schemas: the object behind a form body, array items, files.</summary>
internal sealed partial class OperationPlanner
{
    /// <summary>The object a form body's schema stands for (through aliases), or null.</summary>
    private ObjectType? ObjectOf(TypeUse use)
    {
        for (var depth = 0; depth < 32 && use.Type is NamedRef named && types.TryDefinition(named.TypeId, out var definition); depth++)
        {
            switch (definition)
            {
                case ObjectType obj when obj.Properties.Count > 0:
                    return obj;
                case AliasType alias:
                    use = alias.Target;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private TypeUse? ArrayItems(TypeUse use)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            switch (use.Type)
            {
                case ArrayRef array:
                    return array.Items;
                case NamedRef named when types.TryDefinition(named.TypeId, out var definition):
                    switch (definition)
                    {
                        case ArrayType arrayType:
                            return arrayType.Items;
                        case AliasType alias:
                            use = alias.Target;
                            continue;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        return null;
    }

    private FileShape FileShapeOf(TypeUse use) => FileShapeOf(use, out _);

    /// <summary>
    /// <c>type: string, format: binary</c> is a file; an array of them, or a union of one and an array, are files.
    /// <paramref name="partial"/>: a union where only some variants are files.
    /// </summary>
    private FileShape FileShapeOf(TypeUse use, out bool partial, int depth = 0)
    {
        partial = false;
        if (depth > 16)
        {
            return FileShape.None;
        }

        switch (use.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.String, Format: "binary" }:
                return FileShape.Single;
            case ArrayRef array:
                return FileShapeOf(array.Items, out _, depth + 1) == FileShape.None ? FileShape.None : FileShape.Many;
            case NamedRef named when types.TryDefinition(named.TypeId, out var definition):
                switch (definition)
                {
                    case PrimitiveType { Kind: PrimitiveKind.String, Format: "binary" }:
                        return FileShape.Single;
                    case ArrayType arrayType:
                        return FileShapeOf(arrayType.Items, out _, depth + 1) == FileShape.None ? FileShape.None : FileShape.Many;
                    case AliasType alias:
                        return FileShapeOf(alias.Target, out partial, depth + 1);
                    case UnionType union:
                        var shapes = union.Variants.Select(v => FileShapeOf(v, out _, depth + 1)).ToList();
                        if (shapes.All(s => s == FileShape.None))
                        {
                            return FileShape.None;
                        }

                        partial = shapes.Any(s => s == FileShape.None);
                        return shapes.Contains(FileShape.Many) ? FileShape.Many : FileShape.Single;
                }

                break;
        }

        return FileShape.None;
    }
}
