using System;
using System.IO;
using System.Linq;
using System.Text;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// Hostile documents over the reader's limits (SECURITY.md) get one located error and no document; never a crash,
/// a hang or unbounded memory.
/// </summary>
public sealed class SpecLimitTests : IDisposable
{
    private const string Head = "openapi: 3.0.3\ninfo: {title: x, version: \"1\"}\n";

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Diagnostic SingleFatal(SpecReadResult result, string id)
    {
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.Id);
        return diagnostic;
    }

    [Fact]
    public void OversizedFile_IsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(_files.Root, "huge.yaml");
        using (var sparse = File.Create(path))
        {
            sparse.SetLength(SpecLimits.Default.MaxDocumentBytes + 1);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var diagnostic = SingleFatal(SpecReader.Read(path), DiagnosticIds.LimitExceeded);

        Assert.Contains("67,108,865 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1024 * 1024, "the file was not loaded");
    }

    [Fact]
    public void AliasBomb_OfOneKilobyte_IsStoppedWithinBoundedMemory()
    {
        var yaml = new StringBuilder(Head + "paths: {}\nx-bomb:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        Assert.True(yaml.Length < 1024, $"the bomb is {yaml.Length} bytes");
        var path = _files.Write("bomb.yaml", yaml.ToString());

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var diagnostic = SingleFatal(SpecReader.Read(path), DiagnosticIds.LimitExceeded);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("aliases expand to more than", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void SchemaNested3000Deep_IsStoppedWithAnError(string format)
    {
        var nested = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            nested.Append("{\"items\": ");
        }

        nested.Append("{}").Append('}', 3000);
        var json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Deep\": " + nested + "}}}";
        var path = _files.Write("deep." + format, json); // JSON is YAML: the .yaml file goes through the YAML reader.

        var diagnostic = SingleFatal(SpecReader.Read(path), DiagnosticIds.LimitExceeded);

        Assert.Contains("nested more than 1000 levels deep", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManySchemas_IsALocatedLimitError()
    {
        var yaml = new StringBuilder(Head + "paths: {}\ncomponents:\n  schemas:\n");
        for (var i = 0; i <= SpecLimits.Default.MaxSchemas; i++)
        {
            yaml.Append($"    S{i}: {{type: string}}\n");
        }

        var diagnostic = SingleFatal(SpecReader.Read(_files.Write("many.yaml", yaml.ToString())), DiagnosticIds.LimitExceeded);

        Assert.Contains("50,001 schemas", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((5, 3), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void TooManyOperations_IsALimitError()
    {
        var yaml = new StringBuilder(Head + "paths:\n");
        for (var i = 0; i <= SpecLimits.Default.MaxOperations / 2; i++)
        {
            yaml.Append($"  /p{i}: {{get: {{responses: {{'200': {{description: ok}}}}}}, put: {{responses: {{'200': {{description: ok}}}}}}}}\n");
        }

        var diagnostic = SingleFatal(SpecReader.Read(_files.Write("ops.yaml", yaml.ToString())), DiagnosticIds.LimitExceeded);

        Assert.Contains("50,002 operations", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlongString_IsLocatedAtIt()
    {
        var yaml = Head + "paths: {}\ncomponents:\n  schemas:\n    A:\n      description: " + new string('x', SpecLimits.Default.MaxStringLength + 1) + "\n";

        var diagnostic = SingleFatal(SpecReader.Read(_files.Write("long.yaml", yaml)), DiagnosticIds.LimitExceeded);

        Assert.Equal((7, 7), (diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Equal("#/components/schemas/A/description", diagnostic.Location.Pointer);
    }

    [CorpusFact]
    public void TheWholeOpenAiSpec_IsWithinTheLimits()
    {
        var result = SpecReader.Read(Corpus.PathOf("openai", "openapi.yaml"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.LimitExceeded);
        Assert.NotNull(result.Document);
    }
}
