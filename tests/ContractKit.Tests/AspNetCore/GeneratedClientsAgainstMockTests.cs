using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ContractKit.Generated.Files;
using ContractKit.Generated.Shapes;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContractKit.Tests.AspNetCore;

/// <summary>
/// The checked-in generated clients against <c>contractkit mock</c> of their own specs: every operation succeeds,
/// the client sees no contract violation, and the mock's self-check finds none either.
/// </summary>
public sealed class GeneratedClientsAgainstMockTests
{
    private readonly List<ContractViolation> _violations = [];

    private static void AssertMockClean(MockHost mock) =>
        Assert.DoesNotContain(mock.Log.Lines, l => l.Level >= LogLevel.Warning);

    [Fact]
    public async Task ThreadsClient_ModifyThread_GetsTheExampleThread()
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("threads.yaml"));
        var client = new ThreadsClient(mock.Http, new ThreadsClientOptions { BaseAddress = new Uri(mock.Address, "/v1"), BearerToken = "sk-test", OnContractViolation = _violations.Add });

        var thread = await client.ModifyThreadAsync("thread_abc123", new ModifyThreadRequest { Metadata = new Dictionary<string, string> { ["user"] = "abc123" } });

        Assert.Equal("thread_abc123", thread.Id);
        Assert.Equal(ThreadObjectObject.Thread, thread.Object);
        Assert.Empty(_violations);
        AssertMockClean(mock);
    }

    [Fact]
    public async Task ThreadsClient_TooManyFileIds_IsStoppedByTheClient_OrRejected422ByTheMock()
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("threads.yaml"));
        var body = new ModifyThreadRequest
        {
            ToolResources = new ModifyThreadRequestToolResources
            {
                CodeInterpreter = new ModifyThreadRequestToolResourcesCodeInterpreter { FileIds = Enumerable.Range(0, 21).Select(i => $"file-{i}").ToList() },
            },
        };
        var strict = new ThreadsClient(mock.Http, new ThreadsClientOptions { BaseAddress = new Uri(mock.Address, "/v1"), BearerToken = "sk-test" });
        var lax = new ThreadsClient(mock.Http, new ThreadsClientOptions { BaseAddress = new Uri(mock.Address, "/v1"), BearerToken = "sk-test", RequestValidation = ContractValidationMode.Off });

        var local = await Assert.ThrowsAsync<ContractValidationException>(() => strict.ModifyThreadAsync("thread_abc123", body));
        var remote = await Assert.ThrowsAnyAsync<ApiException>(() => lax.ModifyThreadAsync("thread_abc123", body));

        Assert.Contains(local.Errors, e => e.InstanceLocation == "/tool_resources/code_interpreter/file_ids");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, remote.StatusCode);
        Assert.Contains("/tool_resources/code_interpreter/file_ids", remote.ResponseBody, StringComparison.Ordinal);
        Assert.Single(mock.Log.Lines, l => l.Message.Contains("-> 422", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThreadsClient_WithoutToken_GetsA401ApiException()
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("threads.yaml"));
        var client = new ThreadsClient(mock.Http, new ThreadsClientOptions { BaseAddress = new Uri(mock.Address, "/v1") });

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.ModifyThreadAsync("thread_abc123", new ModifyThreadRequest()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task FilesClients_EveryOperation_Succeeds()
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("files.yaml"));
        var options = new StorageClientOptions { BaseAddress = new Uri(mock.Address, "/v1"), BearerToken = "sk-test", OnContractViolation = _violations.Add };
        var storage = new StorageClient(mock.Http, options);
        var files = new FilesClient(mock.Http, options);
        var uploads = new UploadsClient(mock.Http, options);
        var feedback = new FeedbackClient(mock.Http, options);

        var stored = await files.UploadFileAsync(FilePart.FromBytes(Encoding.UTF8.GetBytes("%PDF-1.4"), "report.pdf", "application/pdf"), FilePurpose.Vision, labels: ["a"], priority: 1);
        await using (var download = await files.DownloadFileAsync("file-1"))
        {
            Assert.NotNull(download);
            using var copy = new MemoryStream();
            await download!.CopyToAsync(copy);
            Assert.True(copy.Length > 0);
        }

        var summary = await files.GetFileSummaryAsync("file-1");
        var health = await storage.GetHealthAsync();
        await feedback.SendFeedbackAsync(5, "good", ["x", "y"]);
        using var part = new MemoryStream(new byte[1000]);
        var status = await uploads.UploadPartAsync("upload-1", 1, part);
        await uploads.PutUploadNotesAsync("upload-1", new UploadNotes { Text = "notes" });

        Assert.False(string.IsNullOrEmpty(stored.Id));
        Assert.False(string.IsNullOrEmpty(summary));
        Assert.False(string.IsNullOrEmpty(health));
        Assert.NotNull(status);
        Assert.Empty(_violations);
        AssertMockClean(mock);
        Assert.Equal(7, mock.Log.Lines.Count(l => l.Category == "ContractKit.Mock" && l.Message.Contains("(valid)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ShapesClient_EveryOperation_Succeeds_TheEventStreamToo()
    {
        await using var mock = await MockHost.StartAsync(MockHost.SpecPath("shapes.yaml"));
        var client = new ShapesClient(mock.Http, new ShapesClientOptions { BaseAddress = new Uri(mock.Address, "/v1"), OnContractViolation = _violations.Add });

        var envelope = await client.CreatePetAsync(new Cat { Lives = 7 });
        var watched = await client.WatchPetsAsync();
        var streamed = new List<Pet>();
        await foreach (var pet in client.WatchPetsStreamAsync())
        {
            streamed.Add(pet);
        }

        Assert.NotNull(envelope);
        Assert.NotNull(watched);
        Assert.NotEmpty(streamed);
        Assert.Empty(_violations);
        AssertMockClean(mock);
    }
}
