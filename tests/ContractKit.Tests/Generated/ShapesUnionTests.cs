using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Generated.Shapes;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>Unions generated from spec/shapes.yaml: typed access, JSON kept as received, built from any variant.</summary>
public sealed class ShapesUnionTests
{
    private static readonly ShapesClientJsonContext Json = ShapesClientJsonContext.Default;

    private static PetEnvelope Read(string json) => JsonSerializer.Deserialize(json, Json.PetEnvelope)!;

    [Fact]
    public void DiscriminatedUnion_ThePropertyPicksTheVariant()
    {
        var envelope = Read("""{"pet":{"kind":"dog","good":true},"stop":null}""");

        Assert.True(envelope.Pet.TryGetDog(out var dog));
        Assert.True(dog.Good);
        Assert.False(envelope.Pet.TryGetCat(out _));
        Assert.Equal("dog:True", envelope.Pet.Match(c => $"cat:{c.Lives}", d => $"dog:{d.Good}", raw => "unknown"));
        Assert.Null(envelope.Stop);
    }

    [Fact]
    public void DiscriminatedUnion_UnknownTag_IsNeitherVariant_AndSurvivesARoundTrip()
    {
        const string json = """{"pet":{"kind":"axolotl","gills":6},"stop":"END"}""";

        var envelope = Read(json);

        Assert.Equal("unknown", envelope.Pet.Match(c => "cat", d => "dog", raw => "unknown"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(envelope, Json.PetEnvelope))));
    }

    [Theory]
    [InlineData("\"END\"", "string")]
    [InlineData("[\"a\",\"b\"]", "list:2")]
    [InlineData("[]", "neither")]
    [InlineData("[\"1\",\"2\",\"3\",\"4\",\"5\"]", "neither")]
    [InlineData("42", "neither")]
    public void UnionWithoutDiscriminator_TheVariantsSchemaDecides(string stop, string expected)
    {
        var envelope = Read($$"""{"pet":{"kind":"cat","lives":9},"stop":{{stop}}}""");

        var actual = envelope.Stop!.Match(s => "string", list => "list:" + list.Count, raw => "neither");

        Assert.Equal(expected, actual);
        Assert.Equal(stop, envelope.Stop.Raw.GetRawText());
    }

    [Fact]
    public void MapOfUnions_EachValueIsTyped()
    {
        var envelope = Read("""{"pet":{"kind":"cat","lives":1},"stop":null,"tags":{"name":"Tom","age":3}}""");

        Assert.True(envelope.Tags!["name"].TryGetString(out var name));
        Assert.Equal("Tom", name);
        Assert.True(envelope.Tags["age"].TryGetInt64(out var age));
        Assert.Equal(3L, age);
        Assert.False(envelope.Tags["age"].TryGetString(out _));
    }

    [Fact]
    public void Unions_AreBuiltFromAnyVariant()
    {
        var envelope = new PetEnvelope
        {
            Pet = new Cat { Kind = CatKind.Cat, Lives = 3 },
            Stop = StopSequences.FromStringList(["a", "b"]),
            Tags = new Dictionary<string, PetEnvelopeTagsValue> { ["n"] = "x", ["m"] = 2L },
        };

        var json = JsonSerializer.Serialize(envelope, Json.PetEnvelope);

        Assert.Equal("""{"pet":{"kind":"cat","lives":3},"stop":["a","b"],"tags":{"n":"x","m":2}}""", json);
    }

    [Fact]
    public async Task Client_ValidatesAUnionBody_AgainstTheSelectedBranch()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = new HttpClient();
        var client = new ShapesClient(http, new ShapesClientOptions { BaseAddress = new Uri(server.Address, "/v1") });

        var error = await Assert.ThrowsAsync<ContractValidationException>(() => client.CreatePetAsync(new Cat { Kind = CatKind.Cat, Lives = 10 }));

        Assert.Empty(server.Requests);
        Assert.Equal("/lives", Assert.Single(error.Errors).InstanceLocation);
    }

    [Fact]
    public async Task ServerSentEvents_AreParsedAcrossCommentsAndDataLines_UntilDone()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = _ => (200, "text/event-stream",
            ": keep-alive\n\nevent: pet\ndata: {\"kind\":\"cat\",\ndata: \"lives\":7}\n\ndata: {\"kind\":\"dog\",\"good\":false}\n\ndata: [DONE]\n\ndata: {\"kind\":\"cat\",\"lives\":1}\n\n");
        using var http = new HttpClient();
        var client = new ShapesClient(http, new ShapesClientOptions { BaseAddress = new Uri(server.Address, "/v1") });

        var pets = new List<string>();
        await foreach (var pet in client.WatchPetsStreamAsync())
        {
            pets.Add(pet.Match(c => $"cat:{c.Lives}", d => $"dog:{d.Good}", raw => "?"));
        }

        Assert.Equal(["cat:7", "dog:False"], pets);
        Assert.Equal("text/event-stream", Assert.Single(server.Requests).Headers.Accept.ToString());
    }

    [Fact]
    public async Task ServerSentEvents_AreYieldedAsTheyArrive_BeforeTheRestOfTheStreamIsWritten()
    {
        await using var server = await LoopbackServer.StartAsync();
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Handle = async (_, response) =>
        {
            response.StatusCode = 200;
            response.ContentType = "text/event-stream";
            await response.WriteAsync("data: {\"kind\":\"cat\",\"lives\":9}\n\n");
            await response.Body.FlushAsync();
            // The second event is written only once the client has yielded the first: a client that buffered the
            // whole body would never see the first event and the test would time out below.
            await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await response.WriteAsync("data: {\"kind\":\"dog\",\"good\":true}\n\ndata: [DONE]\n\n");
        };
        using var http = new HttpClient();
        var client = new ShapesClient(http, new ShapesClientOptions { BaseAddress = new Uri(server.Address, "/v1") });

        var pets = new List<string>();
        await foreach (var pet in client.WatchPetsStreamAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            pets.Add(pet.Match(c => $"cat:{c.Lives}", d => $"dog:{d.Good}", raw => "?"));
            firstSeen.TrySetResult();
        }

        Assert.Equal(["cat:9", "dog:True"], pets);
    }

    [Fact]
    public async Task ServerSentEvent_ThatIsNotJson_RaisesApiException()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = _ => (200, "text/event-stream", "data: {oops\n\n");
        using var http = new HttpClient();
        var client = new ShapesClient(http, new ShapesClientOptions { BaseAddress = new Uri(server.Address, "/v1") });

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var unused in client.WatchPetsStreamAsync())
            {
            }
        });

        Assert.Equal("{oops", error.ResponseBody);
    }
}
