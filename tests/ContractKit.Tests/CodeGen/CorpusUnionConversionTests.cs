using System.Linq;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>OpenAI's unions of unions take a plain value in one implicit step, compiled against the generated OpenAI API.</summary>
[Collection(CompiledCorpusCollection.Name)]
public sealed class CorpusUnionConversionTests(CompiledCorpus corpus)
{
    [CorpusFact]
    public void ModelIdsResponses_TakesAPlainString_ThroughModelIdsShared()
    {
        var spec = corpus.Get(CompiledSpec.WholeOpenAi);
        var image = spec.Compiled.Image;
        Assert.True(image is not null, string.Join("\n", spec.Compiled.Problems.Take(20)));

        var problems = CSharpCompiler.CompileAgainst(image, $$"""
            namespace Probe;

            public static class Uses
            {
                public static {{CompiledSpec.Namespace}}.ModelIdsResponses Literal() => "gpt-4o";

                public static {{CompiledSpec.Namespace}}.ModelIdsResponses Variable(string name) => name;

                public static {{CompiledSpec.Namespace}}.ModelIdsShared Inner(string name) => name;
            }
            """);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var outer = spec.Files.Single(f => f.RelativePath.EndsWith("/ModelIdsResponses.g.cs", System.StringComparison.Ordinal)).Content;
        Assert.Contains("public static implicit operator ModelIdsResponses(string value) => ModelIdsResponses.FromModelIdsShared(ModelIdsShared.FromString(value));", outer, System.StringComparison.Ordinal);
    }
}
