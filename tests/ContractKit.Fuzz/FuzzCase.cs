using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractKit.Fuzz;

/// <summary>
/// One fuzz input: a mutated spec (<c>head</c>), for the diff a second one (<c>base</c>), and payloads; or, for the
/// schema target, a mutated JSON Schema (<c>head.json</c>) and instances. Written to a folder, which is also the
/// reproducer of a finding (<c>--replay</c> reads it back).
/// </summary>
internal sealed class FuzzCase
{
    public required string Kind { get; init; }

    public required string Origin { get; init; }

    public required byte[] Head { get; init; }

    public required string HeadExtension { get; init; }

    public byte[]? Base { get; init; }

    public string BaseExtension { get; init; } = ".yaml";

    public List<byte[]> Payloads { get; init; } = [];

    /// <summary>Whether the generated code is compiled (a sample of the cases: Roslyn takes a second or more).</summary>
    public bool Compile { get; init; }

    public List<string> Log { get; init; } = [];

    public const string SpecKind = "spec";
    public const string SchemaKind = "schema";

    public string HeadPath(string folder) => Path.Combine(folder, "head" + HeadExtension);

    public string BasePath(string folder) => Path.Combine(folder, "base" + BaseExtension);

    /// <summary>Writes the case's files into <paramref name="folder"/> (emptied first).</summary>
    public void Write(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllBytes(HeadPath(folder), Head);
        if (Base is not null)
        {
            File.WriteAllBytes(BasePath(folder), Base);
        }

        for (var i = 0; i < Payloads.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"payload-{i}.json"), Payloads[i]);
        }

        var about = new StringBuilder()
            .AppendLine($"kind: {Kind}")
            .AppendLine($"origin: {Origin}")
            .AppendLine($"compile: {Compile}")
            .AppendLine("mutations:");
        foreach (var line in Log)
        {
            about.AppendLine("  " + line);
        }

        File.WriteAllText(Path.Combine(folder, "case.txt"), about.ToString());
    }

    /// <summary>Reads a case written by <see cref="Write"/> (a reproducer).</summary>
    public static FuzzCase Read(string folder)
    {
        var about = File.ReadAllLines(Path.Combine(folder, "case.txt"));
        string Field(string name) => about.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..] ?? "";
        var head = Directory.GetFiles(folder, "head.*").Single();
        var baseFile = Directory.GetFiles(folder, "base.*").SingleOrDefault();
        var payloads = Directory.GetFiles(folder, "payload-*.json")
            .OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p)["payload-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(File.ReadAllBytes)
            .ToList();
        return new FuzzCase
        {
            Kind = Field("kind"),
            Origin = Field("origin"),
            Compile = Field("compile") == "True",
            Head = File.ReadAllBytes(head),
            HeadExtension = Path.GetExtension(head),
            Base = baseFile is null ? null : File.ReadAllBytes(baseFile),
            BaseExtension = baseFile is null ? ".yaml" : Path.GetExtension(baseFile),
            Payloads = payloads,
        };
    }
}

/// <summary>Makes cases from seeds: tree mutations written as YAML or JSON, or byte mutations of the text.</summary>
internal static class CaseMaker
{
    public static FuzzCase Spec(SpecSeed seed, Random rng, bool compile)
    {
        var log = new List<string>();
        var (head, headExtension, headTree) = MutateSpec(seed, rng, log);
        byte[]? baseBytes = null;
        var baseExtension = seed.Extension;
        if (rng.Next(3) != 0)
        {
            var baseLog = new List<string>();
            (baseBytes, baseExtension, _) = rng.Next(2) == 0 ? (seed.Bytes, seed.Extension, null) : MutateSpec(seed, rng, baseLog);
            log.Add("base: " + (baseLog.Count == 0 ? "the seed as is" : string.Join("; ", baseLog)));
        }

        return new FuzzCase
        {
            Kind = FuzzCase.SpecKind,
            Origin = seed.Name,
            Head = head,
            HeadExtension = headExtension,
            Base = baseBytes,
            BaseExtension = baseExtension,
            Payloads = Payloads(headTree ?? seed.Tree, rng, log),
            Compile = compile,
            Log = log,
        };
    }

