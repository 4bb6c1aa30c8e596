using System;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContractKit.Generated.Threads;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>The JSON metadata ContractKit writes itself (no System.Text.Json source generator at build time).</summary>
public sealed class GeneratedJsonMetadataTests
{
    private const string Thread = """{"id":"thread_1","object":"thread","created_at":1699012949,"tool_resources":null,"metadata":{"k":"v"},"extra":[1]}""";

    [Fact]
    public void Context_AsksNothingOfTheSourceGenerator()
    {
        Assert.Empty(typeof(ThreadsClientJsonContext).GetCustomAttributes<JsonSerializableAttribute>());
        Assert.NotNull(ThreadsClientJsonContext.Default.GetTypeInfo(typeof(ThreadObject)));
    }

    [Fact]
    public void ThreadObject_ReadsAndWritesEveryMember_InContractOrder_WithExtensionDataLast()
    {
        var thread = JsonSerializer.Deserialize(Thread, ThreadsClientJsonContext.Default.ThreadObject)!;

        Assert.Equal(("thread_1", 1699012949L, "v"), (thread.Id, thread.CreatedAt, thread.Metadata!["k"]));
        Assert.Equal(Thread, JsonSerializer.Serialize(thread, ThreadsClientJsonContext.Default.ThreadObject));
    }

    [Fact]
    public void MissingRequiredMember_AndNullForANonNullableOne_AreErrors()
    {
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"object":"thread","created_at":1,"tool_resources":null,"metadata":null}""", ThreadsClientJsonContext.Default.ThreadObject));
        Assert.Contains("'id'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":null,"object":"thread","created_at":1,"tool_resources":null,"metadata":null}""", ThreadsClientJsonContext.Default.ThreadObject));
    }

    [Fact]
    public void ConverterInTheOptions_WinsOverTheGeneratedMetadata()
    {
        var context = new ThreadsClientJsonContext(new JsonSerializerOptions { Converters = { new EpochZero() } });
        var thread = JsonSerializer.Deserialize(Thread, context.ThreadObject)!;

        Assert.Equal(0, thread.CreatedAt);
        Assert.Contains("\"created_at\":0", JsonSerializer.Serialize(thread, context.ThreadObject), StringComparison.Ordinal);
    }

    /// <summary>Reads and writes every <see cref="long"/> as 0.</summary>
    private sealed class EpochZero : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => 0;

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(0);
    }
}
