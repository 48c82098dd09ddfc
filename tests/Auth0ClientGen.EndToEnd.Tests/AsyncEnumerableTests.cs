using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

[Auth0Api(BaseUrl = "https://gizmos.example/api")]
public interface IGizmoFeedApi
{
    [Get("/gizmos")]
    IAsyncEnumerable<Gizmo> StreamAsync();

    [Get("/gizmos")]
    IAsyncEnumerable<Gizmo> StreamByOwnerAsync(string? owner, CancellationToken cancellationToken = default);

    [Get("/gizmos")]
    IAsyncEnumerable<Gizmo?> StreamWithGapsAsync();
}

/// <summary>
/// <c>IAsyncEnumerable&lt;T&gt;</c> returns: a JSON array read element by element, through a capturing handler
/// whose body arrives in chunks.
/// </summary>
public class AsyncEnumerableTests
{
    private const string ThreeGizmos = """[{"name":"a","size":1},{"name":"b","size":2},{"name":"c","size":3}]""";

    private readonly CapturingHandler _handler = new();
    private readonly IGizmoFeedApi _client;

    public AsyncEnumerableTests()
        => _client = new GizmoFeedApiClient(new HttpClient(_handler), new StaticCredentialsProvider("token"));

    [Fact]
    public async Task ElementsAreReadAsTheyArriveAndTheResponseIsReleasedAtTheEnd()
    {
        var content = new ChunkedContent("""[{"name":"a","size":1},""", """{"name":"b","size":2}""", "]");
        _handler.ResponseContent = () => content;

        var elements = _client.StreamByOwnerAsync("ada").GetAsyncEnumerator();
        await using (elements)
        {
            Assert.True(await elements.MoveNextAsync());
            Assert.Equal(new Gizmo("a", 1), elements.Current);
            Assert.Equal(1, content.ChunksRead);

            Assert.True(await elements.MoveNextAsync());
            Assert.Equal(new Gizmo("b", 2), elements.Current);
            Assert.False(await elements.MoveNextAsync());
            Assert.True(content.IsDisposed);
        }

        Assert.Equal("https://gizmos.example/api/gizmos?owner=ada", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task NothingIsSentUntilTheSequenceIsEnumerated()
    {
        var gizmos = _client.StreamAsync();
        Assert.Empty(_handler.Requests);

        _handler.ResponseBody = ThreeGizmos;
        var names = new List<string>();
        await foreach (var gizmo in gizmos)
        {
            names.Add(gizmo.Name);
        }

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal("Bearer token", Assert.Single(_handler.Requests).Authorization);
    }

    [Fact]
    public async Task BreakingOutEarlyReleasesTheResponseWithoutReadingTheRest()
    {
        var content = new ChunkedContent("""[{"name":"a","size":1},""", """{"name":"b","size":2}]""");
        _handler.ResponseContent = () => content;

        await foreach (var gizmo in _client.StreamAsync())
        {
            Assert.Equal("a", gizmo.Name);
            break;
        }

        Assert.True(content.IsDisposed);
        Assert.Equal(1, content.ChunksRead);
    }

    [Fact]
    public async Task WithCancellationStopsAnIteratorThatDeclaresNoToken()
    {
        var content = new ChunkedContent(ThreeGizmos);
        _handler.ResponseContent = () => content;
        using var cancellation = new CancellationTokenSource();

        var seen = await ReadUntilCancelledAsync(_client.StreamAsync().WithCancellation(cancellation.Token), cancellation);

        Assert.Equal(["a"], seen);
        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task WithCancellationStopsAnIteratorThatDeclaresAToken()
    {
        var content = new ChunkedContent(ThreeGizmos);
        _handler.ResponseContent = () => content;
        using var argument = new CancellationTokenSource();
        using var cancellation = new CancellationTokenSource();

        var seen = await ReadUntilCancelledAsync(
            _client.StreamByOwnerAsync(null, argument.Token).WithCancellation(cancellation.Token),
            cancellation);

        Assert.Equal(["a"], seen);
        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task TheDeclaredTokenStopsTheIterator()
    {
        var content = new ChunkedContent(ThreeGizmos);
        _handler.ResponseContent = () => content;
        using var cancellation = new CancellationTokenSource();

        var seen = await ReadUntilCancelledAsync(
            _client.StreamByOwnerAsync(null, cancellation.Token).WithCancellation(CancellationToken.None),
            cancellation);

        Assert.Equal(["a"], seen);
        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await using var elements = _client.StreamByOwnerAsync(null, cancellation.Token).GetAsyncEnumerator();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await elements.MoveNextAsync());
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task AnErrorStatusThrowsOnTheFirstMoveNext()
    {
        _handler.StatusCode = HttpStatusCode.Forbidden;
        _handler.ResponseBody = """{"error":"insufficient_scope","error_description":"read:gizmos is needed"}""";

        var gizmos = _client.StreamAsync();
        await using var elements = gizmos.GetAsyncEnumerator();
        var exception = await Assert.ThrowsAsync<ApiException>(async () => await elements.MoveNextAsync());

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Contains("\"read:gizmos is needed\" (insufficient_scope)", exception.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, "")]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.OK, "null")]
    [InlineData(HttpStatusCode.OK, " [ ] ")]
    public async Task AnEmptyBodyGivesNoElements(HttpStatusCode status, string body)
    {
        _handler.StatusCode = status;
        _handler.ResponseBody = body;

        var count = 0;
        await foreach (var unused in _client.StreamAsync())
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ANullElementIsRefusedUnlessTheElementTypeIsNullable()
    {
        _handler.ResponseBody = """[{"name":"a","size":1},null]""";

        var withGaps = new List<Gizmo?>();
        await foreach (var gizmo in _client.StreamWithGapsAsync())
        {
            withGaps.Add(gizmo);
        }

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var unused in _client.StreamAsync())
            {
            }
        });

        Assert.Equal([new Gizmo("a", 1), null], withGaps);
        Assert.StartsWith("GET https://gizmos.example/api/gizmos answered 200 (OK), but element 1", exception.Message);
        Assert.Contains("IAsyncEnumerable<Gizmo?>", exception.Message);
    }

    [Fact]
    public async Task ABodyThatIsNotAnArrayFailsAsJson()
    {
        _handler.ResponseBody = """{"name":"a","size":1}""";

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(async () =>
        {
            await foreach (var unused in _client.StreamAsync())
            {
            }
        });
    }

    /// <summary>Reads names, cancelling after the first, until the enumeration stops with a cancellation.</summary>
    private static async Task<List<string>> ReadUntilCancelledAsync(
        System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable<Gizmo> gizmos,
        CancellationTokenSource cancellation)
    {
        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var gizmo in gizmos)
            {
                seen.Add(gizmo.Name);
                cancellation.Cancel();
            }
        });
        return seen;
    }

    /// <summary>A body served one chunk per read, which notes how many chunks were read and when it is disposed.</summary>
    private sealed class ChunkedContent(params string[] chunks) : HttpContent
    {
        private readonly ChunkedStream _stream = new(chunks.Select(Encoding.UTF8.GetBytes).ToArray());

        public int ChunksRead => _stream.ChunksRead;

        public bool IsDisposed { get; private set; }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => throw new NotSupportedException("The body is only read as a stream.");

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class ChunkedStream(byte[][] chunks) : Stream
    {
        public int ChunksRead { get; private set; }

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
            if (ChunksRead == chunks.Length)
            {
                return 0;
            }

            // Every chunk here is far smaller than the serializer's buffer.
            var chunk = chunks[ChunksRead++];
            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
