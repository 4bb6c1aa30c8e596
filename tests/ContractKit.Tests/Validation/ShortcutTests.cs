using System.Linq;
using System.Text;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>The compile-time shortcuts of the verdict walk ($ref forwarding, [X, null] choices) give the same verdicts and error locations.</summary>
public sealed class ShortcutTests
{
    private static bool IsValid(string schema, string json) => JsonSchemaValidator.Compile(schema).IsValid(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"null"}]}""", "null", true)]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"null"}]}""", "\"x\"", true)]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"null"}]}""", "1", false)]
    [InlineData("""{"anyOf":[{"type":"null"},{"type":["string","null"]}]}""", "null", true)]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"null"}]}""", "null", true)]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"null"}]}""", "\"x\"", true)]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"null"}]}""", "1", false)]
    [InlineData("""{"oneOf":[{"type":["string","null"]},{"type":"null"}]}""", "null", false)]
    [InlineData("""{"oneOf":[{"type":"null"},{"type":["string","null"]}]}""", "null", false)]
    [InlineData("""{"oneOf":[{"type":"null"},{"type":["string","null"]}]}""", "\"x\"", true)]
    [InlineData("""{"oneOf":[{"type":"null"},{"type":"null"}]}""", "null", false)]
    public void NullableChoice_SameVerdictAsTheFullRule(string schema, string json, bool expected)
    {
        Assert.Equal(expected, IsValid(schema, json));
        Assert.Equal(expected, JsonSchemaValidator.Compile(schema).Validate(Encoding.UTF8.GetBytes(json)).IsValid);
    }

    [Fact]
    public void NullableChoice_Failure_StillReportsBothBranches()
    {
        var result = JsonSchemaValidator.Compile("""{"anyOf":[{"type":"string"},{"type":"null"}]}""").Validate(Encoding.UTF8.GetBytes("1"));
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Keyword == "anyOf");
    }

    [Theory]
    [InlineData("\"x\"", true)]
    [InlineData("1", false)]
    public void RefChain_IsFollowedToTheEnd(string json, bool expected) =>
        Assert.Equal(expected, IsValid("""{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/c"},"c":{"type":"string"}}}""", json));

    [Fact]
    public void RefCycle_IsStillCaughtByTheRecursionGuard() =>
        Assert.False(IsValid("""{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}""", "1"));

    [Fact]
    public void RefChain_ErrorLocation_KeepsTheRefSegments()
    {
        var result = JsonSchemaValidator.Compile("""{"properties":{"p":{"$ref":"#/$defs/a"}},"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"type":"string"}}}""")
            .Validate(Encoding.UTF8.GetBytes("""{"p":1}"""));
        var error = Assert.Single(result.Errors);
        Assert.Equal("/p", error.InstanceLocation);
        Assert.Equal("#/properties/p/$ref/$ref/type", error.SchemaLocation);
    }
}
