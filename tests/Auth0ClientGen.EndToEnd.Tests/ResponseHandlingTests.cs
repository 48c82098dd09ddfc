using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public sealed record Widget(string Name);

[Auth0Api(Audience = "https://widgets.example/api", BaseUrl = "https://widgets.example/v1/")]
public interface IWidgetsApi
{
    [Get("/widgets/{id}")]
    Task<Widget> GetAsync(string id);

    [Get("/widgets/{id}")]
    Task<Widget?> FindAsync(string id);

    [Get("/widgets/count")]
    Task<int> CountAsync();

    [Get("/widgets/count")]
    Task<int?> CountIfKnownAsync();

    [Get("/widgets")]
    Task<string> ListAsync([Header("X-Trace")] string? trace);
}

/// <summary>
/// How generated clients read what comes back: bodies that are absent or null, error bodies, and header values,
/// against a handler that answers with whatever a test sets.
/// </summary>
public class ResponseHandlingTests
{
    private readonly AnsweringHandler _handler = new();
    private readonly IWidgetsApi _client;

    public ResponseHandlingTests()
        => _client = new WidgetsApiClient(new HttpClient(_handler), new StaticCredentialsProvider("test-access-token"));

    [Fact]
    public async Task NoContentIsNullForANullableResultAndAnExplainedFailureOtherwise()
    {
        _handler.Answer = () => new HttpResponseMessage(HttpStatusCode.NoContent);

        Assert.Null(await _client.FindAsync("w1"));
        Assert.Null(await _client.CountIfKnownAsync());
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _client.GetAsync("w1"));

        Assert.StartsWith(
            "GET https://widgets.example/v1/widgets/w1 answered 204 (No Content), but the response had no body",
            exception.Message);
        Assert.Contains("Task<Widget?>", exception.Message);
    }

    [Fact]
    public async Task JsonNullIsNullForANullableResultAndAnExplainedFailureOtherwise()
    {
        _handler.Answer = () => Json(HttpStatusCode.OK, "null");

        Assert.Null(await _client.FindAsync("w1"));
        Assert.Null(await _client.CountIfKnownAsync());
        var forReference = await Assert.ThrowsAsync<InvalidOperationException>(() => _client.GetAsync("w1"));
        var forValue = await Assert.ThrowsAsync<InvalidOperationException>(() => _client.CountAsync());

        Assert.Contains("was JSON null while the method's return type does not allow null", forReference.Message);
        Assert.Contains("was JSON null while the method's return type does not allow null", forValue.Message);
    }

    [Fact]
    public async Task AValueIsReadWhetherOrNotTheResultIsNullable()
    {
        _handler.Answer = () => Json(HttpStatusCode.OK, """{"name":"sprocket"}""");

        Assert.Equal("sprocket", (await _client.GetAsync("w1")).Name);
        Assert.Equal("sprocket", (await _client.FindAsync("w1"))?.Name);
    }

    [Fact]
    public async Task AnErrorBodyIsQuotedInTheMessageWithTheAccessTokenRedacted()
    {
        _handler.Answer = () => Json(
            HttpStatusCode.BadRequest,
            """{"statusCode":400,"error":"Bad Request","message":"Token test-access-token is not allowed here","errorCode":"bad_token"}""");

        var exception = await Assert.ThrowsAsync<ApiException>(() => _client.GetAsync("w1"));

        Assert.Equal(
            "GET https://widgets.example/v1/widgets/w1 answered 400 (Bad Request): \"Token [redacted] is not allowed"
            + " here\" (bad_token).",
            exception.Message);
        Assert.DoesNotContain("test-access-token", exception.ToString());
        Assert.DoesNotContain("test-access-token", exception.Content);
    }

    [Theory]
    [InlineData("nul\0byte")]
    [InlineData("escape\u001B[31m")]
    [InlineData("delete\u007F")]
    public async Task ControlCharactersInHeaderValuesAreRefusedBeforeSending(string value)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _client.ListAsync(value));

        Assert.Contains("X-Trace", exception.Message);
        Assert.DoesNotContain(value, exception.Message);
        Assert.Equal(0, _handler.Count);
    }

    private static HttpResponseMessage Json(HttpStatusCode statusCode, string body)
        => new(statusCode) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class AnsweringHandler : HttpMessageHandler
    {
        private int _count;

        public Func<HttpResponseMessage> Answer { get; set; } = () => new HttpResponseMessage(HttpStatusCode.OK);

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(Answer());
        }
    }
}

/// <summary>The local tenant's Management API errors, as a generated client reports them.</summary>
public class TenantErrorMessageTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task AMissingScopeQuotesTheTenantsMessageAndErrorCode()
    {
        var tenant = fixture.Tenant;
        var clientId = "read-only-" + Guid.NewGuid().ToString("N");
        tenant.AddClient(clientId, "read-only-secret");
        tenant.Grant(clientId, tenant.ManagementApiAudience, "read:users");
        IUsersApi users = new UsersApiClient(
            fixture.CreateApiHttpClient(),
            fixture.CreateProvider(clientId, "read-only-secret"));

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" }));

        Assert.Matches(
            "^POST http://127\\.0\\.0\\.1:\\d+/api/v2/users answered 403 \\(Forbidden\\): \".*create:users.*\""
            + " \\(insufficient_scope\\)\\. The access token lacks",
            exception.Message);
    }
}
