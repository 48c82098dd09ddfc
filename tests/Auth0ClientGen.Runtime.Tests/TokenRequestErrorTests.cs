using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class TokenRequestErrorTests
{
    public static TheoryData<HttpStatusCode, string, string, string> Auth0Errors => new()
    {
        // Auth0 answers a wrong client secret with 401 access_denied.
        { HttpStatusCode.Unauthorized, "access_denied", "Unauthorized", "Auth0:ClientSecret" },
        {
            HttpStatusCode.Forbidden,
            "access_denied",
            "Service not enabled within domain: https://orders.example.com",
            "Authorize the application for this API in Auth0"
        },
        {
            HttpStatusCode.Forbidden,
            "access_denied",
            "Client has not been granted scopes: bogus:scope",
            "Grant the missing scopes to the application for this API in Auth0"
        },
        { HttpStatusCode.Unauthorized, "invalid_client", "Client authentication failed", "Auth0:ClientSecret" },
        {
            HttpStatusCode.Forbidden,
            "unauthorized_client",
            "Grant type 'client_credentials' not allowed for the client.",
            "Client Credentials grant"
        },
        { HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter: audience", "Auth0:Audience" },
        { HttpStatusCode.TooManyRequests, "too_many_requests", "Global limit has been reached", "rate-limiting" },
    };

    [Theory]
    [MemberData(nameof(Auth0Errors))]
    public async Task An_Auth0_error_carries_its_code_and_description_and_says_what_to_do(
        HttpStatusCode statusCode,
        string error,
        string description,
        string advice)
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Error(statusCode, error, description));

        var exception = await Assert.ThrowsAnyAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(error, exception.Error);
        Assert.Equal(description, exception.ErrorDescription);
        Assert.Equal(statusCode, exception.StatusCode);
        Assert.Contains(advice, exception.Message);
        Assert.Contains(description, exception.Message);
        Assert.Contains(ProviderFixture.DefaultAudience, exception.Message);
        AssertNoSecrets(exception, fixture);
    }

    [Fact]
    public async Task A_rate_limited_answer_passes_on_retry_after()
    {
        var fixture = new ProviderFixture(_ =>
        {
            var response = TokenResponses.Error(HttpStatusCode.TooManyRequests, "too_many_requests", "Slow down");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });

        var exception = await Assert.ThrowsAsync<TokenRateLimitException>(() => fixture.GetAsync().AsTask());

        Assert.Contains("retry after 30 s", exception.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Null(exception.Limit);
    }

    [Fact]
    public async Task A_rate_limited_answer_carries_the_rate_limit_headers()
    {
        var fixture = new ProviderFixture(_ =>
        {
            var response = TokenResponses.Error(HttpStatusCode.TooManyRequests, "too_many_requests", "Slow down");
            response.Headers.Add("x-ratelimit-limit", "30");
            response.Headers.Add("x-ratelimit-remaining", "0");
            response.Headers.Add("x-ratelimit-reset", "1767225600");
            return response;
        });

        var exception = await Assert.ThrowsAsync<TokenRateLimitException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal("too_many_requests", exception.Error);
        Assert.Null(exception.RetryAfter);
        Assert.Equal(30, exception.Limit);
        Assert.Equal(0, exception.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), exception.Reset);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.OK)]
    public async Task An_html_body_is_reported_as_not_json(HttpStatusCode statusCode)
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Html(statusCode));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Null(exception.Error);
        Assert.Equal(statusCode, exception.StatusCode);
        Assert.Contains("not JSON (text/html)", exception.Message);
        Assert.Contains("Auth0:Domain", exception.Message);
        Assert.DoesNotContain("<html>", exception.Message);
        AssertNoSecrets(exception, fixture);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "[1,2]", "array")]
    [InlineData(HttpStatusCode.OK, "null", "null")]
    [InlineData(HttpStatusCode.OK, "\"eyJ\"", "string")]
    [InlineData(HttpStatusCode.OK, "42", "number")]
    [InlineData(HttpStatusCode.InternalServerError, "[]", "array")]
    public async Task Json_that_is_not_an_object_is_a_token_request_failure(
        HttpStatusCode statusCode,
        string body,
        string kind)
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Json(statusCode, body));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(statusCode, exception.StatusCode);
        Assert.Null(exception.Error);
        Assert.Contains($"JSON that is not an object (a JSON {kind})", exception.Message);
        Assert.Contains(ProviderFixture.DefaultAudience, exception.Message);
        var failure = Assert.Single(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1004);
        Assert.Contains(((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message);
        AssertNoSecrets(exception, fixture);
    }

    [Fact]
    public async Task A_redirect_that_is_not_followed_is_explained()
    {
        var fixture = new ProviderFixture(_ => new HttpResponseMessage(HttpStatusCode.MovedPermanently)
        {
            Headers = { Location = new Uri("https://login.example.com/oauth/token?state=private") },
        });

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(HttpStatusCode.MovedPermanently, exception.StatusCode);
        Assert.Contains("redirecting to https://login.example.com/oauth/token,", exception.Message);
        Assert.Contains("never sent on to another address", exception.Message);
        Assert.DoesNotContain("state=private", exception.Message);
        Assert.Single(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1004);
        AssertNoSecrets(exception, fixture);
    }

    [Fact]
    public async Task A_403_access_denied_does_not_blame_the_client_secret()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Error(
            HttpStatusCode.Forbidden,
            "access_denied",
            "Service not enabled within domain: https://orders.example.com"));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Contains("Authorize the application for this API", exception.Message);
        Assert.DoesNotContain("ClientSecret", exception.Message);
    }

    [Fact]
    public async Task A_403_for_scopes_not_granted_points_at_the_grant_and_the_declared_scopes()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Error(
            HttpStatusCode.Forbidden,
            "access_denied",
            "Client has not been granted scopes: read:orders write:orders"));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Contains("read:orders write:orders", exception.Message);
        Assert.Contains("[Scopes]", exception.Message);
        Assert.DoesNotContain("check that the audience", exception.Message);
    }

    [Fact]
    public async Task An_empty_error_body_is_reported_with_its_status()
    {
        var fixture = new ProviderFixture(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Contains("503", exception.Message);
        Assert.Contains("empty body", exception.Message);
    }

    [Fact]
    public async Task A_success_without_an_access_token_is_a_failure()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Json(HttpStatusCode.OK, """{"token_type":"Bearer"}"""));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("without an access_token", exception.Message);
    }

    [Fact]
    public async Task A_transport_failure_is_reported_as_unreachable()
    {
        var fixture = new ProviderFixture(HttpResponseMessage (_) => throw TokenResponses.Unreachable());

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Null(exception.StatusCode);
        Assert.Null(exception.Error);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Contains("could not be reached", exception.Message);
        Assert.Contains("https://tenant.us.auth0.com/oauth/token", exception.Message);
        AssertNoSecrets(exception, fixture);
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1005);
    }

    [Fact]
    public async Task An_unreachable_endpoint_names_the_innermost_cause_in_one_sentence()
    {
        var fixture = new ProviderFixture(HttpResponseMessage (_) => throw new HttpRequestException(
            "An error occurred while sending the request. See the inner exception.",
            new System.IO.IOException("Unable to read data from the transport connection.",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset))));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Contains(
            "could not be reached: " + new System.Net.Sockets.SocketException(
                (int)System.Net.Sockets.SocketError.ConnectionReset).Message.TrimEnd('.') + ". Check Auth0:Domain",
            exception.Message);
        Assert.DoesNotContain("..", exception.Message);
        Assert.DoesNotContain("plain http", exception.Message);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5001", "http://127.0.0.1:5001.")]
    [InlineData("https://localhost:8443", "http://localhost:8443.")]
    public async Task An_unreachable_https_endpoint_on_loopback_suggests_plain_http(string domain, string suggestion)
    {
        var handler = new RecordingHandler(HttpResponseMessage (_) => throw new HttpRequestException(
            "The SSL connection could not be established, see inner exception.",
            new System.Security.Authentication.AuthenticationException(
                "Cannot determine the frame size or a corrupted frame was received.")));
        var provider = new Auth0ClientCredentialsProvider(
            new HttpClient(handler),
            new Auth0ClientCredentialsOptions
            {
                Domain = domain,
                ClientId = ProviderFixture.ClientId,
                ClientSecret = ProviderFixture.ClientSecret,
                Audience = ProviderFixture.DefaultAudience,
            });

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());

        Assert.Contains(
            "could not be reached: Cannot determine the frame size or a corrupted frame was received.",
            exception.Message);
        Assert.Contains(
            "A local tenant usually serves plain http: set Auth0:Domain to " + suggestion,
            exception.Message);
    }

    [Fact]
    public async Task An_endpoint_that_echoes_the_client_secret_does_not_put_it_in_the_exception()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Error(
            HttpStatusCode.Unauthorized,
            "access_denied",
            $"Wrong secret '{ProviderFixture.ClientSecret}' for this client"));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Contains("[redacted]", exception.Message);
        Assert.Equal("Wrong secret '[redacted]' for this client", exception.ErrorDescription);
        AssertNoSecrets(exception, fixture);
    }

    [Fact]
    public async Task A_timeout_is_reported_as_a_token_request_failure()
    {
        var fixture = new ProviderFixture(HttpResponseMessage (_) => throw new TaskCanceledException(
            "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
            new TimeoutException()));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Null(exception.StatusCode);
        Assert.IsType<TaskCanceledException>(exception.InnerException);
        Assert.Contains("timeout", exception.Message);
    }

    [Fact]
    public async Task A_successful_request_logs_fixed_events_without_secrets()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        await fixture.GetAsync();

        var records = fixture.Logger.Collector.GetSnapshot();
        Assert.Equal(new[] { 1001, 1002 }, records.Select(record => record.Id.Id));
        Assert.All(records, record => Assert.Equal(LogLevel.Debug, record.Level));
        Assert.Contains(ProviderFixture.DefaultAudience, records[0].Message);
        AssertNoSecrets(null, fixture);
    }

    [Fact]
    public async Task A_refused_request_logs_its_status_and_error_without_secrets()
    {
        var fixture = new ProviderFixture(_ =>
            TokenResponses.Error(HttpStatusCode.Forbidden, "access_denied", "Service not enabled within domain"));

        await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        var failure = Assert.Single(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1004);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains("403", failure.Message);
        Assert.Contains("access_denied", failure.Message);
        AssertNoSecrets(null, fixture);
    }

    private static void AssertNoSecrets(Exception? exception, ProviderFixture fixture)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            Assert.DoesNotContain(ProviderFixture.ClientSecret, current.ToString());
            Assert.DoesNotContain(ProviderFixture.AccessToken, current.ToString());
        }

        foreach (var record in fixture.Logger.Collector.GetSnapshot())
        {
            var text = string.Join(
                " ",
                record.Message,
                record.Exception?.ToString(),
                string.Join(" ", record.StructuredState?.Select(pair => pair.Value) ?? []));
            Assert.DoesNotContain(ProviderFixture.ClientSecret, text);
            Assert.DoesNotContain(ProviderFixture.AccessToken, text);
        }
    }

    [Theory]
    [InlineData("bearer", true)]
    [InlineData("Bearer", true)]
    [InlineData(null, true)]
    [InlineData("DPoP", false)]
    [InlineData("mac", false)]
    public async Task Only_bearer_tokens_are_used(string? tokenType, bool usable)
    {
        var body = tokenType is null
            ? "{\"access_token\":\"at-NEVER-print-me\",\"expires_in\":3600}"
            : $"{{\"access_token\":\"at-NEVER-print-me\",\"token_type\":\"{tokenType}\",\"expires_in\":3600}}";
        var fixture = new ProviderFixture(_ => TokenResponses.Json(HttpStatusCode.OK, body));

        if (usable)
        {
            Assert.Equal("at-NEVER-print-me", await fixture.GetAsync());
            return;
        }

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());
        Assert.Contains($"of type '{tokenType}'", exception.Message);
        Assert.Contains("only Bearer tokens", exception.Message);
        Assert.DoesNotContain("at-NEVER-print-me", exception.ToString());
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
    }
}
