using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractKit.Tests.Support;

/// <summary>What the server saw of one request.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IHeaderDictionary Headers, string Body)
{
    /// <summary>The body's bytes exactly as received.</summary>
    public byte[] BodyBytes { get; init; } = [];

    /// <summary>A <c>multipart/form-data</c> or URL-encoded body as ASP.NET Core parses it; null for other bodies.</summary>
    public RecordedForm? Form { get; init; }
}

/// <summary>A form body: its fields (repeated names keep every value) and files, in the order they came.</summary>
internal sealed record RecordedForm(IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<RecordedFile> Files)
{
    /// <summary>Every value sent under a name.</summary>
    public IReadOnlyList<string> Values(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).ToList();
}

/// <summary>One file part: its field name, file name, media type, raw Content-Disposition and bytes.</summary>
internal sealed record RecordedFile(string Name, string FileName, string? ContentType, string ContentDisposition, byte[] Bytes);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an ephemeral port (no fake handler): it records each request and
/// answers with whatever the test says.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, (int Status, string ContentType, string Body)> Respond { get; set; } =
        _ => (404, "text/plain", "no response configured");

    /// <summary>When set, writes the response itself (binary bodies, bodies written in pieces) instead of <see cref="Respond"/>.</summary>
    public Func<RecordedRequest, HttpResponse, Task>? Handle { get; set; }

    private static async Task<RecordedForm> ReadFormAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        var files = new List<RecordedFile>();
        foreach (var file in form.Files)
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, file.ContentDisposition, stream.ToArray()));
        }

        return new RecordedForm(fields, files);
    }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            context.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            context.Request.Body.Position = 0;
            var form = context.Request.HasFormContentType ? await ReadFormAsync(context.Request) : null;
            var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            // Kestrel reuses its header collection once the request ends: keep a copy.
            var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            var recorded = new RecordedRequest(context.Request.Method, rawTarget, headers, Encoding.UTF8.GetString(bytes)) { BodyBytes = bytes, Form = form };
            server!.Requests.Enqueue(recorded);
            if (server.Handle is { } handle)
            {
                await handle(recorded, context.Response);
                return;
            }

            var (status, contentType, responseBody) = server.Respond(recorded);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(responseBody);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
