using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Generated.Shapes;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// Schema features of spec/shapes.yaml beyond unions: discriminators without a mapping, open integer enums, const,
/// type arrays, allOf as inheritance.
/// </summary>
public sealed class ShapesSchemaFeatureTests
{
    private static readonly ShapesClientJsonContext Json = ShapesClientJsonContext.Default;

    private static void AssertRoundTrips<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void DiscriminatorWithoutMapping_TheVariantsFixedTagSelectsIt()
    {
        var circle = JsonSerializer.Deserialize("""{"type":"circle","radius":2}""", Json.Shape)!;
        var square = JsonSerializer.Deserialize("""{"type":"square","side":3}""", Json.Shape)!;
        var byName = JsonSerializer.Deserialize("""{"type":"Circle","radius":2}""", Json.Shape)!;

        Assert.True(circle.TryGetCircle(out var c));
        Assert.Equal(2, c.Radius);
        Assert.False(circle.TryGetSquare(out _));
        Assert.Equal("square:3", square.Match(x => "circle", s => $"square:{s.Side}", raw => "?"));
        Assert.Equal("?", byName.Match(x => "circle", s => "square", raw => "?"));
    }

    [Fact]
    public void Const_IsTyped_StartsWithItsValue_AndIsStillRequiredInJson()
    {
        var circle = new Circle { Radius = 1 };

        Assert.Equal(CircleType.Circle, circle.Type);
        Assert.Equal("""{"type":"circle","radius":1}""", JsonSerializer.Serialize(circle, Json.Circle));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"radius":1}""", Json.Circle));
    }

    [Fact]
    public void IntegerEnum_IsOpen_UnknownValuesSurviveARoundTrip()
    {
        var known = JsonSerializer.Deserialize("2", Json.Priority);
        var unknown = JsonSerializer.Deserialize("42", Json.Priority);

        Assert.Equal(Priority.Value2, known);
        Assert.True(known.IsKnown);
        Assert.True(Priority.ValueMinus1.IsKnown);
        Assert.False(unknown.IsKnown);
        Assert.Equal(42L, unknown.Value);
        Assert.Equal("42", JsonSerializer.Serialize(unknown, Json.Priority));
        Assert.Equal(Priority.Value3, JsonSerializer.Deserialize("3.0", Json.Priority));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"2\"", Json.Priority));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("2.5", Json.Priority));
    }

    [Theory]
    [InlineData("\"a\"", "string:a")]
    [InlineData("7", "int:7")]
    [InlineData("true", "bool:True")]
    [InlineData("1.5", "?")]
    [InlineData("null", "?")]
    public void TypeArray_IsAUnionOfItsTypes(string json, string expected)
    {
        var scalar = JsonSerializer.Deserialize(json, Json.Scalar);

        Assert.Equal(expected, scalar is null ? "?" : scalar.Match(s => $"string:{s}", i => $"int:{i}", b => $"bool:{b}", raw => "?"));
    }

    [Fact]
    public void AllOfOneObjectPlusProperties_IsADerivedClass()
    {
        Animal animal = new Bird { Name = "Tweety", Wingspan = 0.2, Priority = Priority.Value1, Version = BirdVersion.Value2 };

        Assert.IsAssignableFrom<Animal>(animal);
        Assert.Equal(typeof(Animal), typeof(Bird).BaseType);
        AssertRoundTrips("""{"name":"Tweety","priority":5,"wingspan":0.2,"version":2,"extra":[1]}""", Json.Bird);
        var bird = JsonSerializer.Deserialize("""{"name":"Tweety","wingspan":0.2,"extra":true}""", Json.Bird)!;
        Assert.Equal("Tweety", bird.Name);
        Assert.True(bird.AdditionalProperties!.ContainsKey("extra"));
    }

    [Fact]
    public void AllOfThatRestatesABaseProperty_IsFlattened()
    {
        Assert.Equal(typeof(object), typeof(Fish).BaseType);
        AssertRoundTrips("""{"name":"Nemo","fins":3}""", Json.Fish);
    }
}
