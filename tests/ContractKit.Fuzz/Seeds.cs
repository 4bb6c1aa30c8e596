using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Pipeline;

namespace ContractKit.Fuzz;

/// <summary>A real spec to start mutating from: its text and its tree as the reader parsed it.</summary>
internal sealed record SpecSeed(string Name, byte[] Bytes, string Extension, JsonNode Tree, int Weight);

/// <summary>A JSON-Schema-Test-Suite group: a schema and the instances its tests validate.</summary>
internal sealed record SchemaSeed(string Name, JsonNode Schema, IReadOnlyList<JsonNode?> Instances, bool Draft4);

/// <summary>The seeds: the repository's specs, the corpus's specs (the OpenAI API too in long runs) and the JSON Schema test suite.</summary>
internal sealed class Seeds
{
    private readonly int _totalWeight;

    private Seeds(List<SpecSeed> specs, List<SchemaSeed> schemas)
    {
        Specs = specs;
        Schemas = schemas;
        _totalWeight = specs.Sum(s => s.Weight);
    }

    public IReadOnlyList<SpecSeed> Specs { get; }

    public IReadOnlyList<SchemaSeed> Schemas { get; }

    /// <param name="repoRoot">The checkout (its <c>spec/</c> folder is always used).</param>
    /// <param name="corpus">The corpus folder, or null when absent.</param>
    /// <param name="large">Whether to add the large OpenAI specs (long runs: a case on them takes seconds).</param>
    public static Seeds Load(string repoRoot, string? corpus, bool large)
    {
        var files = Directory.GetFiles(Path.Combine(repoRoot, "spec"), "*.yaml").Select(f => (f, 10)).ToList();
        if (corpus is not null)
        {
            files.AddRange(Directory.GetFiles(Path.Combine(corpus, "oai-examples"), "*.yaml").Select(f => (f, 10)));
            if (large)
            {
                files.Add((Path.Combine(corpus, "openai", "assistants-v2.yaml"), 2));
                files.Add((Path.Combine(corpus, "openai", "openapi.yaml"), 1));
            }
        }

        var specs = new List<SpecSeed>();
        foreach (var (file, weight) in files.Where(f => File.Exists(f.Item1)).OrderBy(f => f.Item1, StringComparer.Ordinal))
        {
            var loaded = ContractLoader.Load(file);
            if (loaded.Read.Raw is { } tree)
            {
                specs.Add(new SpecSeed(Path.GetFileName(file), File.ReadAllBytes(file), Path.GetExtension(file), tree, weight));
            }
        }

        return new Seeds(specs, corpus is null ? [] : LoadSchemas(Path.Combine(corpus, "json-schema-test-suite", "tests")));
    }

    public SpecSeed PickSpec(Random rng)
    {
        var at = rng.Next(_totalWeight);
        foreach (var seed in Specs)
        {
            at -= seed.Weight;
            if (at < 0)
            {
                return seed;
            }
        }

        return Specs[^1];
    }

    private static List<SchemaSeed> LoadSchemas(string folder)
    {
        var seeds = new List<SchemaSeed>();
        foreach (var draft in new[] { "draft4", "draft2020-12" })
        {
            var path = Path.Combine(folder, draft);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is not JsonArray groups)
                {
                    continue;
                }

                foreach (var group in groups.OfType<JsonObject>())
                {
                    var instances = (group["tests"] as JsonArray ?? []).OfType<JsonObject>().Select(t => t["data"]).ToList();
                    seeds.Add(new SchemaSeed($"{draft}/{Path.GetFileName(file)}: {group["description"]}", group["schema"]!, instances, draft == "draft4"));
                }
            }
        }

        return seeds;
    }
}
