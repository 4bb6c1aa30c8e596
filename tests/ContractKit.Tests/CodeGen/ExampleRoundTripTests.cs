using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Lint;
using ContractKit.Lint.Rules;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using ContractKit.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.CodeGen;

/// <summary>
/// Every <c>example</c>/<c>examples</c> value of a corpus spec that belongs to a schema (component and inline schemas,
/// JSON media types, parameters, headers) is read into the generated type with the generated JSON metadata and written
/// back; what comes out must be the same JSON (see <see cref="JsonSemantics"/>), and every union in it must resolve to
/// one of its variants (<see cref="UnionWalker"/>). Examples that break their own schema
/// (per the runtime validator, in their direction) are spec bugs: listed, not failures.
/// </summary>
[Collection(CompiledCorpusCollection.Name)]
public sealed class ExampleRoundTripTests(CompiledCorpus corpus, ITestOutputHelper output)
{
    /// <summary>
    /// Examples that are valid but cannot round-trip, by spec and value pointer, with the reason. Empty today; an
    /// entry here must say why the generated type cannot do better.
    /// </summary>
    private static readonly Dictionary<(string Spec, string Pointer), string> Excluded = new();

    // Declared before KnownSpecBugs: static fields initialize in order.
    private static readonly string[] AssistantsEraBugs =
    [
        "#/components/schemas/CreateCompletionRequest/properties/prompt/oneOf/2/example",
        "#/components/schemas/CreateCompletionRequest/properties/prompt/oneOf/3/example",
        "#/components/schemas/CreateEmbeddingRequest/properties/input/oneOf/2/example",
        "#/components/schemas/CreateEmbeddingRequest/properties/input/oneOf/3/example",
    ];

    /// <summary>
    /// The examples that break their own schema, pinned by spec and value pointer, each checked by hand against the
    /// spec: the validator under test must not decide alone what is skipped, or a regression that rejects a good
    /// example would pass as one more "spec bug".
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownSpecBugs = new(StringComparer.Ordinal)
    {
        // A string example under an array variant of prompt/input (the spec's examples belong to the string variant).
        ["openai/assistants-v1.yaml"] = AssistantsEraBugs,
        ["openai/assistants-v2.yaml"] = AssistantsEraBugs,
        ["openai/openapi.yaml"] =
        [
            .. AssistantsEraBugs,
            // A string where the schema wants an object (a JSON schema or metadata written as text).
            "#/components/schemas/CreateEvalCustomDataSourceConfig/properties/item_schema/example",
            "#/components/schemas/CreateEvalLogsDataSourceConfig/properties/metadata/example",
            "#/components/schemas/CreateEvalStoredCompletionsDataSourceConfig/properties/metadata/example",
            "#/components/schemas/EvalCustomDataSourceConfig/properties/schema/example",
            // A required property the example leaves out: logprobs (output text), id (compacted output item), state_variables.
            "#/components/schemas/Response/example",
            "#/components/schemas/BetaResponse/example",
            "#/components/schemas/CompactResource/example",
            "#/components/schemas/BetaCompactResource/example",
            "#/components/schemas/ChatSessionResource/example",
        ],
    };

