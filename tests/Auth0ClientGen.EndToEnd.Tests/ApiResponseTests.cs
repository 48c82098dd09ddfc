using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public sealed record Gizmo(string Name, int Size);

[Auth0Api(BaseUrl = "https://gizmos.example/api")]
public interface IGizmoApi
{
    [Get("/gizmos/{id}")]
    Task<ApiResponse<Gizmo>> GetAsync(int id);

    [Get("/gizmos/count")]
    ValueTask<ApiResponse<int>> CountAsync();

    [Get("/gizmos/{id}/notes")]
    Task<ApiResponse<string>> GetNotesAsync(int id);
}

/// <summary>
/// <c>ApiResponse&lt;T&gt;</c> returns: the answer whatever its status, through a capturing handler.
/// </summary>
public class ApiResponseTests
{
    private const string AccessToken = "test-access-token";

    private readonly CapturingHandler _handler = new();
    private readonly IGizmoApi _client;

    public ApiResponseTests()
        => _client = new GizmoApiClient(new HttpClient(_handler), new StaticCredentialsProvider(AccessToken));

    [Fact]
    public async Task ASuccessCarriesTheContentTheStatusAndTheRequest()
    {
        _handler.ResponseBody = """{"name":"gear","size":3}""";

        using var response = await _client.GetAsync(7);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(new Gizmo("gear", 3), response.Content);
        Assert.Null(response.Error);
        Assert.Equal(HttpMethod.Get, response.Method);
        Assert.Equal(new Uri("https://gizmos.example/api/gizmos/7"), response.RequestUri);
        Assert.Equal("Bearer " + AccessToken, Assert.Single(_handler.Requests).Authorization);
        Assert.Same(response, response.EnsureSuccessStatusCode());
    }

    [Fact]
    public async Task AnErrorStatusIsReturnedInErrorWithoutThrowing()
    {
        _handler.StatusCode = HttpStatusCode.NotFound;
        _handler.ResponseBody = """{"statusCode":404,"message":"The gizmo does not exist.","errorCode":"inexistent_gizmo"}""";

        using var response = await _client.GetAsync(7);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", response.ReasonPhrase);
        Assert.Null(response.Content);
        Assert.Equal(HttpStatusCode.NotFound, response.Error.StatusCode);
        Assert.Equal(HttpMethod.Get, response.Error.Method);
        Assert.Equal(new Uri("https://gizmos.example/api/gizmos/7"), response.Error.RequestUri);
        Assert.Equal(_handler.ResponseBody, response.Error.Content);
        Assert.Contains("\"The gizmo does not exist.\" (inexistent_gizmo)", response.Error.Message);
        Assert.Same(response.Error, Assert.Throws<ApiException>(() => response.EnsureSuccessStatusCode()));
    }

    [Fact]
    public async Task AnErrorBodyIsBoundedAndHasTheAccessTokenRedactedAsWhenThrown()
    {
        _handler.StatusCode = HttpStatusCode.Unauthorized;
        _handler.ResponseBody = $$"""{"error":"invalid_token","error_description":"{{AccessToken}} expired"}""";

        using var response = await _client.GetAsync(7);

        Assert.Equal("""{"error":"invalid_token","error_description":"[redacted] expired"}""", response.Error!.Content);
        Assert.DoesNotContain(AccessToken, response.Error.ToString());

        _handler.ResponseBody = new string('x', ApiException.MaxContentBytes + 10);
        using var large = await _client.GetAsync(7);

        Assert.Equal(ApiException.MaxContentBytes, large.Error!.Content!.Length);
        Assert.True(large.Error.IsContentTruncated);
    }

    [Fact]
    public async Task HeadersAndContentHeadersAreReadableOnSuccessAndOnError()
    {
        _handler.ConfigureResponse = response =>
        {
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"v2\"");
            response.Headers.TryAddWithoutValidation("Retry-After", "30");
        };
        _handler.ResponseContent = () => new StringContent("""{"name":"gear","size":3}""", Encoding.UTF8, "application/json");

