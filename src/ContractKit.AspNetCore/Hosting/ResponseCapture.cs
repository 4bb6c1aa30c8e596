using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore;

/// <summary>
/// Stands in for the response body: a JSON response is kept in memory until the middleware has validated it; any
/// other (an event stream, bytes) goes straight through, so streaming is not held back.
/// </summary>
internal sealed class ResponseCapture : Stream
{
    private readonly HttpResponse _response;
    private readonly Stream _inner;
    private MemoryStream? _captured;
    private bool _decided;

    public ResponseCapture(HttpResponse response, Stream inner)
    {
        _response = response;
        _inner = inner;
    }

    /// <summary>The captured JSON body, or null when the response was not JSON (or had no body).</summary>
    public MemoryStream? Captured => _captured;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    private Stream Target()
    {
        if (!_decided)
        {
            _decided = true;
            if (_response.ContentType is { } type && ContractKit.Model.MediaTypes.IsJson(type))
            {
                _captured = new MemoryStream();
            }
        }

        return _captured ?? _inner;
    }

    public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Target().WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Target().WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush()
    {
        if (_captured is null && _decided)
        {
            _inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _captured is null && _decided ? _inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
