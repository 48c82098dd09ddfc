using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class ApiResponseHelpersTests
{
    private const string Address = "https://api.example.com/users/42?api_key=private";

    [Fact]
    public async Task The_error_in_an_api_response_is_the_exception_send_would_have_thrown()
    {
        var body = new string('x', ApiException.MaxContentBytes - 12) + ProviderFixture.AccessToken + " and more";
        HttpResponseMessage Respond() => new(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
        };

        var thrown = await Assert.ThrowsAsync<ApiException>(() => SendAsync(Respond, acceptErrorStatus: false));
        using var response = await GeneratedClientHelpers.ReadApiResponseAsync<Person>(
            await SendAsync(Respond, acceptErrorStatus: true),
            GeneratedClientHelpers.DefaultJsonOptions,
            default);

        Assert.NotNull(response.Error);
        Assert.Equal(thrown.Message, response.Error.Message);
        Assert.Equal(thrown.Content, response.Error.Content);
        Assert.EndsWith("[redacted]", response.Error.Content);
        Assert.True(response.Error.IsContentTruncated);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new Uri(Address), response.RequestUri);
    }

    [Fact]
    public async Task A_marked_request_gets_its_failed_response_back_unread()
    {
        using var response = await SendAsync(
            () => new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent("taken") },
            acceptErrorStatus: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("taken", await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.RequestMessage);
    }

    [Fact]
    public async Task An_error_status_is_returned_when_send_is_told_to_accept_it_without_marking_the_request()
    {
        using var httpClient = new HttpClient(new RecordingHandler(
            _ => new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent("taken") }));
        using var request = new HttpRequestMessage(HttpMethod.Get, Address);

        using var response = await GeneratedClientHelpers.SendAsync(
            httpClient,
            new StaticCredentialsProvider(ProviderFixture.AccessToken),
            request,
            new AccessTokenRequest(null),
            acceptErrorStatus: true,
            default);
        using var apiResponse = await GeneratedClientHelpers.ReadApiResponseAsync<Person>(
            response, GeneratedClientHelpers.DefaultJsonOptions, default);

        Assert.Equal(HttpStatusCode.Conflict, apiResponse.StatusCode);
        Assert.Equal("taken", apiResponse.Error?.Content);
        Assert.Empty(request.Options);
    }

    [Fact]
    public async Task Json_null_for_a_value_type_is_default_content_rather_than_a_failure()
    {
        using var response = await ReadApiResponseAsync<int>(Json("null"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(0, response.Content);
    }

    [Fact]
    public async Task Malformed_json_on_a_success_throws_and_disposes_the_response()
    {
        var content = new DisposalTrackingContent("{\"name\":");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        await Assert.ThrowsAnyAsync<JsonException>(() => ReadApiResponseAsync<Person>(response));

        Assert.True(content.IsDisposed);
    }

    [Theory]
    [InlineData("{\"name\":\"Ada\"}", true)]
    [InlineData("{\"name\":", false)]
    public async Task A_body_that_arrives_later_is_read_and_a_failure_still_disposes_the_response(
        string body,
        bool valid)
    {
        // A body whose reads wait: the reader cannot finish before it returns, unlike a buffered body.
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new DisposalTrackingStreamContent(new GeneratedBodyStream(bytes, bytes.Length, waitOnEveryRead: true));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        if (valid)
        {
            using var read = await ReadApiResponseAsync<Person>(response);
            Assert.Equal("Ada", read.Content?.Name);
            Assert.False(content.IsDisposed);
        }
        else
        {
            await Assert.ThrowsAnyAsync<JsonException>(() => ReadApiResponseAsync<Person>(response));
            Assert.True(content.IsDisposed);
        }
    }

    [Fact]
    public async Task A_response_without_its_request_fails_and_is_disposed()
    {
        var content = new DisposalTrackingContent("{\"name\":\"Ada\"}");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        await Assert.ThrowsAsync<ArgumentException>(() => GeneratedClientHelpers
            .ReadApiResponseAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, default)
            .AsTask());

        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task An_error_response_without_a_bearer_token_is_quoted_as_it_is()
    {
        var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"message":"No such user"}"""),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, Address),
        };

        using var result = await GeneratedClientHelpers.ReadTextApiResponseAsync(response, default);

        Assert.Null(result.Content);
        Assert.Equal("""{"message":"No such user"}""", result.Error?.Content);
        Assert.StartsWith("GET https://api.example.com/users/42 answered 404 (Not Found): \"No such user\"", result.Error?.Message);
    }

    [Fact]
    public async Task An_array_body_of_unknown_length_with_no_bytes_gives_no_elements()
    {
        var content = new StreamContent(new GeneratedBodyStream([0], 0));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        var elements = new List<Person>();
        await foreach (var person in GeneratedClientHelpers.ReadJsonArrayAsync<Person>(
            response, GeneratedClientHelpers.DefaultJsonOptions, allowNull: false, default))
        {
            elements.Add(person);
        }

        Assert.Empty(elements);
    }

    private static async Task<HttpResponseMessage> SendAsync(Func<HttpResponseMessage> respond, bool acceptErrorStatus)
    {
        var httpClient = new HttpClient(new RecordingHandler(_ => respond()));
        var request = new HttpRequestMessage(HttpMethod.Get, Address);
        return await GeneratedClientHelpers.SendAsync(
            httpClient,
            new StaticCredentialsProvider(ProviderFixture.AccessToken),
            request,
            new AccessTokenRequest(null),
            acceptErrorStatus,
            default);
    }

    private static Task<ApiResponse<T>> ReadApiResponseAsync<T>(HttpResponseMessage response)
    {
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, Address);
        return GeneratedClientHelpers.ReadApiResponseAsync<T>(response, GeneratedClientHelpers.DefaultJsonOptions, default)
            .AsTask();
    }

    private static HttpResponseMessage Json(string body)
        => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public sealed record Person(string Name);

    private sealed class DisposalTrackingStreamContent(Stream body) : StreamContent(body)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class DisposalTrackingContent(string text) : StringContent(text)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