    public static IEnumerable<object[]> Specs()
    {
        if (Corpus.Root is null)
        {
            return [["(corpus absent)"]];
        }

        return Directory.GetFiles(Corpus.PathOf("oai-examples"))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Corpus.Root, f))
            .Append(Path.Combine("openai", "openapi.yaml"))
            .Append(Path.Combine("openai", "assistants-v1.yaml"))
            .Append(Path.Combine("openai", "assistants-v2.yaml"))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });
    }

    [CorpusTheory]
    [MemberData(nameof(Specs))]
    public void EveryValidExample_RoundTripsThroughTheGeneratedType(string relative)
    {
        var spec = corpus.Get(relative);
        Assert.True(spec.Compiled.Problems.Count == 0, string.Join("\n", spec.Compiled.Problems.Take(20)));

        var report = RoundTrip(spec);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{relative}: {report.Examples} examples; {report.RoundTripped} round-tripped (with {report.UnionsResolved} unions in them resolved to a variant), {report.SpecBugs.Count} invalid against their schema (spec bugs), {report.Unmapped.Count} without a schema in the model, {report.Excluded.Count} excluded, {report.Failures.Count} failed"));
        Section("Spec bugs (the example breaks its own schema)", report.SpecBugs);
        Section("Not checked (schema not in the model)", report.Unmapped);
        Section("Excluded", report.Excluded);
        Section("FAILED", report.Failures);

        Assert.True(report.Failures.Count == 0, $"{report.Failures.Count} examples did not round-trip:\n" + string.Join("\n", report.Failures.Take(50)));
        Assert.Empty(report.Unmapped);
        Assert.True(report.RoundTripped + report.SpecBugs.Count + report.Excluded.Count == report.Examples);
        Assert.Equal(
            KnownSpecBugs.GetValueOrDefault(relative.Replace('\\', '/'), []).Order(StringComparer.Ordinal),
            report.SpecBugs.Select(b => b[..b.IndexOf(": ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SemanticEquality_IgnoresMemberOrderAndNumberSpelling_AndNothingElse()
    {
        static string? Diff(string a, string b) => JsonSemantics.Difference(JsonNode.Parse(a), JsonNode.Parse(b));

        Assert.Null(Diff("""{"a":1,"b":[1.0,2e0,{"c":null}]}""", """{"b":[1,2,{"c":null}],"a":10E-1}"""));
        Assert.Null(Diff("0.10", "1e-1"));
        Assert.Null(Diff("-0", "0.0"));
        Assert.Null(Diff("12345678901234567890123", "1.2345678901234567890123e22"));
        Assert.Null(Diff("\"\\u00e9\"", "\"é\""));
        Assert.NotNull(Diff("0.1", "0.10000000000000001"));
        Assert.NotNull(Diff("""{"a":1}""", """{"a":1,"b":2}"""));
        Assert.NotNull(Diff("""{"a":null}""", "{}"));
        Assert.NotNull(Diff("[1,2]", "[2,1]"));
        Assert.NotNull(Diff("1", "\"1\""));
        Assert.NotNull(Diff("true", "1"));
        Assert.NotNull(Diff("\"A\"", "\"a\""));
        Assert.Equal("/b/0: expected 1, got 2", Diff("""{"b":[1]}""", """{"b":[2]}"""));
    }

    [Fact]
    public void UnionWalker_FindsAUnionThatNoVariantAccepts()
    {
        var json = ContractKit.Generated.Shapes.ShapesClientJsonContext.Default;
        var known = JsonSerializer.Deserialize("""{"pet":{"kind":"cat","lives":1},"stop":["a"],"tags":{"n":1}}""", json.PetEnvelope);
        var unknown = JsonSerializer.Deserialize("""{"pet":{"kind":"axolotl"},"stop":null}""", json.PetEnvelope);

        var (resolved, none) = UnionWalker.Walk(known, typeof(ContractKit.Generated.Shapes.Pet).Assembly);
        var (_, unresolved) = UnionWalker.Walk(unknown, typeof(ContractKit.Generated.Shapes.Pet).Assembly);

        Assert.Equal(3, resolved);
        Assert.Empty(none);
        Assert.Equal(["/pet: Pet matched none of Cat, Dog"], unresolved);
    }

    private void Section(string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine($"{title}:");
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
    }

    private sealed record Report(int Examples, int RoundTripped, int UnionsResolved, List<string> SpecBugs, List<string> Unmapped, List<string> Excluded, List<string> Failures);

    private static Report RoundTrip(CompiledSpec spec)
    {
        var document = LintWalker.Walk(spec.Read.Raw);
        var resolver = new ExampleSchemaResolver(spec.Read, spec.Model, document);
        var schemas = new ContractSchemas(spec.Model);
        var sites = document.Examples.Where(e => e.Kind == ExampleKind.Example).ToList();

        var specBugs = new List<string>();
        var unmapped = new List<string>();
        var excluded = new List<string>();
        var failures = new List<string>();
        var roundTripped = 0;
        var unionsResolved = 0;

        // One validator for every use, as lint does: {"u3": example} validates the example against use 3 only.
        var keys = new Dictionary<TypeUse, string>();
        var properties = new JsonObject();
        var mapped = new List<(ExampleSite Site, TypeUse Use, string Key)>();
        foreach (var site in sites)
        {
            if (resolver.Resolve(site.SchemaPointer) is not { } use)
            {
                unmapped.Add($"{site.ValuePointer}: no model type for {site.SchemaPointer}");
                continue;
            }

            if (!keys.TryGetValue(use, out var key))
            {
                key = "u" + keys.Count.ToString(CultureInfo.InvariantCulture);
                keys[use] = key;
                var lowered = schemas.LowerUse(use);
                lowered.Remove("$schema");
                properties[key] = lowered;
            }

            mapped.Add((site, use, key));
        }

        var validator = JsonSchemaValidator.Compile(
            new JsonObject { ["$schema"] = SchemaLowering.Dialect, ["properties"] = properties }.ToJsonString(),
            schemas.Options);
        foreach (var (site, use, key) in mapped)
        {
            var json = site.Value?.ToJsonString() ?? "null";
            var verdict = validator.Validate(Encoding.UTF8.GetBytes("{\"" + key + "\":" + json + "}"), new ValidationOptions { Direction = site.Direction });
            if (!verdict.IsValid)
            {
                var first = verdict.Errors.FirstOrDefault();
                var where = first is null ? string.Empty : first.InstanceLocation.Length > key.Length + 1 ? first.InstanceLocation[(key.Length + 1)..] : "(root)";
                specBugs.Add($"{site.ValuePointer}: {where}: {first?.Message}");
                continue;
            }

            if (Excluded.TryGetValue((spec.Relative, site.ValuePointer), out var reason))
            {
                excluded.Add($"{site.ValuePointer}: {reason}");
                continue;
            }

            if (Check(spec, use, json, ref unionsResolved) is { } failure)
            {
                failures.Add($"{site.ValuePointer} as {spec.Types.Map(use).Annotated.Replace("global::", string.Empty, StringComparison.Ordinal)}: {failure}");
                continue;
            }

            roundTripped++;
        }

        return new Report(sites.Count, roundTripped, unionsResolved, specBugs, unmapped, excluded, failures);
    }

    /// <summary>Null when the JSON reads into the use's C# type and writes back as the same JSON, else what went wrong.</summary>
    private static string? Check(CompiledSpec spec, TypeUse use, string json, ref int unionsResolved)
    {
        Type type;
        try
        {
            type = spec.ClrType(use);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }

        string written;
        try
        {
            var value = JsonSerializer.Deserialize(json, type, spec.JsonOptions);
            var (resolved, unresolved) = UnionWalker.Walk(value, spec.Assembly);
            unionsResolved += resolved;
            if (unresolved.Count > 0)
            {
                return "a union resolved to no variant: " + string.Join("; ", unresolved.Take(3));
            }

            written = JsonSerializer.Serialize(value, type, spec.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException or System.Reflection.TargetInvocationException)
        {
            return $"{e.GetType().Name}: {(e.InnerException ?? e).Message}";
        }

        return JsonSemantics.Difference(JsonNode.Parse(json), JsonNode.Parse(written)) is { } difference
            ? $"{difference} (wrote {Shorten(written)})"
            : null;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..197] + "..." : text;
}
