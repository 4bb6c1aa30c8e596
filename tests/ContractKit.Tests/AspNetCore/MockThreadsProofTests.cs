using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using ContractKit.Validation;
using Xunit;

namespace ContractKit.Tests.AspNetCore;

/// <summary>The proof for spec/threads.yaml, against <c>contractkit mock</c> on loopback.</summary>
public sealed class MockThreadsProofTests : IAsyncLifetime
{
    private MockHost _mock = null!;

    public async Task InitializeAsync()
    {
        _mock = await MockHost.StartAsync(TempSpec.ThreadsSpecPath);
        // The contract requires the header every seed sends (a one-value enum); the generated client sends it by itself.
        _mock.Http.DefaultRequestHeaders.Add("OpenAI-Beta", "assistants=v2");
    }

    public async Task DisposeAsync() => await _mock.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string path, string body, string? token = "sk-test", string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _mock.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task ValidPost_Answers200_WithAThreadObjectThatValidates()
    {
        var response = await PostAsync("/v1/threads/thread_abc123", """{"metadata":{"user":"abc123"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        var schemas = new ContractSchemas(TempSpec.BuildModel(TempSpec.ThreadsSpecPath));
        var result = schemas.ForType("ThreadObject").Validate(body, new ValidationOptions { Direction = ValidationDirection.Response });
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("thread_abc123", JsonDocument.Parse(body).RootElement.GetProperty("id").GetString());
        Assert.Contains(_mock.Log.Lines, l => l.Message.Contains("POST /v1/threads/thread_abc123 -> 200 (valid)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwentyOneFileIds_Answers422_NamingThePointerAndTheLimit()
    {
        var ids = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"file-{i}\""));
        var response = await PostAsync("/v1/threads/thread_abc123", """{"tool_resources":{"code_interpreter":{"file_ids":[""" + ids + "]}}}");

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("/tool_resources/code_interpreter/file_ids", error.GetProperty("pointer").GetString());
        Assert.Contains("20", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("modifyThread", problem.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task MalformedJson_Answers400_WithLineAndColumn()
    {
        var response = await PostAsync("/v1/threads/thread_abc123", "{\n  \"metadata\": {\"user\": }\n}");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Matches("line 2, column \\d+", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NoAuthorization_Answers401_WithABearerChallenge()
    {
        var response = await PostAsync("/v1/threads/thread_abc123", "{}", token: null);

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("BearerAuth", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Answers404()
    {
        var response = await PostAsync("/v1/assistants/asst_1", "{}");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Answers405_WithAllow()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/threads/thread_abc123");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
        var response = await _mock.Http.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task WrongContentType_Answers415()
    {
        var response = await PostAsync("/v1/threads/thread_abc123", "metadata=x", contentType: "application/x-www-form-urlencoded");

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task PreferExample_PicksTheNamedExample()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/threads/thread_abc123") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
        request.Headers.Add("Prefer", "example=withToolResources");

        var response = await _mock.Http.SendAsync(request);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("id", body.GetProperty("id").GetString());
        Assert.Equal("string", body.GetProperty("tool_resources").GetProperty("code_interpreter").GetProperty("file_ids")[0].GetString());
    }

    [Fact]
    public async Task PreferCode_AnswersTheDefaultResponse_SynthesizedFromItsSchema_AndItValidates()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/threads/thread_abc123") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
        request.Headers.Add("Prefer", "code=429");

        var response = await _mock.Http.SendAsync(request);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var schemas = new ContractSchemas(TempSpec.BuildModel(TempSpec.ThreadsSpecPath));
        Assert.True(schemas.ForType("ErrorResponse").IsValid(body), Encoding.UTF8.GetString(body));
        Assert.DoesNotContain(_mock.Log.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}

/// <summary>Limits of the mock.</summary>
public sealed class MockLimitTests
{
    [Fact]
    public async Task BodyPastTheLimit_Answers413()
    {
        await using var mock = await MockHost.StartAsync(TempSpec.ThreadsSpecPath, maxBody: 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/threads/thread_abc123")
        {
            Content = new StringContent($$$"""{"metadata":{"user":"{{{new string('x', 2000)}}}"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");

        var response = await mock.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>Parameters and bad input at the mock's door.</summary>
public sealed class MockInputTests
{
    private static async Task<HttpResponseMessage> PutPartAsync(string query)
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("files.yaml"));
        var request = new HttpRequestMessage(HttpMethod.Put, "/v1/uploads/upload-1/parts" + query) { Content = new ByteArrayContent([1, 2, 3]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
        var response = await mock.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task QueryParameterOfTheWrongType_Answers400_NamingIt()
    {
        var response = await PutPartAsync("?part=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("query", error.GetProperty("in").GetString());
        Assert.Equal("part", error.GetProperty("name").GetString());
    }

    [Fact]
    public async Task MissingRequiredQueryParameter_Answers400()
    {
        var response = await PutPartAsync("");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'part' is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MockCommand_OnASpecThatDoesNotExist_Exits2_WithoutAStackTrace()
    {
        var result = await ContractKit.Tests.Cli.CliRunner.RunAsync(Corpus.RepoRoot, "mock", "spec/nope.yaml", "--port", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.yaml", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MockCommand_OnABrokenSpec_Exits1()
    {
        using var spec = new TempSpec("openapi: 3.0.3\ninfo: [\n");

        var result = await ContractKit.Tests.Cli.CliRunner.RunAsync(spec.Directory, "mock", spec.Path, "--port", "0");

        Assert.Equal(1, result.ExitCode);
    }
}
