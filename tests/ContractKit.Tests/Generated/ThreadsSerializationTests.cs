using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Generated.Threads;
using ContractKit.Model;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>The checked-in generated DTOs, exercised on the examples of the contract they come from.</summary>
public sealed class ThreadsSerializationTests
{
    private static readonly ThreadsClientJsonContext Json = ThreadsClientJsonContext.Default;

    // Distinct: the same example written on the schema and on a media type would be one xunit case twice (and skipped).
    public static IEnumerable<object[]> ThreadExamples() => ExamplesOf("#/components/schemas/ThreadObject").Distinct().Select(e => new object[] { e });

    public static IEnumerable<object[]> RequestExamples() => ExamplesOf("#/components/schemas/ModifyThreadRequest").Distinct().Select(e => new object[] { e });

    /// <summary>Examples written on the schema and on every media type whose schema is it, from spec/threads.yaml.</summary>
    private static List<string> ExamplesOf(string typeId)
    {
        var model = TempSpec.BuildModel(TempSpec.ThreadsSpecPath);
        var examples = model.Types.Single(t => t.Id == typeId).Examples.ToList();
        foreach (var operation in model.Operations)
        {
            var contents = (operation.RequestBody?.Content ?? EquatableArray<MediaContent>.Empty).Concat(operation.Responses.SelectMany(r => r.Content));
            examples.AddRange(contents.Where(c => c.Schema?.Type == new NamedRef(typeId)).SelectMany(c => c.Examples));
        }

        return examples;
    }

    [Fact]
    public void TheSpec_CarriesTheSeedExamples()
    {
        Assert.Equal(3, ExamplesOf("#/components/schemas/ThreadObject").Count);
        Assert.Equal(2, ExamplesOf("#/components/schemas/ModifyThreadRequest").Count);
        Assert.Equal(2, ThreadExamples().Count());
    }

    [Theory]
    [MemberData(nameof(ThreadExamples))]
    public void ThreadExample_RoundTripsThroughThreadObject(string example)
    {
        var thread = JsonSerializer.Deserialize(example, Json.ThreadObject)!;
        var written = JsonSerializer.Serialize(thread, Json.ThreadObject);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(written)), $"{example}\n!=\n{written}");
        Assert.Equal(ThreadObjectObject.Thread, thread.Object);
    }

    [Theory]
    [MemberData(nameof(RequestExamples))]
    public void RequestExample_RoundTripsThroughModifyThreadRequest(string example)
    {
        var request = JsonSerializer.Deserialize(example, Json.ModifyThreadRequest)!;
        var written = JsonSerializer.Serialize(request, Json.ModifyThreadRequest);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(written)), $"{example}\n!=\n{written}");
    }

    [Fact]
    public void SeedObjectExample_WithoutToolResources_IsRejected_BecauseTheContractRequiresIt()
    {
        // The API reference's "thread object" example leaves out tool_resources, which the same page marks required:
        // the generated type holds the contract, and says which property is missing.
        const string seedObjectExample = """{"id":"thread_abc123","object":"thread","created_at":1698107661,"metadata":{}}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(seedObjectExample, Json.ThreadObject));

        Assert.Contains("tool_resources", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalNullableProperty_Absent_IsNotWritten()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new ModifyThreadRequest(), Json.ModifyThreadRequest));
    }

    [Fact]
    public void OptionalNullableProperty_SetToNull_WritesExplicitNull()
    {
        var request = new ModifyThreadRequest { Metadata = null, ToolResources = null };

        Assert.Equal("""{"tool_resources":null,"metadata":null}""", JsonSerializer.Serialize(request, Json.ModifyThreadRequest));
    }

    [Fact]
    public void OptionalNullableProperty_SetToValue_WritesTheValue()
    {
        var request = new ModifyThreadRequest
        {
            Metadata = new Dictionary<string, string> { ["modified"] = "true", ["user"] = "abc123" },
            ToolResources = new ModifyThreadRequestToolResources
            {
                CodeInterpreter = new ModifyThreadRequestToolResourcesCodeInterpreter { FileIds = ["file-1"] },
            },
        };

        Assert.Equal(
            """{"tool_resources":{"code_interpreter":{"file_ids":["file-1"]}},"metadata":{"modified":"true","user":"abc123"}}""",
            JsonSerializer.Serialize(request, Json.ModifyThreadRequest));
    }

    [Theory]
    [InlineData("{}", false, false)]
    [InlineData("""{"metadata":null}""", true, true)]
    [InlineData("""{"metadata":{"k":"v"}}""", true, false)]
    public void Deserialization_KeepsAbsentNullAndValueApart(string json, bool present, bool isNull)
    {
        var request = JsonSerializer.Deserialize(json, Json.ModifyThreadRequest)!;

        Assert.Equal(present, request.Metadata.IsPresent);
        Assert.Equal(isNull, request.Metadata.IsNull);
        if (present && !isNull)
        {
            Assert.Equal("v", request.Metadata.Value!["k"]);
        }

        Assert.Equal(json, JsonSerializer.Serialize(request, Json.ModifyThreadRequest));
    }

    [Fact]
    public void AbsentOptional_ThrowsOnValue_SoAbsentIsNeverMistakenForNull()
    {
        var request = new ModifyThreadRequest();

        Assert.Throws<System.InvalidOperationException>(() => request.Metadata.Value);
        Assert.Equal(Optional<IDictionary<string, string>?>.Absent, request.Metadata);
    }

    [Fact]
    public void UnknownEnumValue_IsKept_AndWrittenBackUnchanged()
    {
        const string json = """{"id":"t","object":"thread.archived","created_at":1,"tool_resources":null,"metadata":null}""";

        var thread = JsonSerializer.Deserialize(json, Json.ThreadObject)!;

        Assert.Equal("thread.archived", thread.Object.Value);
        Assert.False(thread.Object.IsKnown);
        Assert.True(ThreadObjectObject.Thread.IsKnown);
        Assert.Equal(json, JsonSerializer.Serialize(thread, Json.ThreadObject));
    }

    [Fact]
    public void UnknownProperties_FromTheServer_SurviveARoundTrip()
    {
        const string json = """{"id":"t","object":"thread","created_at":1,"tool_resources":{},"metadata":{},"added_later":{"x":[1,2]}}""";

        var thread = JsonSerializer.Deserialize(json, Json.ThreadObject)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(thread, Json.ThreadObject))));
    }

    [Fact]
    public void NullForANonNullableProperty_IsAnError()
    {
        const string json = """{"id":null,"object":"thread","created_at":1,"tool_resources":null,"metadata":null}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.ThreadObject));
    }
}
