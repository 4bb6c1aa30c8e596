using System.Linq;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>OpenAPI semantics on top of JSON Schema: nullable, discriminator, readOnly/writeOnly by direction, duplicates, formats.</summary>
public sealed class OpenApiSemanticsTests
{
    private static readonly SchemaOptions OpenApi30 = new() { DefaultDialect = SchemaDialect.Draft4, OpenApi30 = true, OpenApiVocabulary = true };
    private static readonly SchemaOptions OpenApi31 = new() { OpenApiVocabulary = true };
    private static readonly ValidationOptions Request = new() { Direction = ValidationDirection.Request };
    private static readonly ValidationOptions Response = new() { Direction = ValidationDirection.Response };

    [Fact]
    public void Nullable_AdmitsNullOnlyInOpenApi30Mode()
    {
        const string schema = """{ "type": "string", "nullable": true, "maxLength": 3 }""";

        Assert.True(JsonSchemaValidator.Compile(schema, OpenApi30).IsValid("null"u8));
        Assert.False(JsonSchemaValidator.Compile(schema, OpenApi30).IsValid("\"long\""u8));
        Assert.False(JsonSchemaValidator.Compile(schema, new SchemaOptions { DefaultDialect = SchemaDialect.Draft4 }).IsValid("null"u8));
    }

    [Fact]
    public void BooleanExclusiveBounds_FollowOpenApi30EvenWith2020Default()
    {
        var validator = JsonSchemaValidator.Compile(
            """{ "type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": false }""",
            new SchemaOptions { OpenApi30 = true });

        Assert.False(validator.IsValid("0"u8));
        Assert.True(validator.IsValid("10"u8));
        Assert.Equal("0 is out of range; the value must be greater than 0", Assert.Single(validator.Validate("0"u8).Errors).Message);
    }

    [Fact]
    public void Nullable_BesideOneOfWithoutType_AdmitsNull()
    {
        var validator = JsonSchemaValidator.Compile(
            """{ "nullable": true, "oneOf": [ { "type": "integer" }, { "type": "string" } ] }""", OpenApi30);

        Assert.True(validator.IsValid("null"u8));
        Assert.True(validator.IsValid("1"u8));
        Assert.False(validator.IsValid("true"u8));
    }

    private const string Pets = """
        {
          "components": { "schemas": {
            "Cat": { "type": "object", "required": ["petType", "lives"], "properties": { "petType": { "type": "string" }, "lives": { "type": "integer", "maximum": 9 } } },
            "Dog": { "type": "object", "required": ["petType", "bark"], "properties": { "petType": { "type": "string" }, "bark": { "type": "boolean" } } },
            "Lizard": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" }, "scales": { "type": "integer" } } }
          } },
          "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }, { "$ref": "#/components/schemas/Lizard" } ],
          "discriminator": { "propertyName": "petType", "mapping": { "lizard": "#/components/schemas/Lizard", "doggo": "Dog" } }
        }
        """;

    [Fact]
    public void Discriminator_ReportsOnlyTheSelectedBranchErrors()
    {
        var validator = JsonSchemaValidator.Compile(Pets, OpenApi31);

        var result = validator.Validate("""{ "petType": "Cat", "lives": 12 }"""u8);

        var error = Assert.Single(result.Errors);
        Assert.Equal("/lives", error.InstanceLocation);
        Assert.Equal("#/oneOf/0/$ref/properties/lives/maximum", error.SchemaLocation);
        Assert.Equal("maximum", error.Keyword);
    }

    [Fact]
    public void Discriminator_UsesMappingAndImplicitNames()
    {
        var validator = JsonSchemaValidator.Compile(Pets, OpenApi31);

        Assert.True(validator.IsValid("""{ "petType": "Cat", "lives": 3 }"""u8));
        Assert.True(validator.IsValid("""{ "petType": "doggo", "bark": true }"""u8));
        Assert.True(validator.IsValid("""{ "petType": "lizard", "scales": 3 }"""u8));
        var wrongBranch = validator.Validate("""{ "petType": "doggo", "lives": 3 }"""u8);
        Assert.Equal("required property 'bark' is missing", Assert.Single(wrongBranch.Errors).Message);
    }

