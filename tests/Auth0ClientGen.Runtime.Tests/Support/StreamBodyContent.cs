using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// A response body that hands out <paramref name="body"/> itself when read, so a test can see how the reader used
/// and closed it; its length is the stream's.
/// </summary>
internal sealed class StreamBodyContent(Stream body) : HttpContent
{
    public bool WasDisposed { get; private set; }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(body);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => body.CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        WasDisposed = true;
        base.Dispose(disposing);
    }
}
