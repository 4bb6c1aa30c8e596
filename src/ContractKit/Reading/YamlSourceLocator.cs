using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ContractKit.Reading;

/// <summary>
/// Positions recorded while converting YAML: for each container (by reference identity), where each of its children
/// is written, by child index; so a pointer is resolved by walking the same <see cref="JsonNode"/> tree
/// Microsoft.OpenApi read. One entry per container rather than per child keeps the conversion's hashing small.
/// Nodes copied from an alias or a merge key have no entry and resolve to their nearest recorded ancestor.
/// </summary>
internal sealed class YamlSourceLocator : ISourceLocator
{
    private readonly JsonNode? _root;
    private readonly TextPosition _rootPosition;
    private readonly Dictionary<JsonNode, List<TextPosition>> _positions;

    public YamlSourceLocator(JsonNode? root, TextPosition rootPosition, Dictionary<JsonNode, List<TextPosition>> positions)
    {
        _root = root;
        _rootPosition = rootPosition;
        _positions = positions;
    }

    public TextPosition? Find(string[] segments)
    {
        var node = _root;
        var position = _rootPosition;
        foreach (var segment in segments)
        {
            int index;
            JsonNode? child;
            if (node is JsonObject obj)
            {
                index = obj.IndexOf(segment);
                if (index < 0)
                {
                    break;
                }

                child = obj.GetAt(index).Value;
            }
            else if (node is JsonArray array && ArrayIndex.TryParse(segment, out index) && index < array.Count)
            {
                child = array[index];
            }
            else
            {
                break;
            }

            if (_positions.TryGetValue(node, out var children) && index < children.Count)
            {
                position = children[index];
            }

            node = child;
        }

        return position;
    }
}

internal static class ArrayIndex
{
    /// <summary>RFC 6901 array index: digits, no leading zero, no sign.</summary>
    public static bool TryParse(string segment, out int index)
    {
        index = 0;
        if (segment.Length == 0 || segment.Length > 9 || (segment.Length > 1 && segment[0] == '0'))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            index = index * 10 + (c - '0');
        }

        return true;
    }
}
