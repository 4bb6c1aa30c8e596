using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ContractKit.Generated.Approvals;
using ContractKit.Generated.Files;
using ContractKit.Generated.Shapes;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// The generated clients' response caps (<c>MaxResponseBytes</c>, <c>MaxResponseDepth</c> on the options) against
/// hostile servers: an oversized, endless or too-deep body is an <see cref="ApiException"/> that says so, and the client
/// reads no more than the cap (counted in bytes handed out by the server's stream, not timed).
/// </summary>
public sealed class ResponseLimitTests
{
    private const int Cap = 4096;

    private static readonly Uri Base = new("https://api.test/v1");

    private static ThreadsClient Threads(CannedHandler handler, long maxBytes = Cap) =>
        new(new HttpClient(handler), new ThreadsClientOptions { BaseAddress = Base, MaxResponseBytes = maxBytes, RequestValidation = ContractValidationMode.Off });

    private static Task<ThreadObject> ModifyThread(ThreadsClient client) => client.ModifyThreadAsync("thread_1", new ModifyThreadRequest());

    [Fact]
    public void Options_DefaultTo64MiBAnd64Levels()
    {
        var options = new ThreadsClientOptions();

        Assert.Equal((64L * 1024 * 1024, 64), (options.MaxResponseBytes, options.MaxResponseDepth));
    }

    [Fact]
    public async Task EndlessJsonBody_IsCutOffAtTheCap_WithAClearApiException()
    {
        var body = CountingStream.Endless();

        var error = await Assert.ThrowsAsync<ApiException>(() => ModifyThread(Threads(new CannedHandler(HttpStatusCode.OK, "application/json", () => body))));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("POST /v1/threads/thread_1 returned 200 (OK) with a body larger than the client's limit of 4,096 bytes (MaxResponseBytes on its options); reading stopped there.", error.Message);
        Assert.Null(error.ResponseBody);
        Assert.Equal(Cap + 1, body.BytesRead);
    }

