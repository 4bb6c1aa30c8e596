using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>The public contract of <see cref="JsonSchemaValidator"/>: errors, locations, messages, caps, compile errors, caching.</summary>
public sealed class ValidatorBehaviourTests
{
    [Fact]
    public void Errors_CarryInstanceAndSchemaPointersAndStateTheLimit()
    {
        var validator = JsonSchemaValidator.Compile("""
            {
              "type": "object",
              "properties": {
                "metadata": { "type": "object", "maxProperties": 2, "additionalProperties": { "type": "string", "maxLength": 3 } },
                "items": { "type": "array", "maxItems": 2 }
              },
              "additionalProperties": false
            }
            """);

        var result = validator.Validate("""{ "metadata": { "key1": "long", "k/2": "a", "k~3": "b" }, "items": [1, 2, 3], "foo": 1 }"""u8);

        var errors = result.Errors.Select(e => $"{e.InstanceLocation}|{e.SchemaLocation}|{e.Keyword}|{e.Message}").ToArray();
        Assert.Equal(
            [
                "/metadata|#/properties/metadata/maxProperties|maxProperties|object has 3 properties; at most 2 are allowed",
                "/metadata/key1|#/properties/metadata/additionalProperties/maxLength|maxLength|string is 4 characters; at most 3 are allowed",
                "/items|#/properties/items/maxItems|maxItems|array has 3 items; at most 2 are allowed",
                "/foo|#/additionalProperties|additionalProperties|property 'foo' is not allowed",
            ],
            errors);
    }

    [Fact]
    public void ValidPayload_HasNoErrors()
    {
        var result = JsonSchemaValidator.Compile("""{ "type": "integer" }""").Validate("3"u8);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.False(result.ErrorsTruncated);
    }

