using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractKit.AspNetCore.Mock;

/// <summary>Options of the mock server (<c>contractkit mock</c>).</summary>
public sealed record MockServerOptions
{
    /// <summary>The spec to serve, unless <see cref="Contract"/> is given.</summary>
    public string? SpecPath { get; init; }

    /// <summary>An already-read contract.</summary>
    public ServedContract? Contract { get; init; }

    /// <summary>The address to bind: loopback unless told otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 for an ephemeral one.</summary>
    public int Port { get; init; } = 4010;

    /// <summary>Whether <c>http(s)</c> <c>$ref</c>s in <see cref="SpecPath"/> are fetched instead of refused (<c>--allow-remote-refs</c>).</summary>
    public bool AllowRemoteRefs { get; init; }

    /// <summary>Varied synthesized data instead of deterministic.</summary>
    public bool Dynamic { get; init; }

    /// <summary>No log line per request (warnings still show).</summary>
    public bool Quiet { get; init; }

    /// <summary>Bodies past this are answered 413. 10 MB by default.</summary>
    public long MaxRequestBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Where log lines go; the console when null.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

/// <summary>
/// Kestrel plus the contract middleware (security enforced, unknown routes 404, responses checked and logged) in front
/// of <see cref="MockResponder"/>: a server that keeps the contract before the real one exists.
/// </summary>
public static partial class ContractMockServer
{
    /// <summary>Builds the server (not started). Throws <see cref="ContractLoadException"/> for a spec that cannot be read.</summary>
    public static WebApplication Build(MockServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var contract = options.Contract ?? ServedContract.Load(options.SpecPath ?? throw new ArgumentException("give SpecPath or Contract", nameof(options)), options.AllowRemoteRefs);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configure)
        {
            configure(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; });
        }

        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("ContractKit.AspNetCore.ContractValidationMiddleware", LogLevel.Warning);
        builder.Logging.AddFilter("ContractKit.Mock", options.Quiet ? LogLevel.Warning : LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            kestrel.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(5));
            kestrel.Listen(ParseHost(options.Host), options.Port);
        });
        builder.Services.AddContractValidation(contract, o =>
        {
            o.EnforceSecurity = true;
            o.UnknownRoutes = UnknownRouteHandling.NotFound;
            o.ResponseValidation = ResponseValidationMode.Log;
            o.MaxRequestBodyBytes = options.MaxRequestBodyBytes;
            o.IncludeResponseViolations = true;
        });

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ContractKit.Mock");
        var responder = new MockResponder(contract, options.Dynamic);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context).ConfigureAwait(false);
            var feature = context.Features.Get<ContractValidationFeature>();
            var verdict = feature?.ResponseVerdict == "invalid" ? "response INVALID: the spec's example or schema is wrong (see the warning above)" : feature?.RequestVerdict ?? "unchecked";
            LogRequest(log, context.Request.Method, context.Request.Path.Value + context.Request.QueryString.Value, context.Response.StatusCode, verdict, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        app.UseContractValidation();
        app.Run(responder.RespondAsync);
        return app;
    }

    /// <summary>The address the started server listens on (the ephemeral port resolved).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server is not started");
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal));
    }

    private static IPAddress ParseHost(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "0.0.0.0" => IPAddress.Any,
        _ => IPAddress.TryParse(host, out var address) ? address : throw new ArgumentException($"--host must be an IP address (or localhost), not '{host}'", nameof(host)),
    };

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} ({Verdict}) {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, string verdict, double milliseconds);
}
