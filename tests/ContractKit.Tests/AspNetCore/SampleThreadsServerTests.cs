using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContractKit.AspNetCore;
using ContractKit.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContractKit.Tests.AspNetCore;

/// <summary>
/// A sample ASP.NET Core service implementing the threads contract behind <c>UseContractValidation</c>, on loopback:
/// what the middleware lets through, what it answers itself, and what response validation catches.
/// </summary>
public sealed class SampleThreadsServerTests
{
    private const string GoodThread = """{"id":"thread_abc123","object":"thread","created_at":1699014083,"metadata":{},"tool_resources":{}}""";
    private const string ThreadWithoutToolResources = """{"id":"thread_abc123","object":"thread","created_at":1699014083,"metadata":{}}""";

    private sealed class Sample : IAsyncDisposable
    {
        public required WebApplication App { get; init; }
        public required HttpClient Http { get; init; }
        public required LogSink Log { get; init; }
        public required List<string> HandlerSaw { get; init; }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private static async Task<Sample> StartAsync(string reply, Action<ContractValidationOptions> configure)
    {
        var log = new LogSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(log);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddContractValidation(TempSpec.ThreadsSpecPath, configure);
        var app = builder.Build();
        var saw = new List<string>();
        app.UseContractValidation();
        app.MapPost("/v1/threads/{threadId}", async (HttpRequest request, string threadId) =>
        {
            saw.Add(threadId + " " + await new System.IO.StreamReader(request.Body).ReadToEndAsync());
            return Results.Text(reply, "application/json");
        });
        app.MapGet("/healthz", () => "ok");
        await app.StartAsync();
        var address = new Uri(app.Urls is { Count: > 0 } urls ? System.Linq.Enumerable.First(urls) : throw new InvalidOperationException());
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("OpenAI-Beta", "assistants=v2"); // required by the contract, as every seed sends it
        return new Sample { App = app, Http = http, Log = log, HandlerSaw = saw };
    }

    private static HttpRequestMessage Post(string body, string? token = "sk-test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/threads/thread_abc123") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    [Fact]
    public async Task HandlerReturningAThreadWithoutToolResources_IsCaughtByResponseValidation()
    {
        await using var sample = await StartAsync(ThreadWithoutToolResources, o => o.ResponseValidation = ResponseValidationMode.Fail);

        var response = await sample.Http.SendAsync(Post("""{"metadata":{"user":"abc123"}}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(sample.HandlerSaw);
        Assert.Contains(sample.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("tool_resources", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResponseViolation_InLogMode_IsLoggedAndCounted_AndTheResponseGoesOut()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, string? Operation)>();
        using var listener = Listen(measurements);
        await using var sample = await StartAsync(ThreadWithoutToolResources, o => o.ResponseValidation = ResponseValidationMode.Log);

        var response = await sample.Http.SendAsync(Post("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ThreadWithoutToolResources, await response.Content.ReadAsStringAsync());
        Assert.Contains(sample.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("modifyThread", StringComparison.Ordinal));
        Assert.Contains(measurements, m => m.Instrument == "contractkit.responses.invalid" && m.Operation == "modifyThread");
        Assert.Contains(measurements, m => m.Instrument == "contractkit.requests.validated" && m.Operation == "modifyThread");
    }

    [Fact]
    public async Task ValidRequest_ReachesTheHandler_WithItsBodyIntact()
    {
        await using var sample = await StartAsync(GoodThread, o => o.ResponseValidation = ResponseValidationMode.Fail);

        var response = await sample.Http.SendAsync(Post("""{"metadata":{"user":"abc123"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GoodThread, await response.Content.ReadAsStringAsync());
        Assert.Equal("thread_abc123 {\"metadata\":{\"user\":\"abc123\"}}", Assert.Single(sample.HandlerSaw));
    }

    [Fact]
    public async Task InvalidRequest_NeverReachesTheHandler_AndIsCounted()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, string? Operation)>();
        using var listener = Listen(measurements);
        await using var sample = await StartAsync(GoodThread, _ => { });

        var response = await sample.Http.SendAsync(Post("""{"metadata":{"user":"abc123"},"unknown":1}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(sample.HandlerSaw);
        Assert.Contains(measurements, m => m.Instrument == "contractkit.requests.rejected" && m.Operation == "modifyThread");
    }

    [Fact]
    public async Task SecurityIsNotEnforcedByDefault_AndIsWhenAskedFor()
    {
        await using var lax = await StartAsync(GoodThread, _ => { });
        await using var strict = await StartAsync(GoodThread, o => o.EnforceSecurity = true);

        Assert.Equal(HttpStatusCode.OK, (await lax.Http.SendAsync(Post("{}", token: null))).StatusCode);
        var rejected = await strict.Http.SendAsync(Post("{}", token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("Bearer", rejected.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutesTheContractLacks_PassThrough_OrAre404_ByOption()
    {
        await using var through = await StartAsync(GoodThread, _ => { });
        await using var closed = await StartAsync(GoodThread, o => o.UnknownRoutes = UnknownRouteHandling.NotFound);

        Assert.Equal("ok", await through.Http.GetStringAsync("/healthz"));
        var response = await closed.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static MeterListener Listen(ConcurrentBag<(string Instrument, long Value, string? Operation)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ContractMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? operation = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    operation = tag.Value as string;
                }
            }

            measurements.Add((instrument.Name, value, operation));
        });
        listener.Start();
        return listener;
    }
}
