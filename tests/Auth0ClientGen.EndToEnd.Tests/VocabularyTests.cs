using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public sealed record Gadget(string Name, int Size);

[Auth0Api(BaseUrl = "https://files.example/api")]
[Headers("Accept: application/json", "X-Client: files-sdk")]
public interface IVocabularyApi
{
    [Put("/files/{name}.{ext}")]
    [Headers("Content-Type: image/png", "X-Client")]
    ValueTask UploadAsync(string name, string ext, [Body] byte[] bytes);

    [Post("/files/stream")]
    Task<string> UploadStreamAsync([Body] Stream data, [Header("X-Client")] string? client);

    [Get("/files/{name}")]
    Task<Stream> DownloadAsync(string name);

    [Head("/files/{name}")]
    Task<HttpResponseMessage> ExistsAsync(string name);

    [Options("/files")]
    ValueTask<string> OptionsAsync();

    [Get("/widgets/{id}")]
    Task<TWidget?> GetAsync<TWidget>(int id) where TWidget : class;

    [Post("/widgets")]
    Task<TResult> CreateAsync<TBody, TResult>([Body] TBody widget);

    [Get("/widgets/search")]
    Task<TWidget?> FindAsync<TWidget>();
}

/// <summary>The request vocabulary beyond the basics, checked on the wire through a capturing handler.</summary>
public class VocabularyTests
{
    private readonly CapturingHandler _handler = new();
    private readonly IVocabularyApi _client;

    public VocabularyTests()
        => _client = new VocabularyApiClient(new HttpClient(_handler), new StaticCredentialsProvider("token"));

    [Fact]
    public async Task MethodHeadersOverrideAndRemoveInterfaceHeadersAndContentHeadersGoOnTheBody()
    {
        await _client.UploadAsync("photo", "png", [1, 2, 3]);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://files.example/api/files/photo.png", request.Uri);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.False(request.Headers.ContainsKey("X-Client"), "A name without a value removes the interface's header.");
        Assert.Equal("image/png", request.ContentType);
        Assert.Equal("\u0001\u0002\u0003", request.Body);
    }

    [Fact]
    public async Task AParameterHeaderReplacesTheFixedOneAndAStreamBodyIsSentAsIs()
    {
        using var data = new MemoryStream("streamed"u8.ToArray());

        await _client.UploadStreamAsync(data, client: "override");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("override", request.Headers["X-Client"]);
        Assert.Equal("streamed", request.Body);
        Assert.Equal("application/octet-stream", request.ContentType);
    }

    [Fact]
    public async Task ANullParameterHeaderLeavesOutTheFixedOneToo()
    {
        using var data = new MemoryStream([]);

        await _client.UploadStreamAsync(data, client: null);

        Assert.False(Assert.Single(_handler.Requests).Headers.ContainsKey("X-Client"));
    }

    [Fact]
    public async Task AStreamResultIsTheBodyAndDisposingItReleasesTheResponse()
    {
        var content = new TrackingContent("file bytes");
        _handler.ResponseContent = () => content;

        await using (var stream = await _client.DownloadAsync("report.pdf"))
        {
            using var reader = new StreamReader(stream);
            Assert.Equal("file bytes", await reader.ReadToEndAsync());
            Assert.False(content.IsDisposed);
        }

        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task HeadAndOptionsUseTheirVerbs()
    {
        using var head = await _client.ExistsAsync("a");
        var options = await _client.OptionsAsync();

        Assert.Equal([HttpMethod.Head, HttpMethod.Options], _handler.Requests.ConvertAll(r => r.Method));
        Assert.Equal("ok", options.Trim('"'));
    }

    [Fact]
    public async Task GenericMethodsReadAndWriteTheirTypeArguments()
    {
        _handler.ResponseBody = """{"name":"gear","size":3}""";
        var widget = await _client.GetAsync<Gadget>(7);
        var created = await _client.CreateAsync<Gadget, Gadget>(new Gadget("cog", 2));

        Assert.Equal(new Gadget("gear", 3), widget);
        Assert.Equal(new Gadget("gear", 3), created);
        Assert.Equal("""{"name":"cog","size":2}""", _handler.Requests[1].Body);
        Assert.Equal("https://files.example/api/widgets/7", _handler.Requests[0].Uri);
    }

    [Fact]
    public async Task AnUnconstrainedNullableTypeArgumentAcceptsJsonNull()
    {
        _handler.ResponseBody = "null";

        Assert.Null(await _client.FindAsync<Gadget>());
    }

    private sealed class TrackingContent(string text) : StringContent(text)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
