using System;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.CodeGen;

/// <summary>
/// The whole OpenAI API with a client per tag: every operation on exactly one client, unique names, and it all
/// compiles (the compile is the shared <see cref="CompiledCorpus"/> one, which generates OpenAI per tag).
/// </summary>
[Collection(CompiledCorpusCollection.Name)]
public sealed class CorpusClientTests(CompiledCorpus corpus, ITestOutputHelper output)
{
    [CorpusFact]
    public void WholeOpenAiSpec_ClientsPerTag_EveryOperationOnce_UniqueNames_CompilesClean()
    {
        var spec = corpus.Get(CompiledSpec.WholeOpenAi);
        var files = spec.Files;
        var model = spec.Model;

        var clients = files.Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && Regex.IsMatch(f.Content, @"^public partial class \w+Client\b", RegexOptions.Multiline)).ToList();
        var tags = model.Operations.Where(o => o.Tags.Count > 0).Select(o => o.Tags[0]).Distinct().Count();
        Assert.Equal(tags + 1, clients.Count);
        var classes = files.SelectMany(f => Regex.Matches(f.Content, @"^public (?:sealed |readonly )?(?:partial )?(?:class|struct|record|enum) (\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(classes.Count, classes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var operation in model.Operations)
        {
            var method = " " + CSharpNamingPublic.Pascal(operation.OperationId) + "Async(";
            Assert.Single(clients, c => c.Content.Contains(method, StringComparison.Ordinal));
        }

        // The only client-side warnings: multipart fields that may be a file or something else.
        Assert.All(spec.Diagnostics.Where(d => d.Id == DiagnosticIds.UnsupportedOperation && d.Severity == DiagnosticSeverity.Warning), d =>
            Assert.Contains("is a file or another kind of value", d.Message, StringComparison.Ordinal));

        output.WriteLine($"{files.Count} files, {clients.Count} clients; compiled in {spec.Compiled.Elapsed.TotalSeconds:F0} s");
        Assert.True(spec.Compiled.Problems.Count == 0, string.Join("\n", spec.Compiled.Problems.Take(50)));
    }
}
