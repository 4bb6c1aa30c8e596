using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ContractKit.Fuzz;

/// <summary>
/// Structure-aware mutations of a JSON tree (a spec or a payload): drop, duplicate and retype nodes, rename keys to
/// hostile names, swap <c>$ref</c>s, make reference cycles, nest deeply, grow huge strings, inject keywords with wrong
/// values. Each mutation is one line of <see cref="Log"/>, saved with a finding.
/// </summary>
internal sealed class TreeMutator(Random rng)
{
    private readonly Random _rng = rng;

    public List<string> Log { get; } = [];

    /// <summary>Applies 1–4 mutations (rarely up to 10) to <paramref name="root"/> in place.</summary>
    public void Mutate(JsonNode root, bool spec)
    {
        var count = _rng.Next(8) == 0 ? _rng.Next(5, 11) : _rng.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var slots = Slots(root);
            if (slots.Count == 0)
            {
                return;
            }

            var slot = slots[_rng.Next(slots.Count)];
            var choice = _rng.Next(spec ? 13 : 9);
            Log.Add(choice switch
            {
                0 => Drop(slot),
                1 => Duplicate(slot, slots[_rng.Next(slots.Count)]),
                2 => Retype(slot),
                3 => RenameKey(slot),
                4 => ReplaceString(slot),
                5 => DeepNest(slot, spec),
                6 => Huge(slot),
                7 => Set(slot, HostileValues.Number(_rng), "number"),
                8 => InjectKeyword(slot),
                9 => SwapReference(root, slots),
                10 => MakeCycle(root),
                11 => InjectKeyword(slot),
                _ => Set(new Slot(root, "openapi", -1), JsonValue.Create(HostileValues.Pick(_rng, "2.0", "3.0.0", "3.1.0", "3.1.1", "3.2.0", "4.0", "3", "")), "version"),
            });
        }
    }

    /// <summary>Every place a value sits: a key of an object or an index of an array.</summary>
    public static List<Slot> Slots(JsonNode root)
    {
        var slots = new List<Slot>();
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        slots.Add(new Slot(obj, key, -1));
                        if (child is JsonObject or JsonArray)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add(new Slot(array, null, i));
                        if (array[i] is JsonObject or JsonArray)
                        {
                            stack.Push(array[i]!);
                        }
                    }

                    break;
            }
        }

        return slots;
    }

    private string Drop(Slot slot)
    {
        if (slot.Parent is JsonObject obj)
        {
            obj.Remove(slot.Key!);
        }
        else
        {
            ((JsonArray)slot.Parent).RemoveAt(slot.Index);
        }

        return $"drop {slot.Describe()}";
    }

    private string Duplicate(Slot from, Slot to)
    {
        var copy = from.Value?.DeepClone();
        if (to.Value is JsonObject target)
        {
            var key = _rng.Next(2) == 0 && from.Key is not null ? from.Key : HostileValues.String(_rng);
            target[key] = copy;
            return $"duplicate {from.Describe()} into {to.Describe()} as '{Escape(key)}'";
        }

        if (to.Value is JsonArray array)
        {
            array.Add(copy);
            return $"duplicate {from.Describe()} into {to.Describe()}";
        }

        return Set(to, copy, "copy of " + from.Describe());
    }

    private string Retype(Slot slot)
    {
        var value = HostileValues.Value(_rng);
        return Set(slot, value, "retype");
    }

    private string RenameKey(Slot slot)
    {
        if (slot.Parent is not JsonObject obj)
        {
            return ReplaceString(slot);
        }

        var value = slot.Value;
        var name = _rng.Next(3) == 0 ? slot.Key + HostileValues.String(_rng) : HostileValues.String(_rng);
        obj.Remove(slot.Key!);
        obj[name] = value;
        return $"rename {slot.Describe()} to '{Escape(name)}'";
    }

    private string ReplaceString(Slot slot) => Set(slot, JsonValue.Create(HostileValues.String(_rng)), "hostile string");

    private string Huge(Slot slot) => Set(slot, JsonValue.Create(HostileValues.Huge(_rng)), "huge string");

    private string InjectKeyword(Slot slot)
    {
        var (key, value) = HostileValues.Keyword(_rng);
        var target = slot.Value as JsonObject ?? slot.Parent as JsonObject;
        if (target is null)
        {
            return Set(slot, new JsonObject { [key] = value }, $"object with {key}");
        }

        target[key] = value;
        return $"keyword '{Escape(key)}' at {slot.Describe()}";
    }

    /// <summary>Wraps a value in many levels: nested schemas, arrays or allOf; now and then past the reader's depth limit.</summary>
    private string DeepNest(Slot slot, bool spec)
    {
        int[] depths = [5, 30, 200, 990, 1001, 3000];
        var depth = depths[_rng.Next(_rng.Next(3) == 0 ? depths.Length : 3)];
        var node = slot.Value?.DeepClone() ?? new JsonObject { ["type"] = "string" };
        var shape = _rng.Next(spec ? 4 : 2);
        for (var i = 0; i < depth; i++)
        {
            node = shape switch
            {
                0 => new JsonArray(node),
                1 => new JsonObject { ["a"] = node },
                2 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["p"] = node } },
                _ => new JsonObject { ["allOf"] = new JsonArray(node) },
            };
        }

        return Set(slot, node, $"nest {depth} deep (shape {shape})");
    }

    private string SwapReference(JsonNode root, List<Slot> slots)
    {
        var references = slots.Where(s => s.Key == "$ref").ToList();
        var existing = references.Select(s => s.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? s.Value!.GetValue<string>() : null).OfType<string>().ToList();
        var target = _rng.Next(2) == 0 && existing.Count > 0 ? existing[_rng.Next(existing.Count)] : HostileValues.Pick(_rng, HostileValues.References);
        var slot = references.Count > 0 && _rng.Next(4) != 0
            ? references[_rng.Next(references.Count)]
            : slots.Where(s => s.Value is JsonObject).DefaultIfEmpty(new Slot(root, "components", -1)).ElementAt(0);
        if (slot.Key == "$ref")
        {
            return Set(slot, JsonValue.Create(target), $"$ref -> '{Escape(target)}'");
        }

        if (slot.Value is JsonObject obj)
        {
            obj["$ref"] = target;
        }

        return $"add $ref '{Escape(target)}' at {slot.Describe()}";
    }

    /// <summary>A schema that reaches itself: through properties, items, allOf, additionalProperties, or two bare aliases.</summary>
    private string MakeCycle(JsonNode root)
    {
        var schemas = (root["components"]?["schemas"] ?? root["definitions"]) as JsonObject;
        if (schemas is null || schemas.Count == 0)
        {
            return "cycle: no schemas";
        }

        var prefix = root["components"]?["schemas"] is JsonObject ? "#/components/schemas/" : "#/definitions/";
        var names = schemas.Select(p => p.Key).ToList();
        var a = names[_rng.Next(names.Count)];
        var b = names[_rng.Next(names.Count)];
        var self = new JsonObject { ["$ref"] = prefix + Pointer(a) };
        var shape = _rng.Next(6);
        switch (shape)
        {
            case 0:
                schemas[a] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["next"] = self, ["id"] = new JsonObject { ["type"] = "string" } } };
                break;
            case 1:
                schemas[a] = new JsonObject { ["type"] = "array", ["items"] = self };
                break;
            case 2:
                schemas[a] = new JsonObject { ["allOf"] = new JsonArray(self) };
                break;
            case 3:
                schemas[a] = new JsonObject { ["type"] = "object", ["additionalProperties"] = self };
                break;
            case 4:
                schemas[a] = new JsonObject { ["$ref"] = prefix + Pointer(b) };
                schemas[b] = new JsonObject { ["$ref"] = prefix + Pointer(a) };
                break;
            default:
                schemas[a] = new JsonObject { ["oneOf"] = new JsonArray(self, new JsonObject { ["type"] = "string" }), ["nullable"] = true };
                break;
        }

        return $"cycle shape {shape} at '{Escape(a)}' / '{Escape(b)}'";
    }

    private static string Set(Slot slot, JsonNode? value, string what)
    {
        if (slot.Parent is JsonObject obj)
        {
            obj[slot.Key!] = value;
        }
        else
        {
            ((JsonArray)slot.Parent)[slot.Index] = value;
        }

        return $"{what} at {slot.Describe()}";
    }

    private static string Pointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>For the log: control characters and surrogates as <c>\uXXXX</c>, long texts cut.</summary>
    private static string Escape(string text) =>
        string.Concat(text.Take(60).Select(c => char.IsSurrogate(c) || char.IsControl(c) || c is '\u202E' or '\u2066' or '\u2069' ? $"\\u{(int)c:X4}" : c.ToString())) + (text.Length > 60 ? "…" : "");

    /// <summary>A key of an object or an index of an array.</summary>
    internal readonly record struct Slot(JsonNode Parent, string? Key, int Index)
    {
        public JsonNode? Value => Key is not null ? Parent[Key] : Parent[Index];

        public string Describe() => (Parent.GetPath() + (Key is not null ? "." + Escape(Key) : $"[{Index}]")) is var path && path.Length > 120 ? path[..120] + "…" : path;
    }
}
