using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class YamlToJsonTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("~", "null")]
    [InlineData("Null", "null")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("012", "12")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("1.0", "1.0")]
    [InlineData("-.5", "-0.5")]
    [InlineData("1e3", "1e3")]
    [InlineData("+1.5E-3", "1.5e-3")]
    [InlineData("1.", "1")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("-.Inf", "\"-.Inf\"")]
    [InlineData(".nan", "\".nan\"")]
    [InlineData("2024-01-01", "\"2024-01-01\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("3.0.0", "\"3.0.0\"")]
    [InlineData("0x", "\"0x\"")]
    public void PlainScalars_FollowTheYaml12CoreSchema(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml));
    }

    [Theory]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"42\"", "\"42\"")]
    [InlineData("''", "\"\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("!!int \"42\"", "42")]
    [InlineData("!!float '1.5'", "1.5")]
    [InlineData("!!bool 'true'", "true")]
    [InlineData("!!null ''", "null")]
    [InlineData("! 42", "\"42\"")]
    [InlineData("!custom 42", "\"42\"")]
    [InlineData("|\n    line\n", "\"line\\n\"")]
    public void QuotedBlockAndTaggedScalars_KeepTheirType(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml));
    }

    [Fact]
    public void Numbers_ConvertLikeJsonNumbers()
    {
        var root = Convert("a: 42\nb: 1.5\nc: 0x10\n").Root!;

        Assert.Equal(42, root["a"]!.GetValue<int>());
        Assert.Equal(42L, root["a"]!.GetValue<long>());
        Assert.Equal(1.5m, root["b"]!.GetValue<decimal>());
        Assert.Equal(1.5, root["b"]!.GetValue<double>());
        Assert.Equal(16, root["c"]!.GetValue<int>());
    }

    [Fact]
    public void EmptyValue_IsNull()
    {
        Assert.Equal("""{"a":null,"b":1}""", Convert("a:\nb: 1\n").Root!.ToJsonString());
    }

    [Fact]
    public void NonStringKeys_BecomeStrings()
    {
        var root = Convert("200: ok\ntrue: yes\n1.5: x\n~: y\n").Root!.AsObject();

        Assert.Equal(["200", "true", "1.5", "~"], root.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void AnchorsAndAliases_AreExpandedAsCopies()
    {
        var root = Convert("base: &b {type: string, tags: [a]}\nuse: *b\nlist: [*b, *b]\n").Root!;

        Assert.Equal("""{"type":"string","tags":["a"]}""", root["use"]!.ToJsonString());
        Assert.Equal(2, root["list"]!.AsArray().Count);
        Assert.NotSame(root["base"], root["use"]);
    }

    [Fact]
    public void MergeKeys_MergeWithExplicitKeysWinning()
    {
        var root = Convert("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b]
              x: 3
            """).Root!;

        Assert.Equal("""{"x":3,"y":1,"z":2}""", root["c"]!.ToJsonString());
    }

    [Fact]
    public void QuotedMergeKey_IsAnOrdinaryKey()
    {
        var root = Convert("'<<': 1\n").Root!.AsObject();

        Assert.Equal(1, root["<<"]!.GetValue<long>());
    }

    [Fact]
    public void BillionLaughs_IsStoppedWithAnError()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            yaml += $"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        var result = Convert(yaml);

        Assert.Null(result.Root);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticIds.LimitExceeded, problem.Id);
        Assert.Contains("alias", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RecursiveAlias_ReportsAnError()
    {
        var result = Convert("a: &a [1, *a]\n");

        Assert.Null(result.Root);
        Assert.Equal((1, 11), (result.Problems[0].Location!.Line, result.Problems[0].Location!.Column));
    }

    [Fact]
    public void UndefinedAlias_ReportsAnError()
    {
        var result = Convert("a: *nope\n");

        Assert.Null(result.Root);
        Assert.Equal(DiagnosticIds.SyntaxError, Assert.Single(result.Problems).Id);
    }

    [Fact]
    public void MappingAsKey_ReportsAnError()
    {
        var result = Convert("? {a: 1}\n: b\n");

        Assert.Null(result.Root);
        Assert.Equal(DiagnosticIds.SyntaxError, Assert.Single(result.Problems).Id);
    }

    [Fact]
    public void DeepNesting_IsStoppedWithAnError()
    {
        var result = Convert(new string('[', 2000) + new string(']', 2000));

        Assert.Null(result.Root);
        Assert.Contains("nested", Assert.Single(result.Problems).Message, System.StringComparison.Ordinal);
    }

    private static ParsedDocument Convert(string yaml) => YamlToJson.Convert("test.yaml", yaml.ReplaceLineEndings("\n"));

    private static string Value(string yaml)
    {
        var result = Convert("v: " + yaml);
        Assert.Empty(result.Problems);
        return result.Root!["v"]?.ToJsonString() ?? "null";
    }
}
