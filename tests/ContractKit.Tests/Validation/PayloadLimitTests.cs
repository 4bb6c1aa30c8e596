using System;
using System.IO;
using System.Linq;
using System.Text;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>
/// The validator's size limit (<see cref="ValidationOptions.MaxPayloadBytes"/>): one clear error, and a stream read no
/// further than the limit, whatever its length; and schemas whose <c>pattern</c> is not a regular expression, compiled
/// with <see cref="SchemaOptions.ThrowOnInvalidPattern"/> off, as the generated client and the middleware do.
/// </summary>
public sealed class PayloadLimitTests
{
    private static readonly JsonSchemaValidator AnyValue = JsonSchemaValidator.Compile("{}");

    private static readonly ValidationOptions Kilobyte = new() { MaxPayloadBytes = 1024 };

    [Fact]
    public void PayloadOverTheLimit_GetsOneErrorNamingBothSizes()
    {
        var payload = Encoding.UTF8.GetBytes("\"" + new string('x', 2000) + "\"");

        var result = AnyValue.Validate(payload, Kilobyte);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("maxPayloadBytes", ""), (error.Keyword, error.InstanceLocation));
        Assert.Equal("payload is 2,002 bytes; at most 1,024 bytes are validated", error.Message);
        Assert.False(AnyValue.IsValid(payload, Kilobyte));
        Assert.True(AnyValue.Validate(payload.AsSpan(0, 1000).ToArray().Concat("\""u8.ToArray()).ToArray(), Kilobyte).IsValid);
    }

    [Fact]
    public void EndlessStream_IsReadNoFurtherThanTheLimitAndOneByte()
    {
        var stream = CountingStream.Endless();

        var result = AnyValue.Validate(stream, Kilobyte);

        Assert.Equal("payload is larger than 1,024 bytes, the most validated", Assert.Single(result.Errors).Message);
        Assert.Equal(1025, stream.BytesRead);
    }

    [Fact]
    public void SeekableStreamLongerThanTheLimit_IsRefusedByItsLength_WithoutReading()
    {
        var stream = new CountingStream([], (byte)' ', 5_000_000_000, seekable: true);

        var result = AnyValue.Validate(stream, Kilobyte);

        Assert.Equal("payload is 5,000,000,000 bytes; at most 1,024 bytes are validated", Assert.Single(result.Errors).Message);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void StreamOfExactlyTheLimit_IsValidated()
    {
        var stream = new CountingStream("\""u8.ToArray(), (byte)'a', 1024);
        var closed = new MemoryStream([.. "\""u8, .. Enumerable.Repeat((byte)'a', 1022), .. "\""u8]);

        Assert.Equal("json", Assert.Single(AnyValue.Validate(stream, Kilobyte).Errors).Keyword);
        Assert.True(AnyValue.Validate(closed, Kilobyte).IsValid);
    }

    [Fact]
    public void DefaultLimit_Is64MiB()
    {
        Assert.Equal(64L * 1024 * 1024, ValidationOptions.Default.MaxPayloadBytes);
        var stream = CountingStream.Endless();

        Assert.Equal("maxPayloadBytes", Assert.Single(AnyValue.Validate(stream).Errors).Keyword);
        Assert.Equal(64L * 1024 * 1024 + 1, stream.BytesRead);
    }

    private const string InvalidPatternSchema = """
        {"type": "object", "properties": {"code": {"type": "string", "pattern": "(["}}}
        """;

    [Fact]
    public void InvalidPattern_ThrowsByDefault_WithItsLocation()
    {
        var error = Assert.Throws<SchemaCompilationException>(() => JsonSchemaValidator.Compile(InvalidPatternSchema));

        Assert.Equal("#/properties/code/pattern", error.SchemaLocation);
    }

    [Fact]
    public void InvalidPattern_WithThrowOff_Compiles_AndRejectsEveryStringItSees_WithTheReason()
    {
        var validator = JsonSchemaValidator.Compile(InvalidPatternSchema, new SchemaOptions { ThrowOnInvalidPattern = false });

        var result = validator.Validate("""{"code": "abc"}"""u8);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("/code", "pattern", "#/properties/code/pattern"), (error.InstanceLocation, error.Keyword, error.SchemaLocation));
        Assert.StartsWith("the schema's pattern '([' (at #/properties/code/pattern) is not a valid regular expression, so no value can be checked against it: ", error.Message, StringComparison.Ordinal);
        Assert.False(validator.IsValid("""{"code": "abc"}"""u8));
        Assert.True(validator.IsValid("""{"other": "abc"}"""u8));
        Assert.True(validator.IsValid("{}"u8));
    }

    [Fact]
    public void InvalidPatternPropertiesKey_WithThrowOff_RejectsObjectsWithMembers_AndMatchesNoName()
    {
        var schema = """{"patternProperties": {"(?<": {"type": "string"}}, "additionalProperties": {"type": "integer"}}""";
        Assert.Throws<SchemaCompilationException>(() => JsonSchemaValidator.Compile(schema));

        var validator = JsonSchemaValidator.Compile(schema, new SchemaOptions { ThrowOnInvalidPattern = false });

        Assert.True(validator.IsValid("{}"u8));
        Assert.True(validator.IsValid("\"not an object\""u8));
        var errors = validator.Validate("""{"a": "x"}"""u8).Errors;
        // The pattern names nothing, so "a" is additional (and not an integer); the object itself is rejected for the pattern.
        Assert.Equal(["#/additionalProperties/type", "#/patternProperties"], errors.Select(e => e.SchemaLocation).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Keyword == "patternProperties" && e.Message.Contains("pattern '(?<'", StringComparison.Ordinal));
    }
}
