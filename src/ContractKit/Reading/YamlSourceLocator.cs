using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ContractKit.Reading;

/// <summary>
/// Positions recorded while converting YAML, keyed by (container, child index) with reference identity, so a
/// pointer is resolved by walking the same <see cref="JsonNode"/> tree Microsoft.OpenApi read.
/// Nodes copied from an alias or a merge key have no entry and resolve to their nearest recorded ancestor.
/// </summary>
internal sealed class YamlSourceLocator : ISourceLocator
{
    private readonly JsonNode? _root;
    private readonly TextPosition _rootPosition;
    private readonly Dictionary<Slot, TextPosition> _slots;

    public YamlSourceLocator(JsonNode? root, TextPosition rootPosition, Dictionary<Slot, TextPosition> slots)
    {
        _root = root;
        _rootPosition = rootPosition;
        _slots = slots;
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

            if (_slots.TryGetValue(new Slot(node, index), out var found))
            {
                position = found;
            }

            node = child;
        }

        return position;
    }

    /// <summary>A child of a container: an object's property by insertion index (its key is located) or an array element.</summary>
    internal readonly struct Slot(JsonNode container, int index) : System.IEquatable<Slot>
    {
        private readonly JsonNode _container = container;
        private readonly int _index = index;

        public bool Equals(Slot other) => ReferenceEquals(_container, other._container) && _index == other._index;

        public override bool Equals(object? obj) => obj is Slot other && Equals(other);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(_container) * 31 + _index;
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