    [Fact]
    public void Discriminator_UnknownTag_IsOneClearError()
    {
        var result = JsonSchemaValidator.Compile(Pets, OpenApi31).Validate("""{ "petType": "Parrot" }"""u8);

        var error = Assert.Single(result.Errors);
        Assert.Equal("discriminator", error.Keyword);
        Assert.Equal("/petType", error.InstanceLocation);
        Assert.Contains("'Parrot'", error.Message);
        Assert.Contains("Cat", error.Message);
    }

    [Fact]
    public void Discriminator_MissingTag_IsOneClearError()
    {
        var result = JsonSchemaValidator.Compile(Pets, OpenApi31).Validate("""{ "lives": 3 }"""u8);

        var error = Assert.Single(result.Errors);
        Assert.Equal("discriminator", error.Keyword);
        Assert.Equal("", error.InstanceLocation);
        Assert.Contains("discriminator property 'petType' is missing", error.Message);
    }

    [Fact]
    public void Discriminator_IsIgnoredWithoutTheOpenApiVocabulary()
    {
        var validator = JsonSchemaValidator.Compile(Pets);

        Assert.True(validator.IsValid("""{ "petType": "Parrot" }"""u8));
        Assert.Equal("oneOf", Assert.Single(validator.Validate("""{ "lives": "x" }"""u8).Errors).Keyword);
    }

    [Fact]
    public void Discriminator_InOpenApi30WithDraft4Definitions()
    {
        var validator = JsonSchemaValidator.Compile("""
            {
              "definitions": {
                "Card": { "type": "object", "properties": { "kind": { "type": "string" }, "number": { "type": "string", "maxLength": 4 } } },
                "Bank": { "type": "object", "properties": { "kind": { "type": "string" }, "iban": { "type": "string" } }, "required": ["iban"] }
              },
              "anyOf": [ { "$ref": "#/definitions/Card" }, { "$ref": "#/definitions/Bank" } ],
              "discriminator": { "propertyName": "kind" }
            }
            """, OpenApi30);

        Assert.True(validator.IsValid("""{ "kind": "Card", "number": "1234" }"""u8));
        var error = Assert.Single(validator.Validate("""{ "kind": "Bank" }"""u8).Errors);
        Assert.Equal("#/anyOf/1/$ref/required", error.SchemaLocation);
    }

    private const string Account = """
        {
          "type": "object",
          "required": ["id", "password", "name"],
          "properties": {
            "id": { "type": "integer", "readOnly": true },
            "password": { "type": "string", "writeOnly": true },
            "name": { "type": "string" },
            "owner": { "$ref": "#/$defs/ReadOnlyRef" }
          },
          "$defs": { "ReadOnlyRef": { "type": "string", "readOnly": true } }
        }
        """;

    [Fact]
    public void ReadOnlyProperty_InARequest_IsAnError()
    {
        var validator = JsonSchemaValidator.Compile(Account, OpenApi31);

        var result = validator.Validate("""{ "id": 1, "password": "p", "name": "n", "owner": "x" }"""u8, Request);

        Assert.Equal(["/id", "/owner"], result.Errors.Select(e => e.InstanceLocation).ToArray());
        Assert.All(result.Errors, e => Assert.Equal("readOnly", e.Keyword));
        Assert.Equal("#/properties/id/readOnly", result.Errors[0].SchemaLocation);
        Assert.Contains("read-only", result.Errors[0].Message);
    }

    [Fact]
    public void WriteOnlyProperty_InAResponse_IsAnError()
    {
        var validator = JsonSchemaValidator.Compile(Account, OpenApi31);

        var result = validator.Validate("""{ "id": 1, "password": "p", "name": "n" }"""u8, Response);

        var error = Assert.Single(result.Errors);
        Assert.Equal("/password", error.InstanceLocation);
        Assert.Equal("writeOnly", error.Keyword);
    }

