using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

[Auth0Api(Audience = "https://hostile.example/api", BaseUrl = "https://hostile.example/v1/")]
public interface IHostileValuesApi
{
    [Get("/items/{id}/detail")]
    Task<string> GetItemAsync(string id, string? q = null, [Header("X-Note")] string? note = null);

    [Get("/files/{**path}")]
    Task<string> GetFileAsync(string path);

    [Get("/search")]
    Task<string> SearchAsync(string q, [Header("X-Note")] string note);

    [Get("/profile")]
    Task<string> GetProfileAsync([HeaderCollection] IDictionary<string, string> headers);

    [Post("/notes")]
    Task PostNoteAsync([Body] string text);

    [Post("/blobs/{name}")]
    Task PostBlobAsync(string name, [Body] byte[] data);
}

/// <summary>The local tenant's public endpoint, for values that must cross a real socket.</summary>
[Auth0Api]
public interface IHostileTenantApi
{
    [Get("/api/public"), AllowAnonymous]
    Task<QuickstartMessage> GetPublicAsync([Header("X-Note")] string note);
}

/// <summary>
/// Hostile values passed at run time to a generated client: line breaks in header values, path tricks, query and
/// fragment characters in route values, unicode, empty and very long strings, null where the declaration says
/// non-null, and a 10 MB body. Each is either escaped so that the request means exactly what was declared, or
/// refused with a clear exception before anything is sent; no request ever leaves the base address.
/// </summary>
public class HostileValueTests : IClassFixture<TenantFixture>
{
    private const string BaseAddress = "https://hostile.example/v1/";

    private readonly CapturingHandler _handler = new();
    private readonly IHostileValuesApi _client;

    private readonly TenantFixture _fixture;

    public HostileValueTests(TenantFixture fixture)
    {
        _fixture = fixture;
        _client = new HostileValuesApiClient(new HttpClient(_handler), new StaticCredentialsProvider("token"));
    }

    [Theory]
    [InlineData("../admin", "items/..%2Fadmin/detail")]
    [InlineData("..%2Fadmin", "items/..%252Fadmin/detail")]
    [InlineData("a/b", "items/a%2Fb/detail")]
    [InlineData("%2F", "items/%252F/detail")]
    [InlineData("why?admin=1", "items/why%3Fadmin%3D1/detail")]
    [InlineData("#fragment", "items/%23fragment/detail")]
    [InlineData("...", "items/.../detail")]
    [InlineData("%2e%2e", "items/%252e%252e/detail")]
    [InlineData("\\..\\admin", "items/%5C..%5Cadmin/detail")]
    [InlineData("Zoë 日本 😀", "items/Zo%C3%AB%20%E6%97%A5%E6%9C%AC%20%F0%9F%98%80/detail")]
    [InlineData("//other.example/x", "items/%2F%2Fother.example%2Fx/detail")]
    [InlineData("https://other.example/", "items/https%3A%2F%2Fother.example%2F/detail")]
    public async Task A_route_value_is_escaped_into_one_segment(string id, string expectedPath)
    {
        await _client.GetItemAsync(id);

        AssertSentTo(BaseAddress + expectedPath);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_route_value_that_would_address_another_resource_is_refused(string id)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetItemAsync(id));

