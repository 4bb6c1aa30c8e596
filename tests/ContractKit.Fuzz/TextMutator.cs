using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ContractKit.Fuzz;

/// <summary>
/// Mutations of the raw bytes of a spec or payload, below the tree: bit flips, truncation, deleted, duplicated and
/// swapped spans, YAML and JSON tokens dropped in at random places (aliases, anchors, tags, directives, brackets),
/// line-end and indentation changes, BOMs and NULs.
/// </summary>
internal sealed class TextMutator(Random rng)
{
    private static readonly string[] Tokens =
    [
        "&a ", "*a", "<<: *a\n", "!!binary ", "!!str ", "!custom ", "%YAML 1.1\n", "---\n", "...\n", "? ", ": ", "- ", "|\n", ">-\n",
        "{", "}", "[", "]", ",", "\"", "'", "\\", "#", "\t", "\0", "\uFEFF", "\u2028", "\r", "\n  ", "\n\t", "@", "`", "%",
        "\"\\ud800\"", "\"\\u0000\"", "1e999", "-", ":", "$ref: '#/x'\n", "\"$ref\": \"#/x\",", ",,", "null", "~", "\xC3",
    ];

    private readonly Random _rng = rng;

    public List<string> Log { get; } = [];

    /// <summary>Applies 1–3 byte-level mutations.</summary>
    public byte[] Mutate(byte[] input)
    {
        var bytes = new List<byte>(input);
        var count = _rng.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            Log.Add(Apply(bytes, _rng.Next(9)));
        }

        return [.. bytes];
    }

    private string Apply(List<byte> bytes, int choice)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(Tokens[_rng.Next(Tokens.Length)]));
            return "fill empty";
        }

        var at = _rng.Next(bytes.Count);
        var length = Math.Min(bytes.Count - at, 1 + _rng.Next(_rng.Next(2) == 0 ? 8 : 400));
        switch (choice)
        {
            case 0:
                var bit = 1 << _rng.Next(8);
                bytes[at] ^= (byte)bit;
                return $"flip bit {bit} at {at}";
            case 1:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncate at {at}";
            case 2:
                bytes.RemoveRange(at, length);
                return $"delete {length} at {at}";
            case 3:
                bytes.InsertRange(_rng.Next(bytes.Count), bytes.GetRange(at, length));
                return $"duplicate {length} from {at}";
            case 4:
            case 5:
                var token = Tokens[_rng.Next(Tokens.Length)];
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                return $"insert {System.Text.Json.JsonEncodedText.Encode(token)} at {at}";
            case 6:
                return Indent(bytes, at);
            case 7:
                return LineEnds(bytes);
            default:
                var random = new byte[1 + _rng.Next(6)];
                _rng.NextBytes(random);
                bytes.InsertRange(at, random);
                return $"insert {random.Length} random bytes at {at}";
        }
    }

    /// <summary>Shifts one line's indentation: the YAML structure changes, the text stays plausible.</summary>
    private string Indent(List<byte> bytes, int at)
    {
        var lineStart = bytes.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
        if (_rng.Next(2) == 0 && lineStart < bytes.Count && bytes[lineStart] == (byte)' ')
        {
            bytes.RemoveRange(lineStart, Math.Min(2, bytes.Count - lineStart));
            return $"dedent line at {lineStart}";
        }

        bytes.InsertRange(lineStart, "  "u8.ToArray());
        return $"indent line at {lineStart}";
    }

    private string LineEnds(List<byte> bytes)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        var (replaced, what) = _rng.Next(3) switch
        {
            0 => (text.Replace("\n", "\r\n", StringComparison.Ordinal), "CRLF"),
            1 => (text.Replace("\n", "\r", StringComparison.Ordinal), "CR only"),
            _ => ("\uFEFF" + text, "BOM"),
        };
        bytes.Clear();
        bytes.AddRange(Encoding.UTF8.GetBytes(replaced));
        return "line ends: " + what;
    }

    /// <summary>A payload nested far past every limit, as raw text (a tree that deep would overflow the harness itself).</summary>
    public static byte[] DeepPayload(int depth, bool arrays) =>
        Encoding.UTF8.GetBytes(arrays
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
}
