using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore;

/// <summary>
/// Stands in for the response body: a JSON response is kept in memory until the middleware has validated it; any
/// other (an event stream, bytes) goes straight through, so streaming is not held back. A JSON body that grows past
/// the limit is let through too (what was kept first), unvalidated, so memory stays bounded: <see cref="TooLarge"/>.
/// </summary>
internal sealed class ResponseCapture : Stream
{
    private readonly HttpResponse _response;
    private readonly Stream _inner;
    private readonly long _limit;
    private MemoryStream? _captured;
    private bool _decided;

    public ResponseCapture(HttpResponse response, Stream inner, long limit)
    {
        _response = response;
        _inner = inner;
        _limit = limit;
    }

    /// <summary>The captured JSON body, or null when the response was not JSON (or had no body, or was too large).</summary>
    public MemoryStream? Captured => _captured;

    /// <summary>True when the JSON body was larger than the limit, and so went out unvalidated.</summary>
    public bool TooLarge { get; private set; }

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
                TooLarge = _response.ContentLength > _limit;
                _captured = TooLarge ? null : new MemoryStream();
            }
        }

        return _captured ?? _inner;
    }

    /// <summary>The kept bytes when <paramref name="count"/> more would pass the limit (capturing stops); else null.</summary>
    private MemoryStream? Overflow(int count)
    {
        var captured = Target() == _captured ? _captured : null;
        if (captured is null || captured.Length + count <= _limit)
        {
            return null;
        }

        _captured = null;
        TooLarge = true;
        return captured;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Overflow(count) is { } kept)
        {
            _inner.Write(kept.GetBuffer(), 0, (int)kept.Length);
        }

        Target().Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Overflow(buffer.Length) is { } kept)
        {
            await _inner.WriteAsync(kept.GetBuffer().AsMemory(0, (int)kept.Length), cancellationToken).ConfigureAwait(false);
        }

        await Target().WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
