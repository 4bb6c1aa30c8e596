using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using ContractKit.AspNetCore;
using ContractKit.AspNetCore.Mock;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ContractKit.Tests.AspNetCore;

/// <summary>A <c>contractkit mock</c> server in process on an ephemeral loopback port, its log lines kept.</summary>
internal sealed class MockHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MockHost(WebApplication app, Uri address, LogSink log)
    {
        _app = app;
        Address = address;
        Log = log;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public LogSink Log { get; }

    public static string SpecPath(string name) => Path.Combine(Corpus.RepoRoot, "spec", name);

    public static async Task<MockHost> StartAsync(string specPath, long maxBody = 10 * 1024 * 1024, bool dynamic = false)
    {
        var log = new LogSink();
        var app = ContractMockServer.Build(new MockServerOptions
        {
            SpecPath = specPath,
            Port = 0,
            Dynamic = dynamic,
            MaxRequestBodyBytes = maxBody,
            ConfigureLogging = logging => logging.AddProvider(log),
        });
        await app.StartAsync();
        return new MockHost(app, ContractMockServer.Address(app), log);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps every log line, for tests to assert on.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public System.Collections.Generic.IReadOnlyCollection<(LogLevel Level, string Category, string Message)> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>
    /// Waits (up to 10 s) until <paramref name="count"/> lines of the mock's own log say "(valid)": the mock writes its
    /// line once the response is complete, which can be just after the client has read it.
    /// </summary>
    public async System.Threading.Tasks.Task<int> ValidLinesAsync(int count)
    {
        var deadline = System.DateTime.UtcNow.AddSeconds(10);
        int seen;
        while ((seen = ValidLines()) < count && System.DateTime.UtcNow < deadline)
        {
            await System.Threading.Tasks.Task.Delay(10);
        }

        return seen;

        int ValidLines() => System.Linq.Enumerable.Count(_lines, l => l.Category == "ContractKit.Mock" && l.Message.Contains("(valid)", System.StringComparison.Ordinal));
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
