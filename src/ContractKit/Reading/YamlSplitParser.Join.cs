using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Reading;

// Converting the parts on all cores and joining them in file order, positions included.
internal sealed partial class YamlSplitParser
{
    /// <summary>Converts the parts on all cores and joins them; <see langword="null"/> if any part is not clean.</summary>
    private ParsedDocument? Join(int firstKeyLine, List<Chunk> chunks)
    {
        var results = new Part?[chunks.Count];

        // Biggest parts first, each to whichever thread is free, so that the last one to start is small.
        var order = new int[chunks.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            for (; j > 0 && Size(chunks[order[j - 1]]) < Size(chunks[i]); j--)
            {
                order[j] = order[j - 1];
            }

            order[j] = i;
        }

        // One part that cannot be converted on its own means the whole file is converted in one pass: stop early.
        var taken = -1;
        var failed = new StrongBox<bool>();
        void Work()
        {
            for (var i = Interlocked.Increment(ref taken); i < order.Length && !Volatile.Read(ref failed.Value); i = Interlocked.Increment(ref taken))
            {
                if ((results[order[i]] = ConvertChunk(chunks[order[i]], failed)) is null)
                {
                    Volatile.Write(ref failed.Value, true);
                }
            }
        }

        var helpers = new Task[Math.Min(Environment.ProcessorCount, order.Length) - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Run(Work);
        }

        Work();
        Task.WaitAll(helpers);

        // The parts' positions go into the biggest part's table, which saves copying most of them.
        Part? biggest = null;
        foreach (var part in results)
        {
            if (part is null)
            {
                return null;
            }

            if (biggest is null || part.Positions.Count > biggest.Positions.Count)
            {
                biggest = part;
            }
        }

        var positions = biggest!.Positions;
        var containers = new JsonObject[_containers];
        var keyPositions = new List<TextPosition>[_containers];
        containers[0] = new JsonObject();
        keyPositions[0] = [];
        var next = 0;
        foreach (var step in _steps)
        {
            var parent = containers[step.Parent];
            if (step.Spine is { } spine)
            {
                var container = new JsonObject();
                if (!parent.TryAdd(spine.Key, container))
                {
                    return null;
                }

                keyPositions[step.Parent].Add(spine.KeyPosition);
                containers[spine.Container] = container;
                keyPositions[spine.Container] = [];
                continue;
            }

            var (root, chunkPositions) = results[next++]!;
            if (!chunkPositions.Remove(root, out var rootPositions) || !SameKeyLines(rootPositions, step.Chunk!))
            {
                return null;
            }

            var keys = new string[root.Count];
            var values = new JsonNode?[root.Count];
            var count = 0;
            foreach (var (key, value) in root)
            {
                keys[count] = key;
                values[count++] = value;
            }

            root.Clear();
            for (var i = 0; i < count; i++)
            {
                if (!parent.TryAdd(keys[i], values[i]))
                {
                    return null;
                }
            }

            keyPositions[step.Parent].AddRange(rootPositions);
            if (chunkPositions != positions)
            {
                AddAll(positions, chunkPositions);
            }
        }

        for (var i = 0; i < _containers; i++)
        {
            positions[containers[i]] = keyPositions[i];
        }

        // A block mapping starts at its first key.
        var rootPosition = new TextPosition(firstKeyLine + 1, 1);
        return new ParsedDocument
        {
            Root = containers[0],
            Locator = new YamlSourceLocator(containers[0], rootPosition, positions),
            Problems = [],
            Format = "yaml",
            Parts = chunks.Count,
        };
    }

    private Part? ConvertChunk(Chunk chunk, StrongBox<bool> failed)
    {
        var start = _lineStarts[chunk.FirstLine];
        try
        {
            return YamlToJson.TryConvertPart(_filePath, _yaml[start.._lineStarts[chunk.End]], chunk.FirstLine, chunk.Depth, failed, out var root, out var positions)
                ? new Part(root, positions)
                : null;
        }
        catch (Exception)
        {
            // Whatever went wrong, the one-pass conversion will meet it too and report it as it always has.
            return null;
        }
    }

    /// <summary>The part's keys are exactly on the lines the scan cut at: nothing was read differently.</summary>
    private static bool SameKeyLines(List<TextPosition> keys, Chunk chunk)
    {
        if (keys.Count != chunk.KeyLines.Count)
        {
            return false;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] != new TextPosition(chunk.KeyLines[i] + 1, chunk.Indent + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddAll(Dictionary<JsonNode, List<TextPosition>> target, Dictionary<JsonNode, List<TextPosition>> source)
    {
        target.EnsureCapacity(target.Count + source.Count);
        foreach (var (node, list) in source)
        {
            target.Add(node, list);
        }
    }
}
