using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Reading;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;

namespace ContractKit.Benchmarks;

/// <summary>
/// Validating a ThreadObject (the seeds' shape, two metadata entries, both tool_resources lists) against the
/// contract, next to a bare Utf8JsonReader pass over the same bytes (the floor) and NJsonSchema 10.7.2 (the
/// baseline people use today), all in one run. The 1,000-thread array case reports throughput: MB/s = size / mean.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private const string Thread = """
        {"id":"thread_abc123","object":"thread","created_at":1699014083,
         "metadata":{"modified":"true","user":"abc123"},
         "tool_resources":{"code_interpreter":{"file_ids":["file-abc123","file-def456"]},"file_search":{"vector_store_ids":["vs_abc123"]}}}
        """;

    private byte[] _one = [];
    private byte[] _many = [];
    private string _oneText = "";
    private JsonSchemaValidator _validator = null!;
    private JsonSchemaValidator _arrayValidator = null!;
    private NJsonSchema.JsonSchema _njsonSchema = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = Path.Combine(RepoRoot(), "spec", "threads.yaml");
        var model = ModelBuilder.Build(SpecReader.Read(spec)).Model;
        var lowering = new SchemaLowering(model);
        var thread = new TypeUse(new NamedRef("#/components/schemas/ThreadObject"));
        var schema = lowering.LowerStandalone(thread).ToJsonString();
        var arraySchema = lowering.LowerStandalone(new TypeUse(new ArrayRef(thread))).ToJsonString();
        var options = new SchemaOptions { OpenApiVocabulary = true };
        _validator = JsonSchemaValidator.Compile(schema, options);
        _arrayValidator = JsonSchemaValidator.Compile(arraySchema, options);

        _oneText = JsonSerializer.Serialize(JsonDocument.Parse(Thread).RootElement);
        _one = Encoding.UTF8.GetBytes(_oneText);
        _many = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(_oneText, 1000)) + "]");

        // NJsonSchema reads draft-4-style documents: the same lowered schema, with $defs spelled "definitions".
        _njsonSchema = NJsonSchema.JsonSchema.FromJsonAsync(schema.Replace("$defs", "definitions", StringComparison.Ordinal)).GetAwaiter().GetResult();
        if (!_validator.IsValid(_one) || !_arrayValidator.IsValid(_many) || _njsonSchema.Validate(_oneText).Count != 0)
        {
            throw new InvalidOperationException("the benchmark payload must be valid for every validator");
        }

        Console.WriteLine($"// payload: {_one.Length} bytes; array of 1,000: {_many.Length} bytes");
    }

    [Benchmark(Baseline = true, Description = "Utf8JsonReader pass (floor)")]
    public int ReaderPass()
    {
        var reader = new Utf8JsonReader(_one);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "ContractKit IsValid")]
    public bool ContractKitIsValid() => _validator.IsValid(_one);

    [Benchmark(Description = "ContractKit Validate")]
    public bool ContractKitValidate() => _validator.Validate(_one).IsValid;

    [Benchmark(Description = "NJsonSchema 10.7.2 Validate")]
    public int NJsonSchemaValidate() => _njsonSchema.Validate(_oneText).Count;

    [Benchmark(Description = "ContractKit, 1,000 threads")]
    public bool ContractKitArray() => _arrayValidator.IsValid(_many);

    [Benchmark(Description = "Utf8JsonReader, 1,000 threads")]
    public int ReaderPassArray()
    {
        var reader = new Utf8JsonReader(_many);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