    [Fact]
    public async Task ContentLengthOverTheCap_IsRefusedBeforeReadingAnything()
    {
        var body = CountingStream.Endless();
        var handler = new CannedHandler(HttpStatusCode.OK, "application/json", () => body, contentLength: 10_000_000_000);

        var error = await Assert.ThrowsAsync<ApiException>(() => ModifyThread(Threads(handler)));

        Assert.Contains("with a 10,000,000,000-byte body (Content-Length), more than the client's limit of 4,096 bytes (MaxResponseBytes on its options); the body was not read.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task BodyWithinTheCap_IsReadAsBefore()
    {
        var thread = Encoding.UTF8.GetBytes(ResponseLeniencyTests.SeedThread);
        var handler = new CannedHandler(HttpStatusCode.OK, "application/json", () => new MemoryStream(thread));

        var read = await ModifyThread(Threads(handler, maxBytes: thread.Length));

        Assert.Equal("thread_abc123", read.Id);
    }

    [Fact]
    public async Task EndlessErrorBody_KeepsTheStatus_AndIsNotRead()
    {
        var body = CountingStream.Endless();

        var error = await Assert.ThrowsAsync<ApiException>(() => ModifyThread(Threads(new CannedHandler(HttpStatusCode.InternalServerError, "application/json", () => body))));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.IsNotType<ApiException<ErrorResponse>>(error);
        Assert.StartsWith("POST /v1/threads/thread_1 returned 500 (Internal Server Error) with a body larger than the client's limit of 4,096 bytes", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ResponseBody);
        Assert.Equal(Cap + 1, body.BytesRead);
    }

    private const string Approval = """{"type":"approval_response","approve":true,"request_id":"req_1","trace":""";

    private static byte[] NestedApproval(int depth) =>
        Encoding.UTF8.GetBytes(Approval + new string('[', depth) + new string(']', depth) + "}");

    private static ApprovalsClient Approvals(byte[] body, int? maxDepth = null)
    {
        var options = new ApprovalsClientOptions { BaseAddress = Base, RequestValidation = ContractValidationMode.Off, ResponseValidation = ContractValidationMode.Off };
        if (maxDepth is { } depth)
        {
            options.MaxResponseDepth = depth;
        }

        return new ApprovalsClient(new HttpClient(new CannedHandler(HttpStatusCode.OK, "application/json", () => new MemoryStream(body))), options);
    }

    [Fact]
    public async Task BodyDeeperThanMaxResponseDepth_IsAnApiExceptionNamingTheOption()
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => Approvals(NestedApproval(100)).CreateApprovalAsync(new ApprovalResponse { Approve = true }));

        Assert.Contains("maximum configured depth of 64", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseDepth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxResponseDepth_CanBeRaised_AndLowered()
    {
        var deep = await Approvals(NestedApproval(100), maxDepth: 128).CreateApprovalAsync(new ApprovalResponse { Approve = true });
        var shallow = await Assert.ThrowsAsync<ApiException>(() => Approvals(NestedApproval(10), maxDepth: 8).CreateApprovalAsync(new ApprovalResponse { Approve = true }));

        Assert.Equal(100, Depth(deep.AdditionalProperties!["trace"]));
        Assert.Contains("maximum configured depth of 8", shallow.Message, StringComparison.Ordinal);
    }

    private static int Depth(System.Text.Json.JsonElement element) =>
        element.ValueKind == System.Text.Json.JsonValueKind.Array ? 1 + element.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max() : 0;

    private static ShapesClient Shapes(Stream events) =>
        new(new HttpClient(new CannedHandler(HttpStatusCode.OK, "text/event-stream", () => events)),
            new ShapesClientOptions { BaseAddress = Base, MaxResponseBytes = Cap, ResponseValidation = ContractValidationMode.Off });

    private static async Task<(List<Pet> Pets, ApiException Error)> ReadEvents(ShapesClient client)
    {
        var pets = new List<Pet>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var pet in client.WatchPetsStreamAsync())
            {
                pets.Add(pet);
            }
        });
        return (pets, error);
    }

    [Fact]
    public async Task EventStream_WithALineThatNeverEnds_YieldsTheEventsBefore_ThenStopsAtTheCap()
    {
        var events = new CountingStream("data: {\"kind\":\"cat\",\"lives\":7}\n\ndata: "u8.ToArray(), (byte)'x', null);

        var (pets, error) = await ReadEvents(Shapes(events));

        Assert.Single(pets);
        Assert.Equal("GET /v1/pets/events returned 200 (OK) an event stream with a line longer than the client's limit of 4,096 bytes (MaxResponseBytes on its options); reading stopped there.", error.Message);
        Assert.InRange(events.BytesRead, Cap, Cap + 2 * 8192);
    }

    [Fact]
    public async Task EventStream_WithAnEventOfManyShortLines_OverTheCap_StopsThere()
    {
        var lines = string.Concat(Enumerable.Repeat("data: 1234567890\n", 1000));
        var events = new MemoryStream(Encoding.UTF8.GetBytes("data: {\"kind\":\"dog\",\"good\":true}\n\n" + lines + "\n"));

        var (pets, error) = await ReadEvents(Shapes(events));

        Assert.Single(pets);
        Assert.Contains("an event stream with an event larger than the client's limit of 4,096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStream_WithEventsUnderTheCap_IsNotCappedAsAWhole()
    {
        var one = "data: {\"kind\":\"cat\",\"lives\":7}\r\n\r\n";
        var bytes = Encoding.UTF8.GetBytes("\uFEFF" + string.Concat(Enumerable.Repeat(one, 500)) + "data: [DONE]\n\n");
        var events = new MemoryStream(bytes);

        var count = 0;
        await foreach (var unused in Shapes(events).WatchPetsStreamAsync())
        {
            count++;
        }

        Assert.True(bytes.Length > Cap * 4);
        Assert.Equal(500, count);
    }

    private static StorageClient Storage(CannedHandler handler) =>
        new(new HttpClient(handler), new StorageClientOptions { BaseAddress = Base, MaxResponseBytes = Cap });

    [Fact]
    public async Task EndlessTextBody_IsCutOffAtTheCap()
    {
        var body = CountingStream.Endless((byte)'a');

        var error = await Assert.ThrowsAsync<ApiException>(() => Storage(new CannedHandler(HttpStatusCode.OK, "text/plain", () => body)).GetHealthAsync());

        Assert.Contains("larger than the client's limit of 4,096 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(Cap + 1, body.BytesRead);
    }

    [Theory]
    [InlineData("text/plain; charset=iso-8859-1", new byte[] { 0x63, 0x61, 0x66, 0xE9 })]
    [InlineData("text/plain", new byte[] { 0x63, 0x61, 0x66, 0xC3, 0xA9 })]
    [InlineData("text/plain", new byte[] { 0xEF, 0xBB, 0xBF, 0x63, 0x61, 0x66, 0xC3, 0xA9 })]
    [InlineData("text/plain", new byte[] { 0xFF, 0xFE, 0x63, 0x00, 0x61, 0x00, 0x66, 0x00, 0xE9, 0x00 })]
    [InlineData("text/plain; charset=utf-8", new byte[] { 0xEF, 0xBB, 0xBF, 0x63, 0x61, 0x66, 0xC3, 0xA9 })]
    public async Task TextBody_IsDecodedAsHttpContentDoes_ByItsMarkOrCharset(string mediaType, byte[] bytes)
    {
        var handler = new CannedHandler(HttpStatusCode.OK, mediaType, () => new MemoryStream(bytes));
        using var reference = new ByteArrayContent(bytes) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType) } };

        var text = await Storage(handler).GetHealthAsync();

        Assert.Equal("café", text);
        Assert.Equal(await reference.ReadAsStringAsync(), text);
    }

    [Fact]
    public async Task BinaryResponse_IsHandedOverAsAStream_NotReadByTheClient()
    {
        var body = CountingStream.Endless((byte)7);
        var handler = new CannedHandler(HttpStatusCode.OK, "application/octet-stream", () => body);

        await using var stream = await Storage(handler).Files.DownloadFileAsync("file_1");
        var first = new byte[10];
        await stream!.ReadExactlyAsync(first);

        Assert.All(first, b => Assert.Equal(7, b));
        Assert.InRange(body.BytesRead, 10, Cap);
    }
}
