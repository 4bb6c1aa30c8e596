using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// <c>http(s)</c> <c>$ref</c>s with remote references allowed: fetched from a loopback Kestrel server (never a real
/// host) and used like a local external document; refused without the option; a slow, oversized, failing or
/// scheme-changing fetch is a CK1007 error at the <c>$ref</c> saying what happened.
/// </summary>
public sealed class RemoteReferenceTests : IAsyncLifetime, IDisposable
{
    private const string Common = """
        openapi: 3.0.3
        info: {title: common, version: "1"}
        paths: {}
        components:
          schemas:
            RemotePet:
              type: object
              required: [remoteName]
              properties:
                remoteName: {type: string}
        """;

    private readonly TempFiles _files = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _files.Dispose();

    private string SpecReferring(string target) => _files.Write("api.yaml", $$"""
        openapi: 3.0.3
        info: {title: x, version: "1"}
        paths:
          /pets:
            get:
              operationId: getPet
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: "{{target}}"
        """);

    private string Remote(string path) => new Uri(_server.Address, path).AbsoluteUri;

    private async Task<Diagnostic> SingleRefErrorAsync(string target)
    {
        var path = SpecReferring(target);
        var loaded = await ContractLoader.LoadAsync(path, new LoadOptions { AllowRemoteRefs = true });
        var diagnostic = Assert.Single(loaded.Read.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal((path, 13, 17), (diagnostic.Location!.FilePath, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal(ExitCodes.InputErrors, loaded.ExitCode);
        return diagnostic;
    }

    [Fact]
    public async Task AllowedRemoteRef_IsFetched_AndItsSchemaIsGenerated()
    {
        _server.Respond = _ => (200, "application/yaml", Common);
        var spec = SpecReferring(Remote("/common.yaml#/components/schemas/RemotePet"));
        var target = new SpecTarget(spec, Path.Combine(_files.Root, "out"), "Remote.Api", "RemoteClient") { AllowRemoteRefs = true };

        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(target);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(files, f => f.Content.Contains("RemoteName", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Content.Contains("Task<System.Text.Json.JsonElement>", StringComparison.Ordinal));
        Assert.Equal("/common.yaml", Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public void RemoteRef_WithoutTheOption_IsRefusedAndNeverFetched()
    {
        _server.Respond = _ => (200, "application/yaml", Common);
        var path = SpecReferring(Remote("/common.yaml#/components/schemas/RemotePet"));

        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Contains("--allow-remote-refs", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task RemoteRef_AnsweringNotFound_IsAnErrorWithTheStatus()
    {
        _server.Respond = _ => (404, "text/plain", "nope");

        var diagnostic = await SingleRefErrorAsync(Remote("/missing.yaml#/components/schemas/RemotePet"));

        Assert.Contains("answered 404", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoteRef_RedirectingToAFileUri_IsRefused()
    {
        _server.Handle = (_, response) =>
        {
            response.StatusCode = 302;
            response.Headers.Location = "file:///etc/passwd";
            return Task.CompletedTask;
        };

        var diagnostic = await SingleRefErrorAsync(Remote("/common.yaml#/components/schemas/RemotePet"));

        Assert.Contains("redirects to 'file:///etc/passwd', which is not http or https", diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RemoteRef_NotJsonOrYaml_IsAnErrorSayingItCouldNotBeRead()
    {
        _server.Respond = _ => (200, "text/plain", "{ this is: [not closed");

        var diagnostic = await SingleRefErrorAsync(Remote("/broken.yaml#/components/schemas/RemotePet"));

        Assert.Contains("could not be read", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlowServer_IsCutOffAtTheTimeout()
    {
        _server.Handle = async (_, response) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await response.WriteAsync(Common);
        };
        var fetcher = new RemoteReferenceFetcher(TimeSpan.FromMilliseconds(300), 1024);

        var body = fetcher.Fetch(new Uri(Remote("/slow.yaml")), out var failure);

        Assert.Null(body);
        Assert.Contains("timed out after 0.3 s", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedBody_WithoutContentLength_IsCutOffAtTheCap()
    {
        _server.Handle = async (_, response) =>
        {
            for (var i = 0; i < 20; i++)
            {
                await response.WriteAsync(new string('#', 1000));
                await response.Body.FlushAsync();
            }
        };
        var fetcher = new RemoteReferenceFetcher(TimeSpan.FromSeconds(10), 4096);

        var body = fetcher.Fetch(new Uri(Remote("/huge.yaml")), out var failure);

        Assert.Null(body);
        Assert.Contains("larger than 4,096 bytes", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void RedirectsWithinHttp_AreFollowed_UpToALimit()
    {
        _server.Handle = async (request, response) =>
        {
            if (request.RawTarget == "/final.yaml")
            {
                await response.WriteAsync(Common);
                return;
            }

            response.StatusCode = 301;
            response.Headers.Location = request.RawTarget == "/once.yaml" ? "/final.yaml" : "/loop.yaml";
        };
        var fetcher = RemoteReferenceFetcher.Default;

        Assert.NotNull(fetcher.Fetch(new Uri(Remote("/once.yaml")), out var none));
        Assert.Null(none);
        Assert.Null(fetcher.Fetch(new Uri(Remote("/loop.yaml")), out var failure));
        Assert.Contains($"more than {RemoteReferenceFetcher.MaxRedirects} times", failure, StringComparison.Ordinal);
    }

    /// <summary>Two documents on the server: <c>/api/pets.yaml</c> refers to <c>owners.yaml</c> beside it, which refers back.</summary>
    private (int, string, string) TwoDocuments(RecordedRequest request) => request.RawTarget switch
    {
        "/api/pets.yaml" => (200, "application/yaml", """
            Pet:
              type: object
              properties:
                owner: {$ref: "owners.yaml#/Owner"}
                tag: {$ref: "#/Tag"}
            Tag: {type: string}
            """),
        "/api/owners.yaml" => (200, "application/yaml", """
            Owner:
              type: object
              properties:
                pets: {type: array, items: {$ref: "./pets.yaml#/Pet"}}
                secret: {$ref: "file:///etc/passwd#/x"}
                local: {$ref: "../../../etc/hosts#/x"}
            """),
        _ => (404, "text/plain", "no"),
    };

    [Fact]
    public async Task RefsInsideAFetchedDocument_ResolveAgainstItsUrl_WithTheSamePolicy()
    {
        _server.Respond = TwoDocuments;
        var spec = SpecReferring(Remote("/api/pets.yaml#/Pet"));

        var loaded = await ContractLoader.LoadAsync(spec, new LoadOptions { AllowRemoteRefs = true });

        // The cycle Pet -> Owner -> Pet across two fetched documents: each fetched once, both generated as components.
        Assert.Equal(["/api/owners.yaml", "/api/pets.yaml", "/etc/hosts"], _server.Requests.Select(r => r.RawTarget).Order(StringComparer.Ordinal));
        Assert.Equal(["Owner", "Pet", "Tag"], loaded.Read.RawNodeAt("#/components/schemas")!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/Pet", loaded.Read.RawNodeAt("#/components/schemas/Owner/properties/pets/items/$ref")!.GetValue<string>());

        // A file: URI stays refused; a relative path climbing out of the URL's folder is still an http URL on that server.
        var errors = loaded.Read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(Remote("/api/owners.yaml"), e.Location!.FilePath));
        Assert.Equal((5, 14), (errors[0].Location!.Line, errors[0].Location!.Column));
        Assert.Contains("is not an http or https address", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("answered 404", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InputErrors, loaded.ExitCode);
    }

    [Fact]
    public async Task RefsInsideAFetchedDocument_AreOnlyFollowedWhenAllowed()
    {
        _server.Respond = TwoDocuments;
        var spec = SpecReferring(Remote("/api/pets.yaml#/Pet"));

        var loaded = await ContractLoader.LoadAsync(spec);

        Assert.Contains("--allow-remote-refs", Assert.Single(loaded.Read.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
