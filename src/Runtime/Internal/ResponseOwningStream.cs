using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Internal;

/// <summary>
/// A response body handed to the caller as a stream. Disposing it disposes the response too, which returns
/// the connection to the pool; the caller never sees the response object itself.
/// </summary>
internal sealed class ResponseOwningStream(Stream body, HttpResponseMessage response) : Stream
{
    public override bool CanRead => body.CanRead;

    public override bool CanSeek => body.CanSeek;

    public override bool CanWrite => false;

    public override long Length => body.Length;

    public override long Position
    {
        get => body.Position;
        set => body.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => body.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => body.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => body.ReadAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => body.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A response body is read-only.");

    public override void Write(byte[] buffer, int offset, int count)
        => throw new NotSupportedException("A response body is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await body.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
