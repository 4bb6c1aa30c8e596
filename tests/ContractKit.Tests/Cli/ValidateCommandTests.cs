using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _spec = TempSpec.ThreadsSpecPath;

    public void Dispose() => _files.Dispose();

    private const string ValidThread = """{"id":"thread_abc123","object":"thread","created_at":1699014083,"metadata":{"user":"abc123"},"tool_resources":{}}""";

    [Fact]
    public async Task ValidPayload_AgainstASchemaOfTheSpec_ExitsZero()
    {
        var payload = _files.Write("thread.json", ValidThread);

        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "ThreadObject", payload);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("thread.json: valid", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPayload_ExitsOne_AndNamesThePointerAndTheLimit()
    {
        var payload = _files.Write("bad.json", """{"metadata":{"k":"v"},"tool_resources":{"file_search":{"vector_store_ids":["a","b"]}},"extra":1}""");

        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--operation", "modifyThread", "--request", payload);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/tool_resources/file_search/vector_store_ids: array has 2 items; at most 1 are allowed [maxItems at ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/extra: property 'extra' is not allowed", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseOfAnOperation_ByStatus_AndJsonFormat()
    {
        var good = _files.Write("good.json", ValidThread);
        var bad = _files.Write("bad.json", """{"id":"t"}""");

        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--operation", "modifyThread", "--response", "--status", "200", "--format", "json", good, bad);

        Assert.Equal(1, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!["results"]!.AsArray();
        Assert.True(report[0]!["valid"]!.GetValue<bool>());
        Assert.False(report[1]!["valid"]!.GetValue<bool>());
        Assert.Contains(report[1]!["errors"]!.AsArray(), e => e!["keyword"]!.GetValue<string>() == "required");
    }

    [Fact]
    public async Task PlainJsonSchemaFile_Draft4_IsSupported()
    {
        var schema = _files.Write("schema.json", """{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","properties":{"n":{"type":"integer","maximum":3,"exclusiveMaximum":true}}}""");
        var ok = _files.Write("ok.json", """{"n":2}""");
        var no = _files.Write("no.json", """{"n":3}""");

        Assert.Equal(0, (await CliRunner.RunAsync(_files.Root, "validate", "--schema-file", schema, ok)).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync(_files.Root, "validate", "--schema-file", schema, no)).ExitCode);
    }

    [Fact]
    public async Task PayloadThatIsNotJson_ExitsOne_WithLineAndColumn()
    {
        var payload = _files.Write("broken.json", "{\n  \"id\": \"t\",\n  oops\n}");

        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "ThreadObject", payload);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.json: error CK1003: .*line 3", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSchema_ExitsTwo_WithASuggestion()
    {
        var payload = _files.Write("thread.json", ValidThread);

        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "Thread", payload);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did you mean", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ThreadObject", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPayloadFile_ExitsTwo_WithFileNotFound()
    {
        var result = await CliRunner.RunAsync(_files.Root, "validate", _spec, "--schema", "ThreadObject", "nope.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.json: error CK1001: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredNameNotDeclaredAsAProperty_IsStillRequired()
    {
        var spec = Path.Combine(Corpus.RepoRoot, "spec", "approvals.yaml");
        var missing = _files.Write("missing.json", """{"type":"approval_response","approve":true}""");
        var given = _files.Write("given.json", """{"type":"approval_response","approve":true,"request_id":"req_1"}""");

        var result = await CliRunner.RunAsync(_files.Root, "validate", spec, "--schema", "ApprovalResponse", "--format", "json", missing, given);

        Assert.Equal(1, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!["results"]!.AsArray();
        var error = Assert.Single(report[0]!["errors"]!.AsArray())!;
        Assert.Equal("required", error["keyword"]!.GetValue<string>());
        Assert.Contains("request_id", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(report[1]!["valid"]!.GetValue<bool>());
    }

    [CorpusFact]
    public async Task OpenAiSchemaRequiringAnUndeclaredName_RejectsAPayloadWithoutIt()
    {
        var spec = Corpus.PathOf("openai", "openapi.yaml");
        var payload = _files.Write("approval.json", """{"type":"mcp_approval_response","approve":true,"approval_request_id":"mcpr_1"}""");

        var result = await CliRunner.RunAsync(_files.Root, "validate", spec, "--schema", "MCPApprovalResponse", payload);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("request_id", result.Stdout.Replace("approval_request_id", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