    [Fact]
    public void Required_DoesNotDemandReadOnlyInRequestsNorWriteOnlyInResponses()
    {
        var validator = JsonSchemaValidator.Compile(Account, OpenApi31);

        Assert.True(validator.Validate("""{ "password": "p", "name": "n" }"""u8, Request).IsValid);
        Assert.True(validator.Validate("""{ "id": 1, "name": "n" }"""u8, Response).IsValid);
        var none = validator.Validate("""{ "name": "n" }"""u8);
        Assert.Equal(2, none.Errors.Count);
    }

    [Fact]
    public void ReadOnlyAndWriteOnly_AreAnnotationsWithoutDirection()
    {
        var validator = JsonSchemaValidator.Compile(Account, OpenApi31);

        Assert.True(validator.Validate("""{ "id": 1, "password": "p", "name": "n" }"""u8).IsValid);
    }

    [Fact]
    public void DuplicatePropertyNames_AreAnErrorUnlessAllowed()
    {
        var validator = JsonSchemaValidator.Compile("""{ "type": "object" }""");
        var payload = """{ "a": 1, "b": { "x": 1, "x": 2 } }"""u8.ToArray();

        var result = validator.Validate(payload);

        var error = Assert.Single(result.Errors);
        Assert.Equal("/b", error.InstanceLocation);
        Assert.Equal("duplicateProperty", error.Keyword);
        Assert.Contains("'x'", error.Message);
        Assert.False(validator.IsValid(payload));
        Assert.True(validator.Validate(payload, new ValidationOptions { RejectDuplicateProperties = false }).IsValid);
    }

    [Fact]
    public void DuplicatePropertyNames_AreFoundInLargeObjectsAndThroughEscapes()
    {
        var validator = JsonSchemaValidator.Compile("{}");
        var members = string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"p{i}\":{i}"));

        Assert.True(validator.IsValid(System.Text.Encoding.UTF8.GetBytes("{" + members + "}")));
        Assert.False(validator.IsValid(System.Text.Encoding.UTF8.GetBytes("{" + members + ",\"p\\u0037\":1}")));
    }

    [Theory]
    [InlineData("int32", "2147483647", true)]
    [InlineData("int32", "2147483648", false)]
    [InlineData("int32", "1.5", false)]
    [InlineData("int64", "-9223372036854775808", true)]
    [InlineData("int64", "9223372036854775808", false)]
    [InlineData("float", "3.4e38", true)]
    [InlineData("float", "3.5e38", false)]
    [InlineData("double", "1.7e308", true)]
    [InlineData("double", "1e400", false)]
    [InlineData("date-time", "\"2024-02-29T12:30:00.5+02:00\"", true)]
    [InlineData("date-time", "\"2023-02-29T12:30:00Z\"", false)]
    [InlineData("date-time", "\"2024-01-01 12:30:00Z\"", false)]
    [InlineData("date", "\"2024-12-31\"", true)]
    [InlineData("date", "\"2024-13-01\"", false)]
    [InlineData("uuid", "\"123e4567-e89b-12d3-a456-426614174000\"", true)]
    [InlineData("uuid", "\"123e4567e89b12d3a456426614174000\"", false)]
    [InlineData("email", "\"joe.bloggs@example.com\"", true)]
    [InlineData("email", "\"joe..bloggs@example.com\"", false)]
    [InlineData("uri", "\"https://example.com/path?q=1\"", true)]
    [InlineData("uri", "\"/relative/path\"", false)]
    [InlineData("byte", "\"aGVsbG8gd29ybGQ=\"", true)]
    [InlineData("byte", "\"not base64!\"", false)]
    [InlineData("int32", "\"not a number\"", true)]
    [InlineData("date", "20240101", true)]
    public void Formats_AssertByDefault(string format, string payload, bool valid)
    {
        var validator = JsonSchemaValidator.Compile($$"""{ "format": "{{format}}" }""");

        var result = validator.Validate(System.Text.Encoding.UTF8.GetBytes(payload));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("format", Assert.Single(result.Errors).Keyword);
        }
    }

    [Fact]
    public void Formats_AreAnnotationsWhenAssertionIsOff()
    {
        var validator = JsonSchemaValidator.Compile("""{ "format": "date" }""", new SchemaOptions { FormatAssertion = false });

        Assert.True(validator.IsValid("\"yesterday\""u8));
    }
}