        using var success = await _client.GetAsync(1);
        _handler.StatusCode = HttpStatusCode.TooManyRequests;
        using var failure = await _client.GetAsync(1);

        Assert.Equal("\"v2\"", success.Headers.ETag?.Tag);
        Assert.Equal("application/json", success.ContentHeaders.ContentType?.MediaType);
        Assert.Equal("30", Assert.Single(failure.Headers.GetValues("Retry-After")));
        Assert.Equal("application/json", failure.ContentHeaders.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, "")]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.OK, "null")]
    public async Task AnEmptyBodyOrJsonNullGivesDefaultContent(HttpStatusCode status, string body)
    {
        _handler.StatusCode = status;
        _handler.ResponseBody = body;

        using var gizmo = await _client.GetAsync(1);
        using var count = await _client.CountAsync();

        Assert.True(gizmo.IsSuccessStatusCode);
        Assert.Null(gizmo.Content);
        Assert.True(count.IsSuccessStatusCode);
        Assert.Equal(0, count.Content);
    }

    [Fact]
    public async Task ABodyThatIsNotValidJsonOnASuccessThrowsAndReleasesTheResponse()
    {
        var content = new TrackingContent("<html>not json</html>");
        _handler.ResponseContent = () => content;

        await Assert.ThrowsAnyAsync<JsonException>(() => _client.GetAsync(1));

        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task DisposingTheApiResponseReleasesTheResponse()
    {
        var content = new TrackingContent("""{"name":"gear","size":3}""");
        _handler.ResponseContent = () => content;

        var response = await _client.GetAsync(1);
        Assert.False(content.IsDisposed);
        response.Dispose();

        Assert.True(content.IsDisposed);
        Assert.Equal(new Gizmo("gear", 3), response.Content);
    }

    [Fact]
    public async Task AStringContentIsTheTextAsItIs()
    {
        _handler.ResponseBody = "plain words, not JSON";

        using var notes = await _client.GetNotesAsync(1);
        _handler.StatusCode = HttpStatusCode.InternalServerError;
        _handler.ResponseBody = "it broke";
        using var failure = await _client.GetNotesAsync(1);

        Assert.Equal("plain words, not JSON", notes.Content);
        Assert.Null(failure.Content);
        Assert.Equal("it broke", failure.Error?.Content);
    }

    [Fact]
    public async Task ATransportFailureStillThrows()
    {
        _handler.OnSend = () => throw new HttpRequestException("connection refused");

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync(1));

        Assert.Equal("connection refused", exception.Message);
    }

    [Fact]
    public async Task ATokenFailureStillThrowsAndSendsNothing()
    {
        IGizmoApi client = new GizmoApiClient(new HttpClient(_handler), new RefusingCredentialsProvider());

        await Assert.ThrowsAsync<TokenRequestException>(() => client.GetAsync(1));

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public void TheConstructorKeepsTheErrorConsistentWithTheStatus()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://gizmos.example/api/gizmos/1");
        var error = new ApiException(request.Method, request.RequestUri!, HttpStatusCode.NotFound, null, null);

        Assert.Throws<ArgumentException>(() => new ApiResponse<Gizmo>(
            new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request }, null, null));
        Assert.Throws<ArgumentException>(() => new ApiResponse<Gizmo>(
            new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request }, null, error));
        Assert.Throws<ArgumentException>(() => new ApiResponse<Gizmo>(new HttpResponseMessage(), null, null));

        using var fake = new ApiResponse<Gizmo>(
            new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request }, new Gizmo("ignored", 0), error);
        Assert.Null(fake.Content);
        Assert.Same(error, fake.Error);
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

    private sealed class RefusingCredentialsProvider : ICredentialsProvider
    {
        public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
            => throw new TokenRequestException("refused", "access_denied", null, HttpStatusCode.Unauthorized);
    }
}
