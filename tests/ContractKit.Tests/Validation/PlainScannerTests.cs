using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ContractKit.Runtime.Validation.Instance;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>
/// The plain scanner (the tape without Utf8JsonReader) writes exactly the reader path's tape for what it accepts,
/// and never accepts what Utf8JsonReader rejects.
/// </summary>
public sealed class PlainScannerTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("  -12.5e+3 ")]
    [InlineData("1E400")]
    [InlineData("0.000001")]
    [InlineData("\"\"")]
    [InlineData("\"héllo ✓ 😀\"")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("[ ]")]
    [InlineData("{ \n }")]
    [InlineData("[[],{},[[]],{\"a\":{}}]")]
    [InlineData(" { \"a\" : 1 , \"b\" :[ true,false ,null ] ,\"c\":{\"d\":\"e\"} } \r\n\t")]
    [InlineData("{\"id\":\"thread_abc123\",\"object\":\"thread\",\"created_at\":1699014083,\"metadata\":{\"modified\":\"true\",\"user\":\"abc123\"},\"tool_resources\":{\"code_interpreter\":{\"file_ids\":[\"file-abc123\",\"file-def456\"]},\"file_search\":{\"vector_store_ids\":[\"vs_abc123\"]}}}")]
    [InlineData("{\"a\":1,\"b\":2,\"a\":3}")]
    [InlineData("[{\"x\":1,\"y\":{\"x\":2,\"x\":3}}]")]
    public void AcceptedInput_GivesTheReadersTape(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var plain = new JsonTape();
        Assert.True(plain.TryFillPlain(bytes, 1000, findDuplicates: true));
        AssertSameTape(bytes, plain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.5e3.2")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("tru")]
    [InlineData("truex")]
    [InlineData("nul")]
    [InlineData("nullnull")]
    [InlineData("[true false]")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("[1]]")]
    [InlineData("{}}")]
    [InlineData("[1}")]
    [InlineData("{\"a\":1]")]
    [InlineData("{\"a\"}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{1:2}")]
    [InlineData("{\"a\":1 \"b\":2}")]
    [InlineData("[1 2]")]
    [InlineData("[1,,2]")]
    [InlineData("[-]")]
    [InlineData("{,}")]
    [InlineData("[,1]")]
    [InlineData("\"abc")]
    [InlineData("\"a\tb\"")]
    [InlineData("\"a\u0001b\"")]
    [InlineData("1 2")]
    [InlineData("/*c*/1")]
    [InlineData("[1]//")]
    [InlineData("'a'")]
    [InlineData("\u00a01")]
    [InlineData("[1\u00a0]")]
    public void InvalidJson_IsNeverAccepted(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.False(new JsonTape().TryFillPlain(bytes, 1000, findDuplicates: true));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes).Dispose());
    }

    [Theory]
    [InlineData("\"a\\nb\"")]
    [InlineData("{\"a\\u0062\":1}")]
    [InlineData("[[[[1]]]]", 3)]
    public void EscapesAndTheDepthLimit_AreLeftToTheReader(string json, int maxDepth = 1000)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.False(new JsonTape().TryFillPlain(bytes, maxDepth, findDuplicates: true));
    }

    [Fact]
    public void DeepInput_BeyondTheScannersStack_IsLeftToTheReader()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100));
        var tape = new JsonTape();
        Assert.False(tape.TryFillPlain(bytes, 1000, findDuplicates: true));
        Assert.Equal(TapeStatus.Ok, tape.Build(bytes, 1000, findDuplicates: true));
        Assert.Equal(100, tape.Count);
    }

    [Fact]
    public void TooDeep_PointsAtTheCutContainer()
    {
        var validator = global::ContractKit.Runtime.Validation.JsonSchemaValidator.Compile("{}");
        var result = validator.Validate(Encoding.UTF8.GetBytes("""{"z":[0],"a":[1,{"b":{"c":1}}]}"""), new global::ContractKit.Runtime.Validation.ValidationOptions { MaxDepth = 3 });
        var error = Assert.Single(result.Errors);
        Assert.Equal("maxDepth", error.Keyword);
        Assert.Equal("/a/1/b", error.InstanceLocation);
    }

    [Theory]
    [InlineData("""{"x":["1",{"y":[true,"s",{"z~/":[null,7]}]}],"w":"2"}""")]
    [InlineData("""{"x\u002f":[[],[[7]]]}""")]
    public void ErrorPointers_AreFoundByDescendingTheTape(string json)
    {
        var validator = global::ContractKit.Runtime.Validation.JsonSchemaValidator.Compile("""{"$ref":"#/$defs/t","$defs":{"t":{"type":["object","array","null","boolean","string"],"additionalProperties":{"$ref":"#/$defs/t"},"items":{"$ref":"#/$defs/t"}}}}""");
        var error = Assert.Single(validator.Validate(Encoding.UTF8.GetBytes(json)).Errors);
        Assert.Equal(json.StartsWith("""{"x\""", System.StringComparison.Ordinal) ? "/x~1/1/0/0" : "/x/1/y/2/z~0~1/1", error.InstanceLocation);
    }

    [CorpusFact]
    public void SuiteInstances_GiveTheReadersTape()
    {
        var accepted = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SuiteRunner.SuiteRoot, "tests"), "*.json", SearchOption.AllDirectories))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var group in doc.RootElement.EnumerateArray())
            {
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var bytes = Encoding.UTF8.GetBytes(test.GetProperty("data").GetRawText());
                    var plain = new JsonTape();
                    if (plain.TryFillPlain(bytes, 1000, findDuplicates: true))
                    {
                        accepted++;
                        AssertSameTape(bytes, plain);
                    }
                }
            }
        }

        Assert.True(accepted > 1000, $"only {accepted} suite instances took the plain path");
    }

    private static void AssertSameTape(byte[] bytes, JsonTape plain)
    {
        var reader = new JsonTape();
        Assert.Equal(TapeStatus.Ok, reader.BuildWithReader(bytes, 1000, findDuplicates: true));
        Assert.Equal(reader.Count, plain.Count);
        Assert.Equal(reader.DuplicateObject, plain.DuplicateObject);
        Assert.Equal(reader.DuplicateName, plain.DuplicateName);
        Assert.Equal(Describe(reader), Describe(plain));
    }

    private static List<string> Describe(JsonTape tape) =>
        tape.Tokens.Take(tape.Count)
            .Select(t => $"{t.Kind} name={t.IsName} side={t.InSideBuffer} start={t.Start} length={t.Length} next={t.Next} count={t.Count}")
            .ToList();
}
