using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ContractKit.Reading;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class YamlSplitParserTests
{
    private const string Spec = """
        # leading comment
        openapi: 3.1.0
        info:
          title: T
          version: "1"
        paths:
          /a:
            get:
              responses:
                "200":
                  description: ok
          /b/{id}:
            get:
              description: >-
                folded
                text
        components:
          # a comment before the first key
          schemas:
            A:
              type: object
              properties:
                x: {type: string, enum: [a, b]}
            'B':
              type: array
              items:
              - type: string
            C:
              description: |+
                keep

            D: [1, 2,
              3]
          responses:
            R:
              description: r
        x-tail: end
        """;

    [Fact]
    public void SmallSpec_SplitIntoManyParts_GivesTheSameTreeAndPositions()
    {
        var split = AssertSameAsWhole(Spec, parts: 64);
        Assert.True(split.Parts >= 8, $"only {split.Parts} parts");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void SmallSpec_AnyPartCount_GivesTheSameTreeAndPositions(int parts)
    {
        var applied = YamlBlockScalarWorkaround.Apply(Spec);
        if (YamlSplitParser.TryConvert("t.yaml", applied, parts) is { } split)
        {
            AssertSame(YamlToJson.ConvertWhole("t.yaml", applied), split);
        }
    }

    [Fact]
    public void CrlfLineBreaks_AreSplitToo()
    {
        AssertSameAsWhole(Spec.ReplaceLineEndings("\r\n"), parts: 64);
    }

    [Fact]
    public void BlockScalarWithKeyLikeLines_IsNeverCut()
    {
        var yaml = """
            description: |
              paths:
              components:
                schemas:
            paths:
              /a:
                get: {}
              /b:
                summary: |
                  /c:
                    get: {}
                  /d:
              /e:
                get: {}
            components:
              note: |-
                schemas:
                  Fake: 1
              schemas:
                A:
                  description: >
                    B:
                      type: string
                    C: 1
                B:
                  type: string
            """;
        var split = AssertSameAsWhole(yaml, parts: 64);
        Assert.True(split.Parts >= 4, $"only {split.Parts} parts");
        var schemas = split.Root!["components"]!["schemas"]!.AsObject();
        Assert.Equal(["A", "B"], schemas.Select(p => p.Key));
        Assert.Equal(["/a", "/b", "/e"], split.Root!["paths"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void DepthLimit_CountsTheLevelsAboveAPart()
    {
        // Under components/schemas/X the arrays start at depth 3, so 998 of them are one level too deep for the whole file.
        string Nested(int arrays) => "components:\n  schemas:\n    X: " + new string('[', arrays) + new string(']', arrays) + "\n    Y: 1\n  other: 2\n";

        AssertSameAsWhole(Nested(997), parts: 64);
        var tooDeep = YamlBlockScalarWorkaround.Apply(Nested(998));
        Assert.True(YamlToJson.ConvertWhole("t.yaml", tooDeep).IsFatal);
        Assert.Null(YamlSplitParser.TryConvert("t.yaml", tooDeep, 64));
    }

    [Fact]
    public void DeeplyNestedMappings_SplitNearTheTopOnly()
    {
        var yaml = new StringBuilder();
        for (var level = 0; level < 40; level++)
        {
            yaml.Append(' ', level).Append("k").Append(level).Append(":\n").Append(' ', level + 1).Append("side: ").Append(level).Append('\n');
        }

        yaml.Append(' ', 40).Append("end: 1\n");
        AssertSameAsWhole(yaml.ToString(), parts: 1000);
    }

    [Theory]
    [InlineData("anchor and alias", "paths:\n  /a: &x\n    get: {}\n  /b: *x\n")]
    [InlineData("anchor only", "paths:\n  /a: &x\n    get: {}\n  /b: 1\n")]
    [InlineData("merge key", "paths:\n  /a:\n    <<: {get: {}}\n  /b: 1\n")]
    [InlineData("tag", "paths:\n  /a: !!str 1\n  /b: 1\n")]
    [InlineData("duplicate key across parts", "paths:\n  /a: 1\n  /b: 2\n  /a: 3\n")]
    [InlineData("duplicate of a split key", "paths:\n  /a: 1\n  /b: 2\nother: 1\npaths: 3\n")]
    [InlineData("syntax error in a part", "paths:\n  /a: 1\n  /b: [1, 2\n  /c: 3\n")]
    [InlineData("quoted value going on as key lines", "paths:\n  /a: \"one\n  /b: two\"\n  /c: 3\n")]
    [InlineData("flow value going on as key lines", "paths:\n  /a: {x: 1,\n  /b: 2}\n  /c: 3\n")]
    [InlineData("document marker", "paths:\n  /a: 1\n  /b: 2\n---\nx: 1\n")]
    [InlineData("directive", "%YAML 1.2\n---\npaths:\n  /a: 1\n  /b: 2\n")]
    [InlineData("tab indentation", "paths:\n  /a: 1\n\t/b: 2\n")]
    [InlineData("lone CR", "paths:\n  /a: 1\r  /b: 2\n")]
    [InlineData("byte-order mark", "\uFEFFpaths:\n  /a: 1\n  /b: 2\n")]
    [InlineData("sequence root", "- paths:\n    /a: 1\n    /b: 2\n")]
    [InlineData("scalar before the keys", "x\npaths:\n  /a: 1\n")]
    [InlineData("explicit key", "? paths\n: /a: 1\n")]
    public void UnusualInput_FallsBackToTheWholeConversion(string name, string yaml)
    {
        var applied = YamlBlockScalarWorkaround.Apply(yaml);
        Assert.True(YamlSplitParser.TryConvert("t.yaml", applied, 64) is null, name);

        // Whatever the whole conversion reports, Convert reports the same.
        var whole = YamlToJson.ConvertWhole("t.yaml", applied);
        var converted = YamlToJson.Convert("t.yaml", yaml);
        Assert.Equal(whole.Root?.ToJsonString(), converted.Root?.ToJsonString());
        Assert.Equal(whole.Problems.Select(p => p.ToString()), converted.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void DuplicateKeyAcrossParts_IsReportedLikeTheWholeConversion()
    {
        var yaml = new StringBuilder("paths:\n");
        for (var i = 0; i < 40_000; i++)
        {
            yaml.Append("  /p").Append(i % 30_000).Append(":\n    get: {}\n");
        }

        var result = YamlToJson.Convert("t.yaml", yaml.ToString());
        Assert.True(yaml.Length >= YamlSplitParser.MinLength);
        Assert.Equal(1, result.Parts);
        Assert.Equal(10_000, result.Problems.Count);
        Assert.Equal("t.yaml(60002,3): error CK1003: Duplicate key '/p0'; each key may appear only once in a mapping.", result.Problems[0].ToString());
    }

    [Fact]
    public void LargeText_IsSplitByConvert()
    {
        var yaml = new StringBuilder("openapi: 3.1.0\npaths:\n");
        for (var i = 0; i < 20_000; i++)
        {
            yaml.Append("  /p").Append(i).Append(":\n    get:\n      description: |\n        /q").Append(i).Append(":\n").Append("      x: 1\n");
        }

        var result = YamlToJson.Convert("t.yaml", yaml.ToString());
        Assert.Equal(Environment.ProcessorCount > 1, result.Parts > 1);
        AssertSame(YamlToJson.ConvertWhole("t.yaml", yaml.ToString()), result);
    }

    public static TheoryData<string> CorpusYaml()
    {
        var data = new TheoryData<string>();
        if (Corpus.Root is null)
        {
            data.Add("openai/openapi.yaml");
            return data;
        }

        foreach (var folder in new[] { "openai", "oai-examples" })
        {
            foreach (var file in Directory.GetFiles(Corpus.PathOf(folder), "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusYaml))]
    public void CorpusFile_SplitOrNot_GivesTheSameTreeAndPositions(string file)
    {
        var text = File.ReadAllText(Corpus.PathOf(file.Split('/')));
        var applied = YamlBlockScalarWorkaround.Apply(text);
        var whole = YamlToJson.ConvertWhole(file, applied);
        Assert.Empty(whole.Problems);
        AssertSame(whole, YamlToJson.Convert(file, text));

        // Files with anchors and aliases (the assistants specs) are read whole; every other file splits.
        var hasAnchors = text.Contains(": &", StringComparison.Ordinal);
        var split = YamlSplitParser.TryConvert(file, applied, parts: 32);
        Assert.Equal(hasAnchors, split is null);
        if (split is not null)
        {
            Assert.True(split.Parts >= 4, $"only {split.Parts} parts");
            AssertSame(whole, split);
        }
    }

    [CorpusFact]
    public void OpenAiSpec_IsSplitAcrossCores()
    {
        var text = File.ReadAllText(Corpus.PathOf("openai", "openapi.yaml"));
        var split = YamlSplitParser.TryConvert("openapi.yaml", YamlBlockScalarWorkaround.Apply(text), parts: 4);
        Assert.NotNull(split);
        Assert.True(split.Parts >= 4, $"only {split.Parts} parts");
        Assert.Equal(Environment.ProcessorCount > 1, YamlToJson.Convert("openapi.yaml", text).Parts > 1);
    }

    private static ParsedDocument AssertSameAsWhole(string yaml, int parts)
    {
        var applied = YamlBlockScalarWorkaround.Apply(yaml);
        var whole = YamlToJson.ConvertWhole("t.yaml", applied);
        Assert.Empty(whole.Problems);
        var split = YamlSplitParser.TryConvert("t.yaml", applied, parts);
        Assert.NotNull(split);
        Assert.True(split.Parts >= 2);
        AssertSame(whole, split);
        return split;
    }

    /// <summary>Same JSON text (so same values and key order) and the same position for every node and for a missing child of each.</summary>
    private static void AssertSame(ParsedDocument expected, ParsedDocument actual)
    {
        Assert.Equal(expected.Problems.Select(p => p.ToString()), actual.Problems.Select(p => p.ToString()));
        Assert.Equal(expected.Root?.ToJsonString(), actual.Root?.ToJsonString());
        var checkedPointers = 0;
        var pending = new Stack<(JsonNode? Node, string[] Segments)>();
        pending.Push((expected.Root, []));
        while (pending.TryPop(out var item))
        {
            Assert.Equal(expected.Locator!.Find(item.Segments), actual.Locator!.Find(item.Segments));
            Assert.Equal(expected.Locator.Find([.. item.Segments, "~missing"]), actual.Locator.Find([.. item.Segments, "~missing"]));
            checkedPointers++;
            switch (item.Node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        pending.Push((value, [.. item.Segments, key]));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        pending.Push((array[i], [.. item.Segments, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                    }

                    break;
            }
        }

        Assert.True(checkedPointers > 1);
    }
}
