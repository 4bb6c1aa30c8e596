using System.Linq;
using System.Text;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>The shortcuts of the hot path (verdict-first Validate, one-pass required, integer literals) agree with the slow paths.</summary>
public sealed class FastPathTests
{
    private static bool IsValid(string schema, string json) => JsonSchemaValidator.Compile(schema).IsValid(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"a":1,"b":2}""", true)]
    [InlineData("""{"b":2}""", false)]
    [InlineData("""{"a":1}""", false)]
    [InlineData("""{"a":1,"a":1,"c":3}""", false)]
    public void Required_NameListedTwice_IsStillOneName(string json, bool expected) =>
        Assert.Equal(expected, IsValid("""{"required":["a","b","a"]}""", json));

    [Fact]
    public void Required_EscapedMemberName_Counts() =>
        Assert.True(IsValid("""{"required":["\u00e9t\u00e9"]}""", """{"\u00e9t\u00e9":1}"""));

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("999999999999999999", true)]
    [InlineData("1.0", true)]
    [InlineData("1.5", false)]
    [InlineData("-0", true)]
    public void Int64Format_BoundsAndLiterals(string number, bool expected) =>
        Assert.Equal(expected, JsonSchemaValidator.Compile("""{"type":"integer","format":"int64"}""", new SchemaOptions { OpenApiVocabulary = true })
            .IsValid(Encoding.UTF8.GetBytes(number)));

    [Theory]
    [InlineData("2147483647", true)]
    [InlineData("2147483648", false)]
    [InlineData("-2147483649", false)]
    public void Int32Format_Bounds(string number, bool expected) =>
        Assert.Equal(expected, JsonSchemaValidator.Compile("""{"format":"int32"}""", new SchemaOptions { OpenApiVocabulary = true })
            .IsValid(Encoding.UTF8.GetBytes(number)));

    [Fact]
    public void Validate_InvalidPayload_StillReportsEveryErrorWithPointers()
    {
        var v = JsonSchemaValidator.Compile("""{"properties":{"a":{"type":"string"},"b":{"maxLength":2}},"required":["c"]}""");
        var result = v.Validate(Encoding.UTF8.GetBytes("""{"a":1,"b":"xyz"}"""));
        Assert.False(result.IsValid);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/a" && e.Keyword == "type");
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/b" && e.Keyword == "maxLength");
        Assert.Contains(result.Errors, e => e.Keyword == "required");

        // The same validator stays usable (and valid payloads valid) after an error walk on this thread.
        Assert.True(v.Validate(Encoding.UTF8.GetBytes("""{"a":"x","b":"xy","c":0}""")).IsValid);
    }
}
