using System;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using ContractKit.Generated.Threads;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>What the seeds say about Modify thread, carried by spec/threads.yaml into the generated client.</summary>
public sealed class ThreadsContractSeedTests : IAsyncLifetime
{
    private const string ThreadJson = """{"id":"thread_abc123","object":"thread","created_at":1699014083,"metadata":{},"tool_resources":{}}""";

    private LoopbackServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond = _ => (200, "application/json", ThreadJson);
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ThreadsClient Client(Action<ThreadsClientOptions>? configure = null)
    {
        var options = new ThreadsClientOptions { BaseAddress = new Uri(_server.Address, "/v1"), BearerToken = "sk-test" };
        configure?.Invoke(options);
        return new ThreadsClient(_http, options);
    }

    [Fact]
    public async Task OpenAIBetaHeader_ArrivesAtTheServer_WithoutTheCallerPassingIt()
    {
        await Client().ModifyThreadAsync("thread_abc123", new ModifyThreadRequest());

        Assert.Equal("assistants=v2", Assert.Single(_server.Requests).Headers["OpenAI-Beta"].ToString());
    }

    [Fact]
    public async Task OpenAIBetaHeader_OverriddenOnTheOptions_SendsTheOverride_AnyCaseOfTheName()
    {
        await Client(o => o.HeaderOverrides["openai-beta"] = "assistants=v3").ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.Equal("assistants=v3", Assert.Single(_server.Requests).Headers["OpenAI-Beta"].ToString());
    }

    [Fact]
    public async Task OpenAIBetaHeader_OverriddenWithNull_IsNotSent()
    {
        await Client(o => o.HeaderOverrides["OpenAI-Beta"] = null).ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.False(Assert.Single(_server.Requests).Headers.ContainsKey("OpenAI-Beta"));
    }

    [Fact]
    public void ModifyThread_TakesNoHeaderParameter()
    {
        var method = typeof(ThreadsClient).GetMethod(nameof(ThreadsClient.ModifyThreadAsync))!;

        Assert.Equal(new[] { "threadId", "body", "cancellationToken" }, Array.ConvertAll(method.GetParameters(), p => p.Name ?? string.Empty));
    }

    [Fact]
    public void ModifyThread_IsObsolete_WithTheSpecsDeprecationNote()
    {
        var method = typeof(ThreadsClient).GetMethod(nameof(ThreadsClient.ModifyThreadAsync))!;

        var obsolete = method.GetCustomAttribute<ObsoleteAttribute>();

        Assert.NotNull(obsolete);
        Assert.False(obsolete.IsError);
        Assert.Equal("Deprecated in the API contract: OpenAI's API reference marks Modify thread (Assistants API) as deprecated.", obsolete.Message);
    }
}
