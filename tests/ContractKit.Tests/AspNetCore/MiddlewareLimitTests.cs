using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
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
/// The middleware against hostile sizes and a broken contract: a JSON response over <c>MaxResponseBodyBytes</c> is not
/// held back without bound (it goes out as written, reported as not validated), and a <c>pattern</c> that is not a
/// regular expression rejects what it sees with the reason instead of throwing in the request.
/// </summary>
public sealed class MiddlewareLimitTests : IDisposable
{

    private readonly TempSpec _spec = new(CodeGen.InvalidPatternClientTests.Spec);

    public void Dispose() => _spec.Dispose();

    private sealed record Host(WebApplication App, HttpClient Http, LogSink Log, string[] Verdict) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>A server whose endpoint answers <c>{"pad": […]}</c> with <paramref name="items"/> strings, written in 1 KB pieces (valid for the contract).</summary>
    private async Task<Host> StartAsync(int items, Action<ContractValidationOptions> configure)
    {
        var log = new LogSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(log);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddContractValidation(_spec.Path, configure);
        var app = builder.Build();
        var verdict = new string[1];
        app.Use(async (context, next) =>
        {
            await next(context);
            verdict[0] = context.Features.Get<ContractValidationFeature>()?.ResponseVerdict ?? "none";
        });
        app.UseContractValidation();
        app.MapPost("/codes", async (HttpResponse response) =>
        {
            response.ContentType = "application/json";
            await response.WriteAsync("{\"pad\": [");
            for (var i = 0; i < items; i++)
            {
                await response.WriteAsync((i == 0 ? "" : ",") + "\"" + new string('c', 1000) + "\"");
            }

            await response.WriteAsync("]}");
        });
        await app.StartAsync();
        return new Host(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) }, log, verdict);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task JsonResponseOverTheCap_GoesOutIntact_Unvalidated_AndIsLogged()
    {
        await using var host = await StartAsync(items: 100, o =>
        {
            o.ResponseValidation = ResponseValidationMode.Fail;
            o.MaxResponseBodyBytes = 10_000;
        });

        var response = await host.Http.PostAsync("/codes", Json("{}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100 * 1002 + 99 + 11, body.Length);
        Assert.StartsWith("{\"pad\": [\"ccc", body, StringComparison.Ordinal);
        Assert.EndsWith("ccc\"]}", body, StringComparison.Ordinal);
        Assert.Equal("too large", host.Verdict[0]);
        Assert.Contains(host.Log.Lines, l => l.Level == LogLevel.Warning
            && l.Message.Contains("The sendCode response (status 200) was not validated: its JSON body is larger than 10000 bytes (MaxResponseBodyBytes)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonResponseUnderTheCap_IsStillValidated()
    {
        await using var host = await StartAsync(items: 5, o =>
        {
            o.ResponseValidation = ResponseValidationMode.Fail;
            o.MaxResponseBodyBytes = 10_000;
        });

        var response = await host.Http.PostAsync("/codes", Json("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("valid", host.Verdict[0]);
    }

    private static (ResponseCapture Capture, MemoryStream Inner) Capture(long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = contentLength;
        var inner = new MemoryStream();
        return (new ResponseCapture(context.Response, inner, limit: 1000), inner);
    }

    [Fact]
    public void Capture_StopsKeepingTheBodyAtTheCap_AndPassesEverythingThroughInOrder()
    {
        var (capture, inner) = Capture(contentLength: null);
        var pieces = Enumerable.Range(0, 100).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('.', 97)).ToList();

        foreach (var piece in pieces)
        {
            capture.Write(Encoding.ASCII.GetBytes(piece));
        }

        Assert.True(capture.TooLarge);
        Assert.Null(capture.Captured);
        Assert.Equal(string.Concat(pieces), Encoding.ASCII.GetString(inner.ToArray()));
    }

    [Fact]
    public void Capture_WithAContentLengthOverTheCap_KeepsNothing()
    {
        var (capture, inner) = Capture(contentLength: 5000);

        capture.Write(new byte[10]);

        Assert.True(capture.TooLarge);
        Assert.Null(capture.Captured);
        Assert.Equal(10, inner.Length);
    }

    [Fact]
    public async Task InvalidPatternInTheContract_RejectsAStringItSees_WithTheReason_AndLetsTheRestThrough()
    {
        await using var host = await StartAsync(items: 1, _ => { });

        var rejected = await host.Http.PostAsync("/codes", Json("""{"value": "abc"}"""));
        var problem = await rejected.Content.ReadAsStringAsync();
        var accepted = await host.Http.PostAsync("/codes", Json("{}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Contains("the schema's pattern '([' (at urn:contractkit:contract#/$defs/Code/properties/value/pattern) is not a valid regular expression", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
