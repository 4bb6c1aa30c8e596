using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Runtime;

/// <summary>
/// The lines of a <c>text/event-stream</c> body (ended by CRLF, LF or CR; a leading byte order mark dropped), each
/// held in memory only up to a limit: a longer line stops the read (<see cref="LineTooLong"/>) instead of growing
/// without bound, as a reader of whole lines would on a body that never sends a newline.
/// </summary>
internal sealed class EventStreamLines(Stream stream, long maxLineBytes)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private bool _ended;
    private bool _afterCarriageReturn;
    private bool _started;
    private byte[] _partial = [];
    private int _partialLength;

    /// <summary>Set when a line was longer than the limit; <see cref="ReadLineAsync"/> then returned null.</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>The UTF-8 length of the line last returned.</summary>
    public int LastLineBytes { get; private set; }

    /// <summary>The next line without its end, or null at the end of the stream (or after a line over the limit).</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _partialLength = 0;
        while (true)
        {
            if (_start == _end)
            {
                if (_ended)
                {
                    return _partialLength > 0 ? Finish([]) : null;
                }

                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                _ended = _end == 0;
                continue;
            }

            if (_afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var end = available.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                _start = _end;
                if (!Keep(available))
                {
                    return null;
                }

                continue;
            }

            _start += end + 1;
            _afterCarriageReturn = available[end] == (byte)'\r';
            return Finish(available[..end]);
        }
    }

    /// <summary>The line made of what was kept and <paramref name="tail"/>; null when it is over the limit.</summary>
    private string? Finish(ReadOnlySpan<byte> tail)
    {
        ReadOnlySpan<byte> line;
        if (_partialLength == 0)
        {
            if (tail.Length > maxLineBytes)
            {
                LineTooLong = true;
                return null;
            }

            line = tail;
        }
        else
        {
            if (!Keep(tail))
            {
                return null;
            }

            line = _partial.AsSpan(0, _partialLength);
        }

        if (!_started)
        {
            _started = true;
            line = line.StartsWith("\uFEFF"u8) ? line[3..] : line;
        }

        LastLineBytes = line.Length;
        return Encoding.UTF8.GetString(line);
    }

    /// <summary>Keeps part of a line that continues past the buffer; false (and nothing kept) when the line is over the limit.</summary>
    private bool Keep(ReadOnlySpan<byte> piece)
    {
        if (_partialLength + (long)piece.Length > maxLineBytes)
        {
            LineTooLong = true;
            return false;
        }

        if (_partialLength + piece.Length > _partial.Length)
        {
            Array.Resize(ref _partial, (int)Math.Min(Math.Max(_partial.Length * 2L, _partialLength + piece.Length), Math.Min(maxLineBytes, Array.MaxLength)));
        }

        piece.CopyTo(_partial.AsSpan(_partialLength));
        _partialLength += piece.Length;
        return true;
    }
}
