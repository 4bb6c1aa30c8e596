using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>Hostile payloads and schemas: never a crash, a hang or a stack overflow; always a clear verdict.</summary>
public sealed class RobustnessTests
{
    private static readonly JsonSchemaValidator AnyValue = JsonSchemaValidator.Compile("{}");

    [Theory]
    [InlineData("[", "]", "")]
    [InlineData("{\"a\":", "}", "1")]
    public void PayloadNested100000Deep_GetsOneDepthError(string open, string close, string inner)
    {
        var json = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            json.Append(open);
        }

        json.Append(inner);
        for (var i = 0; i < 100_000; i++)
        {
            json.Append(close);
        }

        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        var result = AnyValue.Validate(bytes);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("maxDepth", error.Keyword);
        Assert.Equal("nesting deeper than 1000 levels", error.Message);
        Assert.False(AnyValue.IsValid(bytes));
    }

    [Fact]
    public void PayloadAtTheDepthLimit_IsAccepted()
    {
        var json = new string('[', 1000) + new string(']', 1000);
        Assert.True(AnyValue.IsValid(Encoding.UTF8.GetBytes(json)));
        Assert.False(AnyValue.IsValid(Encoding.UTF8.GetBytes("[" + json + "]")));
    }

    [Fact]
    public void FiftyMegabytePayload_ValidatesFromStreamAndSpan()
    {
        var validator = JsonSchemaValidator.Compile("""
            { "type": "array", "items": { "type": "object", "required": ["id", "name"],
              "properties": { "id": { "type": "integer", "minimum": 0 }, "name": { "type": "string", "maxLength": 200 } },
              "additionalProperties": false } }
            """);
        var filler = new string('x', 100);
        var sb = new StringBuilder(52 * 1024 * 1024);
        sb.Append('[');
        var i = 0;
        while (sb.Length < 50 * 1024 * 1024)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"id\":").Append(i++).Append(",\"name\":\"").Append(filler).Append("\"}");
        }

        sb.Append(']');
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());

        var watch = Stopwatch.StartNew();
        using (var stream = new MemoryStream(bytes))
        {
            var fromStream = validator.Validate(stream);
            Assert.True(fromStream.IsValid, string.Join("\n", fromStream.Errors));
        }

        Assert.True(validator.IsValid(bytes));
        using var unseekable = new ForwardOnlyStream(bytes);
        Assert.True(validator.Validate(unseekable).IsValid);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void InvalidUtf8_IsOneJsonErrorWithPosition()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}' };

        var result = AnyValue.Validate(bytes);

        var error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.Contains("UTF-8", error.Message);
        Assert.Contains("line 1, column 7", error.Message);
        Assert.False(AnyValue.IsValid(bytes));
    }

    [Theory]
    [InlineData("{\"a\": }", "line 1")]
    [InlineData("{\n  \"a\": 1,\n  \"b\": tru\n}", "line 3")]
    [InlineData("", "line 1")]
    [InlineData("[1, 2", "line 1")]
    [InlineData("1 2", "line 1")]
    public void NotJson_IsOneJsonErrorWithLineAndColumn(string payload, string line)
    {
        var result = AnyValue.Validate(Encoding.UTF8.GetBytes(payload));

        var error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.Contains(line, error.Message);
        Assert.Contains("column", error.Message);
    }

    [Fact]
    public void HugeNumber1e400_GetsAClearVerdict()
    {
        var payload = "1e400"u8.ToArray();

        Assert.True(JsonSchemaValidator.Compile("""{ "type": "number" }""").IsValid(payload));
        Assert.True(JsonSchemaValidator.Compile("""{ "type": "integer" }""").IsValid(payload));
        var max = JsonSchemaValidator.Compile("""{ "maximum": 10 }""").Validate(payload);
        Assert.Contains("at most 10", Assert.Single(max.Errors).Message);
        Assert.True(JsonSchemaValidator.Compile("""{ "minimum": 10 }""").IsValid(payload));
        Assert.False(JsonSchemaValidator.Compile("""{ "format": "double" }""").IsValid(payload));
        Assert.False(JsonSchemaValidator.Compile("""{ "format": "int64" }""").IsValid(payload));
        Assert.True(JsonSchemaValidator.Compile("""{ "enum": [1e400, 2] }""").IsValid(payload));
        Assert.True(JsonSchemaValidator.Compile("""{ "minimum": 0 }""").IsValid("-1e-400"u8));
    }

    [Theory]
    [InlineData("""{ "$ref": "#" }""")]
    [InlineData("""{ "$defs": { "a": { "$ref": "#/$defs/b" }, "b": { "$ref": "#/$defs/a" } }, "$ref": "#/$defs/a" }""")]
    [InlineData("""{ "definitions": { "a": { "$ref": "#/definitions/b" }, "b": { "$ref": "#/definitions/a" } }, "$ref": "#/definitions/a" }""")]
    public void RefCycleThatNeverConsumesThePayload_CompilesAndFailsWithOneError(string schema)
    {
        foreach (var dialect in new[] { SchemaDialect.Draft4, SchemaDialect.Draft202012 })
        {
            var validator = JsonSchemaValidator.Compile(schema, new SchemaOptions { DefaultDialect = dialect });

            var result = validator.Validate("{\"a\": 1}"u8);

            var error = Assert.Single(result.Errors);
            Assert.Equal("$ref", error.Keyword);
            Assert.Contains("$ref cycle", error.Message);
            Assert.False(validator.IsValid("1"u8));
        }
    }

    [Fact]
    public void RecursiveSchemaOverRecursivePayload_Validates()
    {
        var validator = JsonSchemaValidator.Compile("""
            { "type": "object", "properties": { "next": { "$ref": "#" }, "v": { "type": "integer" } } }
            """);
        var json = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            json.Append("{\"v\":1,\"next\":");
        }

        json.Append("{\"v\":\"x\"}").Append('}', 500);

        var result = validator.Validate(Encoding.UTF8.GetBytes(json.ToString()));

        var error = Assert.Single(result.Errors);
        Assert.EndsWith("/next/v", error.InstanceLocation);
        Assert.StartsWith("#/properties/next/$ref/properties/next/$ref", error.SchemaLocation);
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(4)]
    public void RecursiveSchemaOverPayloadAtTheDepthLimit_IsValid(int draft)
    {
        var validator = JsonSchemaValidator.Compile("""
            { "type": "object", "properties": { "next": { "$ref": "#" }, "list": { "type": "array", "items": { "$ref": "#" } } }, "additionalProperties": { "type": "integer" } }
            """, new SchemaOptions { DefaultDialect = draft == 4 ? SchemaDialect.Draft4 : SchemaDialect.Draft202012 });
        var json = new StringBuilder();
        for (var i = 0; i < 499; i++)
        {
            json.Append(i % 2 == 0 ? "{\"v\":1,\"next\":" : "{\"list\":[");
        }

        json.Append("{}");
        for (var i = 498; i >= 0; i--)
        {
            json.Append(i % 2 == 0 ? "}" : "]}");
        }

        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        var result = RunOnSmallStack(() => validator.Validate(bytes));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    private static ValidationResult RunOnSmallStack(Func<ValidationResult> run)
    {
        // Thread-pool threads have smaller stacks than the main thread; validate under a 1 MB stack to be sure.
        ValidationResult result = default;
        var thread = new System.Threading.Thread(() => result = run(), 1024 * 1024);
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void CatastrophicBacktrackingPattern_AnswersQuickly()
    {
        var validator = JsonSchemaValidator.Compile("""{ "pattern": "^(a+)+$" }""");
        var evil = Encoding.UTF8.GetBytes("\"" + new string('a', 5000) + "!\"");

        var watch = Stopwatch.StartNew();
        var result = validator.Validate(evil);

        Assert.False(result.IsValid);
        Assert.Equal("pattern", Assert.Single(result.Errors).Keyword);
        Assert.True(validator.IsValid(Encoding.UTF8.GetBytes("\"" + new string('a', 5000) + "\"")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void PatternNeedingBacktracking_TimesOutAsAValidationError()
    {
        // A backreference rules out the linear engine; the match timeout bounds the cost instead.
        var validator = JsonSchemaValidator.Compile("""{ "pattern": "^(a+)+\\1b$" }""");
        var evil = Encoding.UTF8.GetBytes("\"" + new string('a', 40) + "!\"");

        var watch = Stopwatch.StartNew();
        var result = validator.Validate(evil);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("pattern", error.Keyword);
        // The timeout's own message, not the ordinary mismatch: the engine really gave up rather than finishing the search.
        Assert.Contains("took too long", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 8192), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