    [Fact]
    public void ErrorCount_IsCappedAndTheResultSaysSo()
    {
        var validator = JsonSchemaValidator.Compile("""{ "items": { "type": "string" } }""");
        var payload = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 50)) + "]");

        var result = validator.Validate(payload, new ValidationOptions { MaxErrors = 10 });

        Assert.False(result.IsValid);
        Assert.Equal(10, result.Errors.Count);
        Assert.True(result.ErrorsTruncated);
        Assert.Equal("/9", result.Errors[9].InstanceLocation);
    }

    [Fact]
    public void MultipleOf_IsExactForDecimalFractions()
    {
        var validator = JsonSchemaValidator.Compile("""{ "multipleOf": 0.0001 }""");

        Assert.True(validator.IsValid("0.0075"u8));
        Assert.True(validator.IsValid("19.99"u8));
        Assert.False(validator.IsValid("0.00075"u8));
        Assert.True(JsonSchemaValidator.Compile("""{ "multipleOf": 0.01 }""").IsValid("4.35"u8));
    }

    [Fact]
    public void Length_CountsCodePointsSoSurrogatePairsCountOnce()
    {
        var validator = JsonSchemaValidator.Compile("""{ "maxLength": 2, "minLength": 2 }""");

        Assert.True(validator.IsValid(Encoding.UTF8.GetBytes("\"\U0001F600\U0001F600\"")));
        Assert.True(validator.IsValid("\"\\ud83d\\ude00\\ud83d\\ude00\""u8));
        Assert.False(validator.IsValid(Encoding.UTF8.GetBytes("\"\U0001F600\"")));
    }

    [Fact]
    public void Enum_UsesJsonEquality()
    {
        var validator = JsonSchemaValidator.Compile("""{ "enum": [1, { "a": [1, "x"], "b": null }] }""");

        Assert.True(validator.IsValid("1.0"u8));
        Assert.True(validator.IsValid("""{ "b": null, "a": [1.00, "x"] }"""u8));
        Assert.False(validator.IsValid("""{ "b": null, "a": ["x", 1] }"""u8));
        Assert.False(validator.IsValid("\"1\""u8));
    }

    [Fact]
    public void ValidateJsonElementAndStream_AgreeWithSpan()
    {
        var validator = JsonSchemaValidator.Compile("""{ "properties": { "a": { "type": "string" } } }""");
        using var doc = JsonDocument.Parse("""{ "x": { "a": 1 } }""");

        var fromElement = validator.Validate(doc.RootElement.GetProperty("x"));
        using var stream = new System.IO.MemoryStream("""{ "a": 1 }"""u8.ToArray());
        var fromStream = validator.Validate(stream);

        Assert.Equal("/a", Assert.Single(fromElement.Errors).InstanceLocation);
        Assert.Equal("/a", Assert.Single(fromStream.Errors).InstanceLocation);
    }

    [Theory]
    [InlineData("""{ "properties": { "a": { "$ref": "#/$defs/missing" } } }""", "#/properties/a/$ref")]
    [InlineData("""{ "items": { "pattern": "([a-z" } }""", "#/items/pattern")]
    [InlineData("""{ "properties": { "n": { "minLength": "three" } } }""", "#/properties/n/minLength")]
    [InlineData("""{ "type": "strng" }""", "#/type")]
    [InlineData("""{ "allOf": {} }""", "#/allOf")]
    [InlineData("""{ "$ref": "http://elsewhere.example/schema.json" }""", "#/$ref")]
    public void BadSchema_ThrowsWithTheSchemaPointer(string schema, string pointer)
    {
        var ex = Assert.Throws<SchemaCompilationException>(() => JsonSchemaValidator.Compile(schema));

        Assert.Equal(pointer, ex.SchemaLocation);
        Assert.EndsWith($"(at {pointer})", ex.Message);
    }

    [Fact]
    public void UnresolvableRef_MessageNamesTheReferenceOnce()
    {
        var ex = Assert.Throws<SchemaCompilationException>(() => JsonSchemaValidator.Compile("""{ "items": { "$ref": "#/$defs/nope" } }"""));

        Assert.Equal("cannot resolve $ref '#/$defs/nope' (at #/items/$ref)", ex.Message);
    }

    [Fact]
    public void RefAcrossDocuments_ResolvesThroughTheRegistry()
    {
        var registry = new SchemaRegistry();
        registry.Add(new Uri("https://example.com/common.json"), """
            { "$defs": { "name": { "type": "string", "maxLength": 3 } },
              "properties": { "nested": { "$id": "https://example.com/nested.json", "$anchor": "n", "type": "integer" } } }
            """);
        var validator = JsonSchemaValidator.Compile("""
            { "properties": { "a": { "$ref": "https://example.com/common.json#/$defs/name" },
                              "b": { "$ref": "https://example.com/nested.json" },
                              "c": { "$ref": "https://example.com/nested.json#n" } } }
            """, new SchemaOptions { Registry = registry });

        Assert.True(validator.IsValid("""{ "a": "abc", "b": 1, "c": 2 }"""u8));
        var result = validator.Validate("""{ "a": "abcd", "b": "x" }"""u8);
        Assert.Equal(["#/properties/a/$ref/maxLength", "#/properties/b/$ref/type"], result.Errors.Select(e => e.SchemaLocation).ToArray());
    }

    [Fact]
    public void Compile_IsCachedPerSchemaTextAndOptions()
    {
        const string schema = """{ "type": "string", "title": "cache probe" }""";

        Assert.Same(JsonSchemaValidator.Compile(schema), JsonSchemaValidator.Compile(schema));
        Assert.NotSame(JsonSchemaValidator.Compile(schema), JsonSchemaValidator.Compile(schema, new SchemaOptions { FormatAssertion = false }));
    }

    [Fact]
    public void Validator_IsSafeToShareAcrossThreads()
    {
        var validator = JsonSchemaValidator.Compile("""
            { "type": "array", "items": { "type": "object", "properties": { "n": { "type": "integer", "maximum": 100 } }, "unevaluatedProperties": false } }
            """);
        var good = """[{ "n": 1 }, { "n": 2 }]"""u8.ToArray();
        var bad = """[{ "n": 1 }, { "n": 200, "x": 1 }]"""u8.ToArray();

        Parallel.For(0, 2000, i =>
        {
            if (i % 2 == 0)
            {
                Assert.True(validator.IsValid(good));
            }
            else
            {
                Assert.Equal(2, validator.Validate(bad).Errors.Count);
            }
        });
    }

    [Fact]
    public void SchemaDialect_SwitchesPerResourceWithDollarSchema()
    {
        var draft4 = JsonSchemaValidator.Compile("""
            { "$schema": "http://json-schema.org/draft-04/schema#", "maximum": 5, "exclusiveMaximum": true }
            """);
        var draft2020 = JsonSchemaValidator.Compile("""{ "exclusiveMaximum": 5 }""", new SchemaOptions { DefaultDialect = SchemaDialect.Draft4 });

        Assert.False(draft4.IsValid("5"u8));
        Assert.True(draft4.IsValid("4"u8));
        Assert.True(draft2020.IsValid("5"u8));
    }

    [Fact]
    public void NoBranchMatches_ReportsTheErrorsOfTheOnlyBranchOfTheRightType()
    {
        var validator = JsonSchemaValidator.Compile("""
            { "properties": { "metadata": { "anyOf": [
                { "type": "object", "maxProperties": 1, "additionalProperties": { "type": "string", "maxLength": 2 } },
                { "type": "null" } ] } } }
            """);

        var result = validator.Validate("""{ "metadata": { "a": "long", "b": "x" } }"""u8);

        Assert.Equal(
            ["/metadata #/properties/metadata/anyOf/0/maxProperties", "/metadata/a #/properties/metadata/anyOf/0/additionalProperties/maxLength"],
            result.Errors.Select(e => e.InstanceLocation + " " + e.SchemaLocation).ToArray());
    }

    [Fact]
    public void NoBranchMatches_WithSeveralPlausibleBranches_IsOneSummaryError()
    {
        var validator = JsonSchemaValidator.Compile("""{ "oneOf": [ { "type": "string", "maxLength": 1 }, { "type": "string", "pattern": "^[0-9]+$" } ] }""");

        var error = Assert.Single(validator.Validate("\"abc\""u8).Errors);

        Assert.Equal("oneOf", error.Keyword);
        Assert.Equal("value does not match any of the 2 schemas in oneOf", error.Message);
    }

    [Fact]
    public void UniqueItems_OnLargeArrays_UsesJsonEquality()
    {
        var validator = JsonSchemaValidator.Compile("""{ "uniqueItems": true }""");
        var distinct = Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{{\"a\":{i},\"b\":[{i}]}}");
        var items = string.Join(",", distinct);

        Assert.True(validator.IsValid(Encoding.UTF8.GetBytes("[" + items + "]")));
        var withNumber = validator.Validate(Encoding.UTF8.GetBytes("[" + items + ",4.0]"));
        Assert.Equal("array items 4 and 5000 are equal; items must be unique", Assert.Single(withNumber.Errors).Message);
        Assert.False(validator.IsValid(Encoding.UTF8.GetBytes("[" + items + ",{\"b\":[3.0],\"a\":3}]")));
    }
}
