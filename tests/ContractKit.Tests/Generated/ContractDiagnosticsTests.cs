using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// In the default Report mode, with no callback and no logger configured, a violation still reaches something a user
/// sees: the Meter counter, the EventSource, and the ILogger that IHttpClientFactory wiring supplies.
/// </summary>
public sealed class ContractDiagnosticsTests : LoopbackClientTest
{
    /// <summary>The seed's thread object (no <c>tool_resources</c>); the Meter and EventSource tests answer it with a status no other test uses, to tell their measurements apart.</summary>
    private const string SeedThread = ResponseLeniencyTests.SeedThread;

    [Fact]
    public async Task DefaultReportMode_WithNothingConfigured_CountsTheViolation_OnTheMeter()
    {
        Server.Respond = _ => (203, "application/json", SeedThread);
        var measured = new ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ContractDiagnostics.MeterName && instrument.Name == ContractDiagnostics.ViolationCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measured.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var thread = await new ThreadsClient(Http, new ThreadsClientOptions { BaseAddress = BaseAddress })
            .ModifyThreadAsync("thread_abc123", new ModifyThreadRequest());

        Assert.Equal("thread_abc123", thread.Id);
        var ours = Assert.Single(measured, m => Equals(m.Tags["status"], 203));
        Assert.Equal(1, ours.Value);
        Assert.Equal("modifyThread", ours.Tags["operation"]);
        Assert.Equal("response", ours.Tags["direction"]);
    }

    [Fact]
    public async Task DefaultReportMode_WithNothingConfigured_WritesAnEventSourceWarning()
    {
        Server.Respond = _ => (206, "application/json", SeedThread);
        using var listener = new ViolationListener();

        await new ThreadsClient(Http, new ThreadsClientOptions { BaseAddress = BaseAddress })
            .ModifyThreadAsync("thread_abc123", new ModifyThreadRequest());

        var ours = Assert.Single(listener.Events, e => e.Payload![2] is string d && d.Contains("(status 206)", StringComparison.Ordinal));
        Assert.Equal(EventLevel.Warning, ours.Level);
        Assert.Equal("modifyThread", ours.Payload![0]);
        Assert.Equal("response", ours.Payload[1]);
        Assert.Contains("required property 'tool_resources' is missing", (string)ours.Payload[2]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Violation_IsAnEventOnTheCallersCurrentActivity()
    {
        Server.Respond = _ => (200, "application/json", SeedThread);
        using var activity = new System.Diagnostics.Activity("caller").Start();

        await new ThreadsClient(Http, new ThreadsClientOptions { BaseAddress = BaseAddress }).ModifyThreadAsync("t", new ModifyThreadRequest());

        var recorded = Assert.Single(activity.Events, e => e.Name == ContractDiagnostics.ActivityEventName);
        var tags = recorded.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("modifyThread", tags["operation"]);
        Assert.Equal("response", tags["direction"]);
        Assert.Equal(200, tags["status"]);
    }

    [Fact]
    public async Task TypedClientFromHttpClientFactory_LogsTheViolation_ThroughTheInjectedLogger()
    {
        Server.Respond = _ => (200, "application/json", SeedThread);
        var logged = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logged));
        services.AddHttpClient<ThreadsClient>(http => http.BaseAddress = BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var thread = await provider.GetRequiredService<ThreadsClient>().ModifyThreadAsync("thread_abc123", new ModifyThreadRequest());

        Assert.Null(thread.ToolResources);
        var entry = Assert.Single(logged.Entries, e => e.Category == typeof(ThreadsClient).FullName);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("modifyThread response body (status 200) breaks the contract", entry.Message, StringComparison.Ordinal);
        Assert.Contains("required property 'tool_resources' is missing", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "ContractKit.Generated.Files.FilesClient")]
    [InlineData(true, "ContractKit.Generated.Files.StorageClient")]
    public async Task TagClient_FromHttpClientFactory_OrThroughTheRootClient_LogsTheViolation(bool throughRoot, string category)
    {
        Server.Respond = _ => (201, "application/json", """{"id":"file-1"}""");
        var logged = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logged));
        services.AddHttpClient<ContractKit.Generated.Files.FilesClient>(http => http.BaseAddress = BaseAddress);
        services.AddHttpClient<ContractKit.Generated.Files.StorageClient>(http => http.BaseAddress = BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var files = throughRoot
            ? provider.GetRequiredService<ContractKit.Generated.Files.StorageClient>().Files
            : provider.GetRequiredService<ContractKit.Generated.Files.FilesClient>();

        var stored = await files.UploadFileAsync(FilePart.FromBytes(new byte[] { 1, 2, 3 }, "a.bin"), ContractKit.Generated.Files.FilePurpose.Vision);

        Assert.Equal("file-1", stored.Id);
        var entry = Assert.Single(logged.Entries, e => e.Message.Contains("uploadFile", StringComparison.Ordinal));
        Assert.Equal(category, entry.Category);
        Assert.Contains("required property 'filename' is missing", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoggerOnTheOptions_WinsOverTheInjectedOne()
    {
        Server.Respond = _ => (200, "application/json", SeedThread);
        var injected = new ListLoggerProvider();
        var configured = new ListLoggerProvider();
        var options = new ThreadsClientOptions { BaseAddress = BaseAddress, Logger = configured.CreateLogger("mine") };

        await new ThreadsClient(Http, options, new Logger<ThreadsClient>(new LoggerFactory([injected]))).ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.Single(configured.Entries);
        Assert.Empty(injected.Entries);
    }

    private sealed class ViolationListener : EventListener
    {
        // Initialized before the base constructor runs, which may already call OnEventSourceCreated.
        public ConcurrentQueue<EventWrittenEventArgs> Events { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == ContractDiagnostics.EventSourceName)
            {
                EnableEvents(eventSource, EventLevel.Warning);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData) => Events.Enqueue(eventData);
    }
}

/// <summary>Keeps every log entry, for assertions.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
