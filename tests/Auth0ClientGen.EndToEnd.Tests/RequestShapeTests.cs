using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public enum Sort
{
    Ascending,
    Descending,
}

[Auth0Api(Audience = "https://shapes.example/api", BaseUrl = "https://shapes.example/v1/")]
public interface IShapesApi
{
    [Get("/items/{id}/{day}")]
    Task<string> GetAsync(
        string id,
        DateOnly day,
        decimal? minimum,
        double ratio,
        bool archived,
        DateTimeOffset since,
        Sort sort,
        [AliasAs("page_size")] int? pageSize,
        [Header("X-Request-Id")] string? requestId,
        CancellationToken cancellationToken = default);

    [Post("/items?mode=fast")]
    Task CreateAsync([Body] Dictionary<string, int> item, [Query] string? tag);

    [Put("/notes/{id}")]
    Task PutTextAsync(int id, [Body] string text);

    [Delete("/items/archived")]
    Task DeleteArchivedAsync();
}

/// <summary>
/// The exact request a generated client puts on the wire, captured by a handler instead of a server, so
/// every byte of the address, headers and body can be checked.
/// </summary>
public class RequestShapeTests
{
    private readonly CapturingHandler _handler = new();
    private readonly IShapesApi _client;

    public RequestShapeTests()
        => _client = new ShapesApiClient(new HttpClient(_handler), new StaticCredentialsProvider("test-access-token"));

    [Fact]
    public async Task ValuesAreFormattedInTheInvariantCultureWhateverTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            await _client.GetAsync(
                "auth0|a b/c",
                new DateOnly(2026, 12, 4),
                minimum: 1234.5m,
                ratio: 0.25,
                archived: true,
                since: new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.FromHours(1)),
                Sort.Descending,
                pageSize: null,
                requestId: "req-1");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "https://shapes.example/v1/items/auth0%7Ca%20b%2Fc/2026-12-04"
                + "?minimum=1234.5&ratio=0.25&archived=true&since=2026-12-04T10%3A30%3A00.0000000%2B01%3A00&sort=Descending",
            request.Uri);
        Assert.Equal("Bearer test-access-token", request.Authorization);
        Assert.True(request.Headers.TryGetValue("X-Request-Id", out var requestId), string.Join(";", request.Headers.Keys));
        Assert.Equal("req-1", requestId);
    }

    [Fact]
    public async Task AnHttpClientBaseAddressWinsOverTheDeclaredBaseUrlAndKeepsItsPath()
    {
        IShapesApi client = new ShapesApiClient(
            new HttpClient(_handler) { BaseAddress = new Uri("http://127.0.0.1:9/gateway") },
            new StaticCredentialsProvider("test-access-token"));

        await client.PutTextAsync(7, "plain text, not JSON");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("http://127.0.0.1:9/gateway/notes/7", request.Uri);
        Assert.Equal("plain text, not JSON", request.Body);
        Assert.Equal("text/plain; charset=utf-8", request.ContentType);
    }

    [Fact]
    public async Task AConstantRouteGoesToTheBaseAddressOfEachClientEvenWhenTheyAlternate()
    {
        // The address of a route without values is built once per base address and reused, so clients of one
        // interface over different base addresses must still each get their own.
        IShapesApi ClientAt(string? baseAddress) => new ShapesApiClient(
            new HttpClient(_handler) { BaseAddress = baseAddress is null ? null : new Uri(baseAddress) },
            new StaticCredentialsProvider("test-access-token"));
        var declared = ClientAt(null);
        var gateway = ClientAt("http://127.0.0.1:9/gateway/");
        var other = ClientAt("http://127.0.0.1:10/");

        foreach (var client in new[] { declared, gateway, gateway, other, declared, other })
        {
            await client.DeleteArchivedAsync();
        }

        Assert.Equal(
            [
                "https://shapes.example/v1/items/archived",
                "http://127.0.0.1:9/gateway/items/archived",
                "http://127.0.0.1:9/gateway/items/archived",
                "http://127.0.0.1:10/items/archived",
                "https://shapes.example/v1/items/archived",
                "http://127.0.0.1:10/items/archived",
            ],
            _handler.Requests.Select(request => request.Uri));
    }

    [Fact]
    public async Task AConstantRouteRefusesABaseAddressWithAQueryOnEveryCall()
    {
        await _client.DeleteArchivedAsync();
        IShapesApi client = new ShapesApiClient(
            new HttpClient(_handler) { BaseAddress = new Uri("http://127.0.0.1:9/v1?tenant=private") },
            new StaticCredentialsProvider("test-access-token"));

        await Assert.ThrowsAsync<InvalidOperationException>(client.DeleteArchivedAsync);
        await Assert.ThrowsAsync<InvalidOperationException>(client.DeleteArchivedAsync);

        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task BodiesAreJsonAndQueryValuesFollowATemplateQuery()
    {
        await _client.CreateAsync(new Dictionary<string, int> { ["count"] = 3 }, tag: "a&b=c");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://shapes.example/v1/items?mode=fast&tag=a%26b%3Dc", request.Uri);
        Assert.Equal("{\"count\":3}", request.Body);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("line\nbreak")]
    public async Task LineBreaksInHeaderValuesAreRefusedBeforeSending(string value)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetAsync(
            "id", default, null, 0, false, default, Sort.Ascending, null, requestId: value));

        Assert.Contains("X-Request-Id", exception.Message);
        Assert.DoesNotContain(value, exception.Message);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task TheCallersCancellationTokenReachesTheSend()
    {
        using var cancellation = new CancellationTokenSource();
        _handler.OnSend = cancellation.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetAsync(
            "id", default, null, 0, false, default, Sort.Ascending, null, null, cancellation.Token));
    }

    [Fact]
    public async Task ANonSuccessStatusBecomesApiExceptionWithoutTheTokenOrQuery()
    {
        _handler.StatusCode = HttpStatusCode.Conflict;
        _handler.ResponseBody = "{\"error\":\"conflict\"}";

        var exception = await Assert.ThrowsAsync<ApiException>(() => _client.GetAsync(
            "id", default, null, 0, false, default, Sort.Ascending, pageSize: 5, requestId: null));

        Assert.Equal(HttpStatusCode.Conflict, exception.StatusCode);
        Assert.Equal("{\"error\":\"conflict\"}", exception.Content);
        Assert.Contains("page_size=5", exception.RequestUri.Query);
        Assert.DoesNotContain("page_size", exception.Message);
        Assert.DoesNotContain("test-access-token", exception.ToString());
    }
}
