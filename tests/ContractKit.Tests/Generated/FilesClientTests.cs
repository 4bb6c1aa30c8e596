using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Generated.Files;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// spec/files.yaml's generated client (grouped by tag) against a real server on loopback: multipart, URL-encoded,
/// binary and text bodies, asserted on what the server received and what the caller got back.
/// </summary>
public sealed class FilesClientTests : IAsyncLifetime
{
    private const string StoredFileJson = """{"id":"file-1","filename":"report.pdf","bytes":5,"purpose":"vision"}""";

    private LoopbackServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private StorageClient Client() =>
        new(_http, new StorageClientOptions { BaseAddress = new Uri(_server.Address, "/v1"), BearerToken = "sk-test" });

    /// <summary>One part of a multipart body as it went over the wire.</summary>
    private sealed record WirePart(string Disposition, string? ContentType, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    private static async Task<List<WirePart>> ReadParts(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.Headers.ContentType.ToString()).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyBytes));
        var parts = new List<WirePart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(new WirePart(section.ContentDisposition!, section.ContentType, bytes.ToArray()));
        }

        return parts;
    }

    [Fact]
    public async Task UploadFile_SendsEachFieldAsItsPart_FilesWithNameFileNameTypeAndBytes()
    {
        _server.Respond = _ => (201, "application/json", StoredFileJson);
        var pdf = FilePart.FromBytes(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0xFF }, "report.pdf", "application/pdf");
        var attachments = new[]
        {
            FilePart.FromBytes("first"u8.ToArray(), "a.txt", "text/plain"),
            FilePart.FromBytes("second"u8.ToArray(), "b.bin"),
        };
        var thumbnail = FilePart.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "thumb.png");

        var stored = await Client().Files.UploadFileAsync(
            pdf,
            FilePurpose.Vision,
            attachments: attachments,
            thumbnail: thumbnail,
            labels: ["q3", "finance"],
            priority: 7,
            expiresAfter: new ExpiresAfter { Anchor = "created_at", Seconds = 3600 },
            notes: "# Notes");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/files", request.RawTarget);
        Assert.Equal("Bearer sk-test", request.Headers.Authorization.ToString());
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers.ContentType.ToString(), StringComparison.Ordinal);

        // The wire, part by part, in schema order; file names quoted as browsers send them.
        var parts = await ReadParts(request);
        Assert.Equal(
            [
                "form-data; name=\"file\"; filename=\"report.pdf\"",
                "form-data; name=\"attachments\"; filename=\"a.txt\"",
                "form-data; name=\"attachments\"; filename=\"b.bin\"",
                "form-data; name=\"thumbnail\"; filename=\"thumb.png\"",
                "form-data; name=\"purpose\"",
                "form-data; name=\"labels\"",
                "form-data; name=\"labels\"",
                "form-data; name=\"priority\"",
                "form-data; name=\"expires_after\"",
                "form-data; name=\"notes\"",
            ],
            parts.Select(p => p.Disposition));
        Assert.Equal(
            ["application/pdf", "text/plain", "application/octet-stream", "image/png", null, null, null, null, "application/json", "text/markdown"],
            parts.Select(p => p.ContentType));
        Assert.Equal(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0xFF }, parts[0].Bytes);
        Assert.Equal(["first", "second"], parts.Skip(1).Take(2).Select(p => p.Text));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, parts[3].Bytes);
        Assert.Equal(["vision", "q3", "finance", "7"], parts.Skip(4).Take(4).Select(p => p.Text));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"anchor":"created_at","seconds":3600}"""), JsonNode.Parse(parts[8].Text)));
        Assert.Equal("# Notes", parts[9].Text);

        // ASP.NET Core's own form reader sees the same fields and files.
        var form = request.Form!;
        Assert.Equal(["file", "attachments", "attachments", "thumbnail"], form.Files.Select(f => f.Name));
        Assert.Equal(["report.pdf", "a.txt", "b.bin", "thumb.png"], form.Files.Select(f => f.FileName));
        Assert.Equal(["q3", "finance"], form.Values("labels"));
        Assert.Equal(["vision"], form.Values("purpose"));

        // The client left the caller's streams open; the response is the stored file.
        Assert.True(pdf.Content.CanRead);
        Assert.Equal("file-1", stored.Id);
        Assert.Equal(FilePurpose.Vision, stored.Purpose);
    }

    [Fact]
    public async Task UploadFile_OptionalFieldsLeftOut_AreNotSent()
    {
        _server.Respond = _ => (201, "application/json", StoredFileJson);

        await Client().Files.UploadFileAsync(FilePart.FromBytes("x"u8.ToArray(), "x.txt"), FilePurpose.Batch);

        var parts = await ReadParts(Assert.Single(_server.Requests));
        Assert.Equal(["form-data; name=\"file\"; filename=\"x.txt\"", "form-data; name=\"purpose\""], parts.Select(p => p.Disposition));
        Assert.Equal("batch", parts[1].Text);
    }

    [Fact]
    public async Task UploadFile_NonAsciiFileName_ArrivesIntact()
    {
        _server.Respond = _ => (201, "application/json", StoredFileJson);

        await Client().Files.UploadFileAsync(FilePart.FromBytes("x"u8.ToArray(), "résumé \"final\".txt"), FilePurpose.Batch);

        var file = Assert.Single(Assert.Single(_server.Requests).Form!.Files);
        Assert.Equal("résumé \"final\".txt", file.FileName);
    }

    [Fact]
    public async Task UploadFile_WithoutTheRequiredFile_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Client().Files.UploadFileAsync(null!, FilePurpose.Batch));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task UploadFile_ErrorStatus_RaisesTheDefaultResponsesModel()
    {
        _server.Respond = _ => (413, "application/json", """{"message":"too large"}""");

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => Client().Files.UploadFileAsync(FilePart.FromBytes("x"u8.ToArray(), "x.txt"), FilePurpose.Batch));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal("too large", error.Error.Message);
    }

    [Fact]
    public async Task SendFeedback_PostsAUrlEncodedForm_ArraysRepeated_DeepObjectBracketed()
    {
        _server.Respond = _ => (204, "text/plain", string.Empty);

        await Client().Feedback.SendFeedbackAsync(5, comment: "fast & good", tags: ["ui", "speed"], context: new FeedbackFormContext { Page = "home", Section = "hero" });

        var request = Assert.Single(_server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers.ContentType.ToString());
        Assert.Equal("rating=5&comment=fast+%26+good&tags=ui&tags=speed&context%5Bpage%5D=home&context%5Bsection%5D=hero", request.Body);
        var form = request.Form!;
        Assert.Equal(["5"], form.Values("rating"));
        Assert.Equal(["fast & good"], form.Values("comment"));
        Assert.Equal(["ui", "speed"], form.Values("tags"));
        Assert.Equal(["home"], form.Values("context[page]"));
        Assert.Empty(form.Files);
    }

    [Fact]
    public async Task UploadPart_SendsTheStreamFromItsPosition_AsOctetStream_AndLeavesItOpen()
    {
        _server.Respond = r => (200, "application/json", $$"""{"id":"upload-1","bytes":{{r.BodyBytes.Length}}}""");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31)).ToArray();
        using var stream = new MemoryStream(bytes) { Position = 10 };

        var status = await Client().Uploads.UploadPartAsync("upload-1", 3, stream);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v1/uploads/upload-1/parts?part=3", request.RawTarget);
        Assert.Equal("application/octet-stream", request.Headers.ContentType.ToString());
        Assert.Equal("99990", request.Headers.ContentLength.ToString());
        Assert.Equal(bytes[10..], request.BodyBytes);
        Assert.Equal(99_990, status.Bytes);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task UploadPart_NonSeekableStream_IsSentChunked()
    {
        _server.Respond = r => (200, "application/json", $$"""{"id":"upload-1","bytes":{{r.BodyBytes.Length}}}""");
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        var status = await Client().Uploads.UploadPartAsync("upload-1", 1, new ForwardOnlyStream(bytes));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("chunked", request.Headers.TransferEncoding.ToString());
        Assert.Equal(bytes, request.BodyBytes);
        Assert.Equal(5000, status.Bytes);
    }

    [Fact]
    public async Task PutUploadNotes_OffersJsonAndText_SendsJson()
    {
        _server.Respond = _ => (204, "text/plain", string.Empty);

        await Client().Uploads.PutUploadNotesAsync("upload-1", new UploadNotes { Text = "hello" });

        var request = Assert.Single(_server.Requests);
        Assert.Equal("application/json; charset=utf-8", request.Headers.ContentType.ToString());
        Assert.Equal("""{"text":"hello"}""", request.Body);
    }

    [Fact]
    public async Task DownloadFile_HandsOverTheBodyAsItArrives_NotBuffered()
    {
        var first = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var rest = Enumerable.Range(0, 3000).Select(i => (byte)(255 - (i % 256))).ToArray();
        var clientHasFirstPart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Handle = async (_, response) =>
        {
            response.StatusCode = 200;
            response.ContentType = "application/octet-stream";
            response.Headers.ContentDisposition = "attachment; filename=\"report.pdf\"";
            await response.Body.WriteAsync(first);
            await response.Body.FlushAsync();

            // The rest only once the caller has read the first part: a client that buffered would never get here.
            await clientHasFirstPart.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await response.Body.WriteAsync(rest);
        };

        await using var stream = await Client().Files.DownloadFileAsync("file 1");

        Assert.NotNull(stream);
        Assert.Equal("application/octet-stream", stream.ContentType);
        Assert.Equal("report.pdf", stream.FileName);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        var head = new byte[first.Length];
        await stream.ReadExactlyAsync(head);
        Assert.Equal(first, head);
        clientHasFirstPart.SetResult();
        using var tail = new MemoryStream();
        await stream.CopyToAsync(tail);
        Assert.Equal(rest, tail.ToArray());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/files/file%201/content", request.RawTarget);
        Assert.Equal("application/octet-stream, image/png", request.Headers.Accept.ToString());
    }

    [Fact]
    public async Task DownloadFile_204_ReturnsNull()
    {
        _server.Respond = _ => (204, "application/octet-stream", string.Empty);

        var stream = await Client().Files.DownloadFileAsync("file-1");

        Assert.Null(stream);
    }

    [Fact]
    public async Task DownloadFile_404_RaisesTheDeclaredErrorModel()
    {
        _server.Respond = _ => (404, "application/json", """{"message":"no such file"}""");

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => Client().Files.DownloadFileAsync("nope"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("no such file", error.Error.Message);
    }

    [Fact]
    public async Task TextResponses_AreStrings_OnTheTagClientAndTheRoot()
    {
        _server.Respond = r => (200, "text/plain; charset=utf-8", r.RawTarget.EndsWith("/health", StringComparison.Ordinal) ? "ok" : "A report, 5 bytes.");

        var summary = await Client().Files.GetFileSummaryAsync("file-1");
        var health = await Client().GetHealthAsync();

        Assert.Equal("A report, 5 bytes.", summary);
        Assert.Equal("ok", health);
        Assert.Equal("text/plain", _server.Requests.First().Headers.Accept.ToString());
        Assert.Equal("Bearer sk-test", _server.Requests.First().Headers.Authorization.ToString());
        Assert.Equal(string.Empty, _server.Requests.Last().Headers.Authorization.ToString());
    }

    [Fact]
    public async Task TagClient_WorksOnItsOwn()
    {
        _server.Respond = _ => (200, "text/plain", "standalone");
        var files = new FilesClient(_http, new StorageClientOptions { BaseAddress = new Uri(_server.Address, "/v1") });

        Assert.Equal("standalone", await files.GetFileSummaryAsync("file-1"));
    }

    /// <summary>A stream that can only be read forwards: no length, so the body goes chunked.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
