using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Runtime;

/// <summary>
/// A body read from a stream into a pooled buffer, never more than one byte past a limit: a larger (or endless)
/// body stops the read there and says so (<see cref="IsOverLimit"/>), so memory stays bounded by the limit.
/// </summary>
internal sealed class PooledBuffer : IDisposable
{
    private const int FirstSize = 16 * 1024;

    private readonly long _limit;
    private byte[] _buffer;

    private PooledBuffer(long? announced, long limit)
    {
        _limit = limit;
        var most = Most;
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((announced ?? FirstSize) + 1, Math.Min(256, most), most));
    }

    /// <summary>The most bytes ever held: the limit and one more, to tell "exactly the limit" from "over it".</summary>
    private long Most => _limit >= Array.MaxLength ? Array.MaxLength : _limit + 1;

    /// <summary>The bytes read.</summary>
    public int Length { get; private set; }

    /// <summary>True when the stream held more than the limit (only the limit and one byte were read).</summary>
    public bool IsOverLimit => Length > _limit || Length == Array.MaxLength;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Reads <paramref name="stream"/> to its end or to one byte past <paramref name="limit"/>.</summary>
    public static PooledBuffer Read(Stream stream, long? announced, long limit)
    {
        var buffer = new PooledBuffer(announced, limit);
        int read;
        while (!buffer.IsOverLimit && (read = stream.Read(buffer.Space().Span)) > 0)
        {
            buffer.Length += read;
        }

        return buffer;
    }

    /// <summary>Reads <paramref name="stream"/> to its end or to one byte past <paramref name="limit"/>.</summary>
    public static async Task<PooledBuffer> ReadAsync(Stream stream, long? announced, long limit, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer(announced, limit);
        try
        {
            int read;
            while (!buffer.IsOverLimit && (read = await stream.ReadAsync(buffer.Space(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Length += read;
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public byte[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Room for the next read, never reaching more than one byte past the limit.</summary>
    private Memory<byte> Space()
    {
        if (Length == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Most));
            _buffer.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsMemory(Length, (int)Math.Min(_buffer.Length - Length, Most - Length));
    }
}
