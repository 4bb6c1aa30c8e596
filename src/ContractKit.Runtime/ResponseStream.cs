using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Runtime;

/// <summary>
/// A binary response body, read from the network as the caller reads it (never buffered). It owns the HTTP response:
/// dispose it (<c>await using</c>) to release the connection. The status, media type and headers stay available.
/// </summary>
public sealed class ResponseStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _inner;

    internal ResponseStream(HttpResponseMessage response, Stream inner)
    {
        _response = response;
        _inner = inner;
    }

    /// <summary>The response's status code.</summary>
    public HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>The body's media type (<c>Content-Type</c> without parameters), or null when the server sent none.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The body's length when the server announced it (<c>Content-Length</c>).</summary>
    public long? ContentLength => _response.Content.Headers.ContentLength;

    /// <summary>The file name the server suggests (<c>Content-Disposition</c>), or null.</summary>
    public string? FileName =>
        _response.Content.Headers.ContentDisposition is { } disposition
            ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"')
            : null;

    /// <summary>Response and content headers together, names case-insensitive.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers =>
        _response.Headers.Concat(_response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IEnumerable<string>)g.SelectMany(h => h.Value).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool CanRead => _inner.CanRead;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException("A response stream has no length; see ContentLength.");

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(destination, bufferSize, cancellationToken);

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
