using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>The checked-in generated client against a real HTTP server on loopback.</summary>
public sealed class ThreadsClientTests : IAsyncLifetime
{
    private const string ThreadJson = """{"id":"thread_abc123","object":"thread","created_at":1699014083,"metadata":{"modified":"true","user":"abc123"},"tool_resources":{}}""";

    private LoopbackServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ThreadsClient Client(string? token = "sk-test") =>
        new(_http, new ThreadsClientOptions { BaseAddress = new Uri(_server.Address, "/v1"), BearerToken = token });

    [Fact]
    public async Task ModifyThread_SendsMethodPathHeadersAndBody_AndParsesTheThread()
    {
        _server.Respond = _ => (200, "application/json", ThreadJson);
        var body = new ModifyThreadRequest { Metadata = new Dictionary<string, string> { ["modified"] = "true", ["user"] = "abc123" } };

        var thread = await Client().ModifyThreadAsync("thread_abc123", body);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/threads/thread_abc123", request.RawTarget);
        Assert.Equal("Bearer sk-test", request.Headers.Authorization.ToString());
        Assert.Equal("application/json; charset=utf-8", request.Headers.ContentType.ToString());
        Assert.Equal("application/json", request.Headers.Accept.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"metadata":{"modified":"true","user":"abc123"}}"""), JsonNode.Parse(request.Body)));

        Assert.Equal("thread_abc123", thread.Id);
        Assert.Equal(ThreadObjectObject.Thread, thread.Object);
        Assert.Equal(1699014083L, thread.CreatedAt);
        Assert.Equal("abc123", thread.Metadata!["user"]);
        Assert.NotNull(thread.ToolResources);
    }

    [Fact]
    public async Task ModifyThread_ExplicitNull_IsSent_AndAbsentIsNot()
    {
        _server.Respond = _ => (200, "application/json", ThreadJson);

        await Client().ModifyThreadAsync("t", new ModifyThreadRequest { Metadata = null });

        Assert.Equal("""{"metadata":null}""", Assert.Single(_server.Requests).Body);
    }

    [Theory]
    [InlineData("a/b?c#d", "/v1/threads/a%2Fb%3Fc%23d")]
    [InlineData("../admin", "/v1/threads/..%2Fadmin")]
    [InlineData("thread 1%", "/v1/threads/thread%201%25")]
    public async Task PathParameters_AreEscaped_SoTheyCannotChangeThePath(string threadId, string expectedTarget)
    {
        _server.Respond = _ => (200, "application/json", ThreadJson);

        await Client().ModifyThreadAsync(threadId, new ModifyThreadRequest());

        Assert.Equal(expectedTarget, Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public async Task ErrorStatus_WithTheDeclaredErrorBody_RaisesTypedException()
    {
        const string error = """{"error":{"type":"invalid_request_error","message":"No thread found with id 'nope'.","param":null,"code":null}}""";
        _server.Respond = _ => (404, "application/json", error);

        var exception = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => Client().ModifyThreadAsync("nope", new ModifyThreadRequest()));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal(error, exception.ResponseBody);
        Assert.Equal("invalid_request_error", exception.Error.Error.Type);
        Assert.Equal("No thread found with id 'nope'.", exception.Error.Error.Message);
        Assert.Contains("404", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStatus_WithAnUnexpectedBody_StillRaisesApiException_WithTheRawBody()
    {
        _server.Respond = _ => (502, "text/html", "<html>bad gateway</html>");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client().ModifyThreadAsync("t", new ModifyThreadRequest()));

        Assert.IsNotType<ApiException<ErrorResponse>>(exception);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("<html>bad gateway</html>", exception.ResponseBody);
        Assert.Equal("text/html", exception.Headers["Content-Type"].Single());
    }

    [Fact]
    public async Task SuccessBody_TheTypeCannotHold_RaisesApiException_NotAJsonException()
    {
        _server.Respond = _ => (200, "application/json", """{"id":"t","created_at":"yesterday"}""");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client().ModifyThreadAsync("t", new ModifyThreadRequest()));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("""{"id":"t","created_at":"yesterday"}""", exception.ResponseBody);
    }

    [Fact]
    public async Task NoToken_SendsNoAuthorizationHeader()
    {
        _server.Respond = _ => (200, "application/json", ThreadJson);

        await Client(token: null).ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.False(Assert.Single(_server.Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task BaseAddress_FromTheHttpClient_IsUsed_WhenOptionsHaveNone()
    {
        _server.Respond = _ => (200, "application/json", ThreadJson);
        using var http = new HttpClient { BaseAddress = new Uri(_server.Address, "/v1/") };

        await new ThreadsClient(http).ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.Equal("/v1/threads/t", Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public void DefaultBaseAddress_IsTheSpecsFirstServer()
    {
        Assert.Equal(new Uri("https://api.openai.com/v1"), ThreadsClient.DefaultBaseAddress);
        Assert.Equal(new Uri("https://api.openai.com/v1"), new ThreadsClient(_http).BaseAddress);
    }

    [Fact]
    public async Task EmptyThreadId_IsRejected_BeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().ModifyThreadAsync("", new ModifyThreadRequest()));
        Assert.Empty(_server.Requests);
    }
}
