using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Generated.Shapes;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>spec/shapes.yaml's searchPets: the streaming method asks for events itself; a nested union takes a plain string.</summary>
public sealed class ShapesRequestExtrasTests : LoopbackClientTest
{

    private ShapesClient Client() => new(Http, new ShapesClientOptions { BaseAddress = BaseAddress });

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public async Task StreamMethod_SendsStreamTrue_AndLeavesTheCallersObjectAsItWas(bool? stream)
    {
        Server.Respond = _ => (200, "text/event-stream", "data: {\"kind\":\"cat\",\"lives\":3}\n\ndata: [DONE]\n\n");
        var body = new PetSearch { Model = "shapes-mini" };
        if (stream is not null)
        {
            body.Stream = stream;
        }

        var pets = new List<Pet>();
        await foreach (var pet in Client().SearchPetsStreamAsync(body))
        {
            pets.Add(pet);
        }

        Assert.Single(pets);
        var sent = JsonNode.Parse(Assert.Single(Server.Requests).Body)!.AsObject();
        Assert.True(sent["stream"]!.GetValue<bool>());
        Assert.Equal("shapes-mini", sent["model"]!.GetValue<string>());
        Assert.Equal(stream is not null, body.Stream.IsPresent);
        Assert.Equal(stream, body.Stream.GetValueOrDefault(null));
    }

    [Fact]
    public async Task NonStreamMethod_SendsTheBodyAsItIs()
    {
        Server.Respond = _ => (200, "application/json", """{"kind":"dog","good":true}""");

        await Client().SearchPetsAsync(new PetSearch { Model = "shapes-pro" });

        Assert.Equal("""{"model":"shapes-pro"}""", Assert.Single(Server.Requests).Body);
    }

    [Fact]
    public void NestedUnion_PlainString_ConvertsInOneStep_ThroughTheInnerUnion()
    {
        ModelId literal = "shapes-mini";
        var name = "any-model";
        ModelId variable = name;

        Assert.Equal("\"shapes-mini\"", literal.Raw.GetRawText());
        Assert.True(variable.TryGetSharedModelId(out var shared));
        Assert.True(shared.TryGetString(out var text));
        Assert.Equal("any-model", text);
        Assert.Equal("""{"model":"any-model"}""", JsonSerializer.Serialize(new PetSearch { Model = name }, ShapesClientJsonContext.Default.PetSearch));
    }
}
