using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractKit.Fuzz;

/// <summary>Writes a mutated tree back to text: JSON, or block-style YAML through YamlDotNet's emitter.</summary>
internal static partial class TreeText
{
    /// <summary>Deeper trees are written as JSON (still valid YAML): the emitter below recurses.</summary>
    private const int MaxYamlDepth = 400;

    /// <summary>Stands for a lone surrogate while writing (writers refuse them); replaced by its <c>\uXXXX</c> escape after.</summary>
    private const char LoneMark = '\uF8FF';

    public static byte[] Json(JsonNode? root, bool indented)
    {
        MarkLoneSurrogates(root);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, MaxDepth = 1_000_000, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (root is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                root.WriteTo(writer);
            }
        }

        return Unmark(stream.ToArray());
    }

    /// <summary>YAML in block style, or JSON when the tree is too deep for the emitter's recursion.</summary>
    public static byte[] Yaml(JsonNode root)
    {
        if (Depth(root) > MaxYamlDepth)
        {
            return Json(root, indented: false);
        }

        MarkLoneSurrogates(root);
        using var text = new StringWriter();
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        try
        {
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            Emit(emitter, root);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
        }
        catch (YamlException)
        {
            return Json(root, indented: true);
        }

        return Unmark(new UTF8Encoding(false).GetBytes(text.ToString()));
    }

    /// <summary>Replaces each lone surrogate in strings and keys by <see cref="LoneMark"/> and its code in hex.</summary>
    private static void MarkLoneSurrogates(JsonNode? root)
    {
        foreach (var slot in root is null ? [] : TreeMutator.Slots(root))
        {
            if (slot.Key is { } key && HasLone(key) && slot.Parent is JsonObject obj)
            {
                var value = obj[key];
                obj.Remove(key);
                obj[Mark(key)] = value;
            }
            else if (slot.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text && HasLone(text))
            {
                if (slot.Parent is JsonObject parent)
                {
                    parent[slot.Key!] = Mark(text);
                }
                else
                {
                    ((JsonArray)slot.Parent)[slot.Index] = Mark(text);
                }
            }
        }
    }

    private static bool HasLone(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Mark(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else if (char.IsSurrogate(text[i]))
            {
                builder.Append(LoneMark).Append(((int)text[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static byte[] Unmark(byte[] utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        return text.Contains(LoneMark, StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(LoneMarks().Replace(text, m => "\\u" + m.Groups[1].Value))
            : utf8;
    }

    [GeneratedRegex("\uF8FF([0-9A-F]{4})")]
    private static partial Regex LoneMarks();

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, child) in obj)
                {
                    EmitString(emitter, key);
                    Emit(emitter, child);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var child in array)
                {
                    Emit(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            default:
                emitter.Emit(new Scalar(null, null, node?.ToJsonString() ?? "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    /// <summary>Plain when the text reads back as the same string, double-quoted otherwise.</summary>
    private static void EmitString(IEmitter emitter, string text)
    {
        var plain = !NotPlain().IsMatch(text) && text.Length < 200;
        emitter.Emit(new Scalar(null, null, text, plain ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, isPlainImplicit: plain, isQuotedImplicit: true));
    }

    public static int Depth(JsonNode? root)
    {
        var max = 0;
        var stack = new System.Collections.Generic.Stack<(JsonNode Node, int Depth)>();
        if (root is not null)
        {
            stack.Push((root, 1));
        }

        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            var children = node switch
            {
                JsonObject obj => System.Linq.Enumerable.Select(obj, p => p.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is JsonObject or JsonArray)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return max;
    }

    // Empty, YAML 1.1/1.2 keywords and numbers, or anything with characters the plain style cannot carry.
    [GeneratedRegex(@"^$|^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n|[-+]?(?:\.\d+|\d[\d_]*(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan)$|[^\x20-\x7E]|^[\s\-?:,\[\]{}#&*!|>'""%@`]|[:#]\s|\s$|:$", RegexOptions.CultureInvariant)]
    private static partial Regex NotPlain();
}
