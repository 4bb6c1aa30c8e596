using System.Linq;
using System.Text;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>
/// The compile-time shortcuts of the verdict walk ($ref forwarding, [X, null] choices, the type as a kind mask,
/// the fused member pass) give the same verdicts and error locations.
/// </summary>
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

    [Theory]
    [InlineData("""{"properties":{"a":{"type":"string"},"b":{}},"required":["a"]}""", """{"a":"x"}""", true)]
    [InlineData("""{"properties":{"a":{"type":"string"},"b":{}},"required":["a"]}""", """{"b":1}""", false)]
    [InlineData("""{"properties":{"a":{"type":"string"},"b":{}},"required":["a"]}""", """{"a":1}""", false)]
    [InlineData("""{"properties":{"a":{"type":"string"},"b":{}},"required":["a"]}""", "[]", true)]
    [InlineData("""{"properties":{"a":{}},"required":["a","z"]}""", """{"a":1,"z":2}""", true)]
    [InlineData("""{"properties":{"a":{}},"required":["a","z"]}""", """{"a":1}""", false)]
    [InlineData("""{"properties":{"a":{}},"required":["a","a"]}""", """{"a":1}""", true)]
    [InlineData("""{"properties":{"a":{}},"additionalProperties":false}""", """{"a":1}""", true)]
    [InlineData("""{"properties":{"a":{}},"additionalProperties":false}""", """{"a":1,"b":2}""", false)]
    [InlineData("""{"properties":{"a":{}},"patternProperties":{"^x":{}},"additionalProperties":false}""", """{"x1":1,"a":1}""", true)]
    [InlineData("""{"properties":{"a":{}},"patternProperties":{"^x":{}},"additionalProperties":false}""", """{"y":1}""", false)]
    [InlineData("""{"additionalProperties":{"type":"string","maxLength":3},"propertyNames":{"maxLength":2}}""", """{"ab":"xyz"}""", true)]
    [InlineData("""{"additionalProperties":{"type":"string","maxLength":3},"propertyNames":{"maxLength":2}}""", """{"abc":"x"}""", false)]
    [InlineData("""{"additionalProperties":{"type":"string","maxLength":3},"propertyNames":{"maxLength":2}}""", """{"ab":"wxyz"}""", false)]
    [InlineData("""{"properties":{"a":{}},"required":["a"],"unevaluatedProperties":false}""", """{"a":1}""", true)]
    [InlineData("""{"properties":{"a":{}},"required":["a"],"unevaluatedProperties":false}""", """{"a":1,"b":1}""", false)]
    [InlineData("""{"allOf":[{"properties":{"a":{}}}],"unevaluatedProperties":false}""", """{"a":1}""", true)]
    [InlineData("""{"allOf":[{"properties":{"a":{}}}],"unevaluatedProperties":false}""", """{"b":1}""", false)]
    [InlineData("""{"type":"integer"}""", "1.0", true)]
    [InlineData("""{"type":"integer"}""", "1.5", false)]
    [InlineData("""{"type":"integer"}""", "\"1\"", false)]
    [InlineData("""{"type":["integer","string"],"minLength":2}""", "\"x\"", false)]
    [InlineData("""{"type":"string","maxLength":2}""", "\"ab\"", true)]
    [InlineData("""{"type":"string","maxLength":2}""", "\"abc\"", false)]
    [InlineData("""{"type":"string","maxLength":2}""", "3", false)]
    public void VerdictForm_SameVerdictAsTheKeywordsAsWritten(string schema, string json, bool expected)
    {
        Assert.Equal(expected, IsValid(schema, json));
        var result = JsonSchemaValidator.Compile(schema).Validate(Encoding.UTF8.GetBytes(json));
        Assert.Equal(expected, result.IsValid);

        // A failing verdict is always explained by the collecting walk, never by the generic fallback error.
        Assert.DoesNotContain(result.Errors, e => e.Keyword == "schema");
    }

    [Theory]
    [InlineData(ValidationDirection.Request, """{"n":1}""", true)]
    [InlineData(ValidationDirection.Response, """{"n":1}""", false)]
    [InlineData(ValidationDirection.Response, """{"id":"x","n":1}""", true)]
    [InlineData(ValidationDirection.None, """{"n":1}""", false)]
    public void FusedRequired_FollowsTheDirection(ValidationDirection direction, string json, bool expected)
    {
        var validator = JsonSchemaValidator.Compile(
            """{"properties":{"id":{"type":"string","readOnly":true},"n":{}},"required":["id","n"]}""",
            new SchemaOptions { OpenApiVocabulary = true });
        Assert.Equal(expected, validator.IsValid(Encoding.UTF8.GetBytes(json), new ValidationOptions { Direction = direction }));
    }

    [Theory]
    [InlineData("""{"ab":1,"ba":2,"aa":3,"bb":4}""", true)]
    [InlineData("""{"ab":1,"ba":2,"a\u0062":3}""", false)]
    [InlineData("""{"x":{"a":1},"y":{"a":2}}""", true)]
    [InlineData("""{"x":{"a":1,"b":2,"a":3}}""", false)]
    public void DuplicateNames_AreFoundWhateverTheFilterSays(string json, bool expected) =>
        Assert.Equal(expected, IsValid("{}", json));

    [Fact]
    public void DuplicateNames_InAnObjectThatFillsTheFilter_AreFound()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"\"n{i}\":{i}").ToList();
        Assert.True(IsValid("{}", "{" + string.Join(",", names) + "}"));
        names.Add("\"n17\":0");
        Assert.False(IsValid("{}", "{" + string.Join(",", names) + "}"));
    }

    [Theory]
    [InlineData("1699014083", true)]
    [InlineData("1.0", true)]
    [InlineData("1.5", false)]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("1e400", false)]
    [InlineData("\"1\"", false)]
    public void IntegerWithInt64Format_FormatDecidesForBoth(string json, bool expected)
    {
        var validator = JsonSchemaValidator.Compile("""{"type":"integer","format":"int64"}""", new SchemaOptions { OpenApiVocabulary = true });
        Assert.Equal(expected, validator.IsValid(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(expected, validator.Validate(Encoding.UTF8.GetBytes(json)).IsValid);
    }
}
