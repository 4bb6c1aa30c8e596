using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ContractKit.Samples.Threads;
using ContractKit.Tests.AspNetCore;
using ContractKit.Tests.Generated;
using ContractKit.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContractKit.Tests.Samples;

/// <summary>
/// <c>samples/Threads</c> runs against a loopback server as a user would run it (settings from the command line, the
/// API key from the environment), and the README's "Using the generated client" block is its code, line for line.
/// </summary>
[Collection(nameof(ThreadsSampleTests))] // sets OPENAI_API_KEY for the process: not beside itself
public sealed class ThreadsSampleTests : LoopbackClientTest
{
    private Task<(int ExitCode, string Output, ListLoggerProvider Log)> RunSampleAsync(string apiKey) => RunSampleAsync(apiKey, BaseAddress);

    private static async Task<(int ExitCode, string Output, ListLoggerProvider Log)> RunSampleAsync(string apiKey, Uri baseAddress)
    {
        var log = new ListLoggerProvider();
        var output = new StringWriter();
        var previous = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", apiKey);
        try
        {
            var exitCode = await ThreadsSample.RunAsync([$"--Threads:BaseAddress={baseAddress}"], output, logging => logging.AddProvider(log));
            return (exitCode, output.ToString(), log);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", previous);
        }
    }

    [Fact]
    public async Task Sample_ModifiesTheThread_WithTheKeyFromTheEnvironment_AndReportsTheSeedsMissingToolResources()
    {
        Server.Respond = _ => (200, "application/json", ResponseLeniencyTests.SeedThread.Replace("{}}", """{"modified":"true","user":"abc123"}}""", StringComparison.Ordinal));
        var apiKey = "sk-" + Guid.NewGuid().ToString("N");

        var (exitCode, output, log) = await RunSampleAsync(apiKey);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "Modified thread_abc123 (created 2023-10-24 00:34:21Z): modified=true, user=abc123\n" +
            "The answer breaks the contract; missing: /tool_resources\n",
            output.ReplaceLineEndings("\n"));
        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/threads/thread_abc123", request.RawTarget);
        Assert.Equal("Bearer " + apiKey, request.Headers.Authorization.ToString());
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("abc123", body.RootElement.GetProperty("metadata").GetProperty("user").GetString());
        var warning = Assert.Single(log.Entries, e => e.Category == "ContractKit.Generated.Threads.ThreadsClient");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("required property 'tool_resources' is missing", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_ModifiesTheThread_AgainstContractkitMockServingTheThreadsSpec()
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("threads.yaml"));

        var (exitCode, output, log) = await RunSampleAsync("sk-" + Guid.NewGuid().ToString("N"), new Uri(mock.Address, "v1"));

        // The mock answers with the spec's example, which keeps the contract: no violation is reported or logged.
        Assert.Equal(0, exitCode);
        Assert.Equal("Modified thread_abc123 (created 2023-11-03 12:21:23Z): modified=true, user=abc123\n", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(1, await mock.Log.ValidLinesAsync(1)); // written once the response is complete: wait for it
        Assert.Contains(mock.Log.Lines, l => l.Message.Contains("POST /v1/threads/thread_abc123 -> 200 (valid)", StringComparison.Ordinal));
        Assert.DoesNotContain(mock.Log.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Sample_PrintsTheServersError_AndExitsWithOne()
    {
        Server.Respond = _ => (404, "application/json", """{"error":{"message":"No thread found with id 'thread_abc123'.","type":"invalid_request_error","param":null,"code":null}}""");

        var (exitCode, output, _) = await RunSampleAsync("sk-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(1, exitCode);
        Assert.Equal("404: No thread found with id 'thread_abc123'.\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ReadmeUsingTheGeneratedClient_IsTheSamplesCode_LineForLine()
    {
        var readme = File.ReadAllLines(Path.Combine(Corpus.RepoRoot, "README.md"));
        var heading = Array.IndexOf(readme, "## Using the generated client");
        Assert.True(heading >= 0, "README has no 'Using the generated client' section");
        var start = Array.FindIndex(readme, heading, l => l == "```csharp") + 1;
        var end = Array.FindIndex(readme, start, l => l == "```");
        var block = readme[start..end].Select(l => l.Trim()).ToArray();
        var sample = File.ReadAllLines(Path.Combine(Corpus.RepoRoot, "samples", "Threads", "ThreadsSample.cs")).Select(l => l.Trim()).ToArray();

        Assert.True(block.Length > 20, $"the README block has {block.Length} lines");
        var at = Array.IndexOf(sample, block[0]);
        Assert.True(at >= 0, $"the sample has no line '{block[0]}'");
        Assert.Equal(block, sample.Skip(at).Take(block.Length));
    }
}
