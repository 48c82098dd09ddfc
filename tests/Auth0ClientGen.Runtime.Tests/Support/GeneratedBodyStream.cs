using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// A forward-only body of <paramref name="length"/> bytes that repeats <paramref name="pattern"/>, produced as it
/// is read, so a test can send a huge body without holding it, and see how much of it was read.
/// </summary>
/// <param name="pattern">The bytes repeated.</param>
/// <param name="length">How many bytes the body has.</param>
/// <param name="waitOnEveryRead">
/// Whether an asynchronous read first yields, as a read of a body still arriving from the network does, so a reader
/// cannot finish before it returns.
/// </param>
internal sealed class GeneratedBodyStream(byte[] pattern, long length, bool waitOnEveryRead = false) : Stream
{
    private long _position;

    public long BytesServed => Interlocked.Read(ref _position);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = pattern[(int)((_position + i) % pattern.Length)];
        }

        Interlocked.Add(ref _position, count);
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => waitOnEveryRead ? ReadAfterYieldingAsync(buffer) : new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    private async ValueTask<int> ReadAfterYieldingAsync(Memory<byte> buffer)
    {
        await Task.Yield();
        return Read(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
