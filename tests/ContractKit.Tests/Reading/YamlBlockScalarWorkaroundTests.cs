using ContractKit.Reading;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// YamlDotNet 16.3.0 rejects block scalars whose content is only whitespace lines; see
/// <see cref="YamlBlockScalarWorkaround"/> for the spec reasoning (YAML 1.2.2 §8.1.1.1, §8.1.1.2, example 8.6).
/// </summary>
public sealed class YamlBlockScalarWorkaroundTests
{
    [Fact]
    public void KeepBlockScalarWithOnlyAWhitespaceLine_ReadsAsOneNewline()
    {
        // The shape of openapi.yaml line 63,264: "|+", one line of spaces, then a less indented key.
        // No non-empty line, so the indentation is the longest line's (12) and that line is an empty line;
        // keep chomping keeps its break: the value is "\n", as for "keep: |+" in the spec's example 8.6.
        const string yaml = "schema:\n  default: <|endoftext|>\n  example: |+\n            \n  nullable: true\n";

        var result = YamlToJson.Convert("t.yaml", yaml);

        Assert.Empty(result.Problems);
        Assert.Equal("\n", result.Root!["schema"]!["example"]!.GetValue<string>());
        Assert.True(result.Root["schema"]!["nullable"]!.GetValue<bool>());
    }

    [Fact]
    public void KeepBlockScalarWithTwoWhitespaceLines_KeepsBothBreaks()
    {
        var result = YamlToJson.Convert("t.yaml", "a:\n  k: |+\n    \n      \n  n: 1\n");

        Assert.Equal("\n\n", result.Root!["a"]!["k"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("|")]
    [InlineData("|-")]
    [InlineData(">")]
    public void ClipAndStripBlockScalarsWithOnlyWhitespace_ReadAsEmpty(string header)
    {
        var result = YamlToJson.Convert("t.yaml", $"a:\n  k: {header}\n    \n  n: 1\n");

        Assert.Empty(result.Problems);
        Assert.Equal(string.Empty, result.Root!["a"]!["k"]!.GetValue<string>());
    }

    [Fact]
    public void KeepBlockScalarInSequenceEntry_ReadsAsNewline()
    {
        var result = YamlToJson.Convert("t.yaml", "list:\n  - x: 1\n    k: |+ # note\n       \n  - |+\n      \n  - end\n");

        Assert.Empty(result.Problems);
        Assert.Equal("""{"list":[{"x":1,"k":"\n"},"\n","end"]}""", result.Root!.ToJsonString());
    }

    [Fact]
    public void Rewrite_KeepsEveryLineNumber()
    {
        const string yaml = "a:\n  k: |+\n    \n  n: 1\n";

        var rewritten = YamlBlockScalarWorkaround.Apply(yaml);

        Assert.NotEqual(yaml, rewritten);
        Assert.Equal(yaml.Split('\n').Length, rewritten.Split('\n').Length);
        var located = YamlToJson.Convert("t.yaml", yaml).Locator!.Find(["a", "n"]);
        Assert.Equal(new TextPosition(4, 3), located);
    }

    [Theory]
    [InlineData("a: |+\n  text\n   \nb: 1\n")]            // has real content
    [InlineData("a: |+\n\nb: 1\n")]                       // truly empty line: YamlDotNet is right already
    [InlineData("a: plain |+\n   \nb: 1\n")]              // "|+" inside a plain scalar is text
    [InlineData("a: \"quoted |+\"\n   \nb: 1\n")]
    [InlineData("a: |2+\n   \nb: 1\n")]                   // indentation indicator: left to YamlDotNet
    [InlineData("d: |\n  k: |+\n     \n  more text\n")]   // inside another block scalar's content
    public void OtherText_IsLeftUntouched(string yaml)
    {
        Assert.Same(yaml, YamlBlockScalarWorkaround.Apply(yaml));
    }

    [Fact]
    public void TextInsideAnotherBlockScalar_KeepsItsValue()
    {
        const string yaml = "d: |\n  k: |+\n     \n  more text\n";

        var result = YamlToJson.Convert("t.yaml", yaml);

        Assert.Equal("k: |+\n   \nmore text\n", result.Root!["d"]!.GetValue<string>());
    }
}
