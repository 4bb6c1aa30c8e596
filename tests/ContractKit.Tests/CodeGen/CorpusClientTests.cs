using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.CodeGen;

/// <summary>The whole OpenAI API with a client per tag: every operation on exactly one client, and it all compiles.</summary>
public sealed class CorpusClientTests(ITestOutputHelper output)
{
    [CorpusFact]
    public async Task WholeOpenAiSpec_ClientsPerTag_EveryOperationOnce_UniqueNames_CompilesClean()
    {
        var path = Corpus.PathOf("openai", "openapi.yaml");
        var model = TempSpec.BuildModel(path);
        var target = new SpecTarget(path, Path.Combine(Path.GetTempPath(), "unused"), "Corpus.Generated", "OpenAIClient") { Clients = ClientGrouping.Tag };

        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(target);

        Assert.Equal(0, exitCode);
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
        Assert.All(diagnostics.Where(d => d.Id == DiagnosticIds.UnsupportedOperation && d.Severity == DiagnosticSeverity.Warning), d =>
            Assert.Contains("is a file or another kind of value", d.Message, StringComparison.Ordinal));

        var started = DateTime.UtcNow;
        var problems = CSharpCompiler.Compile(files);
        output.WriteLine($"{files.Count} files, {clients.Count} clients; compiled in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
    }
}
