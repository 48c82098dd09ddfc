using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Passes a response body through unchanged while noting how many bytes it had and whether it was the JSON literal
/// <c>null</c>, so a failed deserialization can be explained as "no body" or "null".
/// </summary>
internal sealed class BodyProbeStream(Stream inner) : Stream
{
    // Enough for "null" with some whitespace around it; a longer body is something else.
    private const int HeadLength = 16;

    // Kept inline rather than as an array, so the probe that every JSON response passes through is one object.
    private HeadBytes _head;

    /// <summary>
    /// Whether a probe could tell anything about a body of <paramref name="contentLength"/> bytes. A body whose
    /// declared length is longer than the head is neither empty (HttpClient fails a body that ends early) nor a
    /// <c>null</c> the probe would recognize, so reading it through a probe would only cost time.
    /// </summary>
    public static bool CanExplain(long? contentLength) => contentLength is not > HeadLength;

    /// <summary>How many bytes have been read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether everything read so far is <c>null</c> with optional JSON whitespace around it.</summary>
    public bool WasJsonNull
        => BytesRead <= HeadLength && ((ReadOnlySpan<byte>)_head)[..(int)BytesRead].Trim(" \t\r\n"u8).SequenceEqual("null"u8);

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
        if (BytesRead < HeadLength)
        {
            var copied = (int)Math.Min(read, HeadLength - BytesRead);
            buffer[..copied].CopyTo(((Span<byte>)_head)[(int)BytesRead..]);
        }

        BytesRead += read;
        return read;
    }

    [InlineArray(HeadLength)]
    private struct HeadBytes
    {
        private byte _first;
    }
}