    public static FuzzCase Schema(SchemaSeed seed, Random rng)
    {
        var log = new List<string>();
        var schema = seed.Schema.DeepClone();
        var wrapper = new JsonObject { ["s"] = schema };
        var tree = new TreeMutator(rng);
        tree.Mutate(wrapper, spec: true);
        log.AddRange(tree.Log);
        if (seed.Draft4 && wrapper["s"] is JsonObject obj && !obj.ContainsKey("$schema"))
        {
            obj["$schema"] = "http://json-schema.org/draft-04/schema#";
        }

        var payloads = seed.Instances.Select(i => MutatePayload(i?.DeepClone(), rng, log)).ToList();
        return new FuzzCase { Kind = FuzzCase.SchemaKind, Origin = seed.Name, Head = TreeText.Json(wrapper["s"], indented: false), HeadExtension = ".json", Payloads = payloads, Log = log };
    }

    private static (byte[] Bytes, string Extension, JsonNode? Tree) MutateSpec(SpecSeed seed, Random rng, List<string> log)
    {
        if (rng.Next(4) == 0)
        {
            var text = new TextMutator(rng);
            var bytes = text.Mutate(seed.Bytes);
            log.AddRange(text.Log.Select(l => "text: " + l));
            return (bytes, seed.Extension, null);
        }

        var tree = seed.Tree.DeepClone();
        var mutator = new TreeMutator(rng);
        mutator.Mutate(tree, spec: true);
        log.AddRange(mutator.Log);
        var asJson = rng.Next(3) == 0;
        var written = asJson ? TreeText.Json(tree, indented: rng.Next(2) == 0) : TreeText.Yaml(tree);
        if (rng.Next(6) == 0)
        {
            var text = new TextMutator(rng);
            written = text.Mutate(written);
            log.AddRange(text.Log.Select(l => "text: " + l));
        }

        return (written, asJson ? ".json" : ".yaml", tree);
    }

    /// <summary>Payloads from the spec's own examples (mutated), plus now and then one nested far too deep.</summary>
    private static List<byte[]> Payloads(JsonNode tree, Random rng, List<string> log)
    {
        var examples = TreeMutator.Slots(tree)
            .Where(s => s.Key is "example" or "value" or "default")
            .Select(s => s.Value)
            .ToList();
        var payloads = new List<byte[]>();
        for (var i = 0; i < 3; i++)
        {
            var start = examples.Count > 0 ? examples[rng.Next(examples.Count)]?.DeepClone() : HostileValues.Value(rng);
            payloads.Add(MutatePayload(start, rng, log));
        }

        if (rng.Next(20) == 0)
        {
            payloads.Add(TextMutator.DeepPayload(rng.Next(2) == 0 ? 1001 : 200_000, arrays: rng.Next(2) == 0));
            log.Add("payload: deeply nested");
        }

        return payloads;
    }

    private static byte[] MutatePayload(JsonNode? payload, Random rng, List<string> log)
    {
        if (payload is null || rng.Next(3) == 0)
        {
            return TreeText.Json(payload, indented: false);
        }

        var wrapper = new JsonObject { ["p"] = payload };
        var tree = new TreeMutator(rng);
        tree.Mutate(wrapper, spec: false);
        log.AddRange(tree.Log.Select(l => "payload: " + l));
        var bytes = TreeText.Json(wrapper["p"], indented: false);
        if (rng.Next(5) != 0)
        {
            return bytes;
        }

        var text = new TextMutator(rng);
        bytes = text.Mutate(bytes);
        log.AddRange(text.Log.Select(l => "payload text: " + l));
        return bytes;
    }
}