        Assert.Contains("id", exception.Message);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData("a/../../admin")]
    [InlineData("./a")]
    [InlineData("a/..")]
    public async Task A_catch_all_value_with_dot_segments_is_refused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.GetFileAsync(path));

        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData("a?b#c", "files/a%3Fb%23c")]
    [InlineData("dir/%2F/x", "files/dir/%252F/x")]
    [InlineData("..%2F..%2Fadmin", "files/..%252F..%252Fadmin")]
    public async Task A_catch_all_value_keeps_its_slashes_and_escapes_the_rest(string path, string expectedPath)
    {
        await _client.GetFileAsync(path);

        AssertSentTo(BaseAddress + expectedPath);
    }

    [Theory]
    [InlineData("a&admin=1#x", "items/1/detail?q=a%26admin%3D1%23x")]
    [InlineData("", "items/1/detail?q=")]
    [InlineData("\r\n", "items/1/detail?q=%0D%0A")]
    [InlineData("Zoë", "items/1/detail?q=Zo%C3%AB")]
    public async Task A_query_value_is_escaped_into_its_value(string q, string expectedPath)
    {
        await _client.GetItemAsync("1", q);

        AssertSentTo(BaseAddress + expectedPath);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    public async Task A_line_break_or_NUL_in_a_header_value_is_refused_before_sending(string note)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetItemAsync("1", note: note));

        Assert.Contains("X-Note", exception.Message);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData("X-Ok", "a\r\nX-Injected: 1")]
    [InlineData("X-Injected: 1\r\nX-Ok", "a")]
    [InlineData("Bad Name", "a")]
    public async Task A_line_break_in_a_header_collection_is_refused_before_sending(string name, string value)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _client.GetProfileAsync(new Dictionary<string, string> { [name] = value }));

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Unicode_in_a_header_value_is_sent_as_given()
    {
        await _client.GetItemAsync("1", note: "Zoë");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("Zoë", request.Headers["X-Note"]);
    }

    [Fact]
    public async Task Unicode_in_a_header_value_crosses_a_real_socket_or_is_refused_clearly()
    {
        using var httpClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = _fixture.Tenant.BaseAddress,
        };
        IHostileTenantApi tenant = new HostileTenantApiClient(httpClient, new StaticCredentialsProvider("unused"));

        // SocketsHttpHandler writes header values as ASCII unless told otherwise (RequestHeaderEncodingSelector), so
        // the value never reaches the wire mangled: the send fails before a byte of the request is written.
        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => tenant.GetPublicAsync("Zoë"));

        Assert.Contains("only ASCII characters", exception.Message);
        var answer = await tenant.GetPublicAsync("plain");
        Assert.False(string.IsNullOrEmpty(answer.Message));
    }

    [Fact]
    public async Task Null_for_a_non_nullable_route_value_is_refused_with_its_name()
    {
        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetItemAsync(null!));

        Assert.Equal("id", exception.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Null_for_a_non_nullable_catch_all_is_refused_with_its_name()
    {
        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetFileAsync(null!));

        Assert.Equal("path", exception.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Null_for_a_non_nullable_body_is_refused_with_its_name()
    {
        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => _client.PostNoteAsync(null!));

        Assert.Equal("text", exception.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Null_for_a_non_nullable_query_or_header_value_leaves_it_out_as_documented()
    {
        // docs/declaring-apis.md: null query and header values are left out, whatever the annotation says, as
        // Refit does; the request still goes to the declared path and carries nothing in their place.
        await _client.SearchAsync(null!, null!);

        AssertSentTo(BaseAddress + "search");
        Assert.False(_handler.Requests[0].Headers.ContainsKey("X-Note"));
    }

    [Fact]
    public async Task Null_for_a_non_nullable_header_collection_adds_no_header()
    {
        await _client.GetProfileAsync(null!);

        AssertSentTo(BaseAddress + "profile");
        Assert.Equal(["Authorization"], _handler.Requests[0].Headers.Keys);
    }

    [Fact]
    public async Task A_very_long_route_value_is_escaped_whole_or_refused()
    {
        var id = new string('é', 100_000);

        var exception = await Record.ExceptionAsync(() => _client.GetItemAsync(id));

        Assert.Null(exception);
        AssertSentTo(BaseAddress + "items/" + string.Concat(System.Linq.Enumerable.Repeat("%C3%A9", 100_000)) + "/detail");
    }

    [Fact]
    public async Task A_ten_megabyte_body_is_sent_whole()
    {
        var text = new string('x', 10 * 1024 * 1024);

        await _client.PostNoteAsync(text);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(BaseAddress + "notes", request.Uri);
        Assert.Equal(text.Length, request.Body!.Length);
    }

    private void AssertSentTo(string expectedUri)
    {
        var request = Assert.Single(_handler.Requests);
        Assert.Equal(expectedUri, request.Uri);
        var sent = new Uri(request.Uri);
        Assert.Equal("hostile.example", sent.Host);
        Assert.StartsWith("/v1/", sent.AbsolutePath, StringComparison.Ordinal);
    }
}
