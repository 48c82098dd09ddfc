using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Passes a response body through unchanged while noting how many bytes it had and whether it was the JSON literal
/// <c>null</c>, so a failed deserialization can be explained as "no body" or "null".
/// </summary>
/// <remarks>
/// Whether the body is <c>null</c> is decided as its bytes go by, whatever its length: it stays undecided through
/// whitespace and the letters of <c>null</c>, and is settled at the first other byte, which for any other JSON
/// value is the first one that is not whitespace. So the probe costs a look at a byte or two per body.
/// </remarks>
internal sealed class BodyProbeStream(Stream inner) : Stream
{
    // How many letters of "null" have been read, or NotNull once a byte showed the body is something else.
    private const int NotNull = -1;
    private int _nullLetters;

    /// <summary>How many bytes have been read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether everything read so far is <c>null</c> with optional JSON whitespace around it.</summary>
    public bool WasJsonNull => _nullLetters == 4;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
        => Note(inner.Read(buffer, offset, count), buffer.AsSpan(offset));

    public override int Read(Span<byte> buffer) => Note(inner.Read(buffer), buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Note(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Note(int read, ReadOnlySpan<byte> buffer)
    {
        BytesRead += read;
        for (var i = 0; i < read && _nullLetters != NotNull; i++)
        {
            var next = buffer[i];
            if (next is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                // Whitespace before "null" or after it; inside it, it ends the match.
                _nullLetters = _nullLetters is 0 or 4 ? _nullLetters : NotNull;
            }
            else
            {
                _nullLetters = _nullLetters < 4 && next == "null"u8[_nullLetters] ? _nullLetters + 1 : NotNull;
            }
        }

        return read;
    }
}
