using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Tests.Support;

/// <summary>
/// A body that is not in memory: <paramref name="prefix"/>, then <paramref name="filler"/> repeated up to
/// <paramref name="length"/> bytes (null: without end). Not seekable (its length is unknown, as on the network) unless
/// <paramref name="seekable"/>; counts what was read, so tests assert memory bounds on bytes rather than time.
/// </summary>
internal sealed class CountingStream(byte[] prefix, byte filler, long? length, bool seekable = false) : Stream
{
    private long _position;

    /// <summary>An endless stream of one byte.</summary>
    public static CountingStream Endless(byte filler = (byte)' ') => new([], filler, null);

    /// <summary>The bytes handed out so far.</summary>
    public long BytesRead => _position;

    public override bool CanRead => true;
    public override bool CanSeek => seekable;
    public override bool CanWrite => false;
    public override long Length => seekable && length is { } known ? known : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = length is { } known ? known - _position : long.MaxValue;
        var count = (int)Math.Min(buffer.Length, left);
        for (var i = 0; i < count; i++)
        {
            var at = _position + i;
            buffer[i] = at < prefix.Length ? prefix[at] : filler;
        }

        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
