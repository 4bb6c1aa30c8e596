using System;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ContractKit.Tests.Support;

/// <summary>A test class with its own loopback server and an HttpClient to call it, both disposed after each test.</summary>
public abstract class LoopbackClientTest : IAsyncLifetime
{
    private LoopbackServer? _server;

    internal LoopbackServer Server => _server ?? throw new InvalidOperationException("The server starts in InitializeAsync.");

    protected HttpClient Http { get; } = new();

    /// <summary>The base address the generated clients are given: the server's <c>/v1</c>.</summary>
    protected Uri BaseAddress => new(Server.Address, "/v1");

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
