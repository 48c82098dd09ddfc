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

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

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

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Contains("retry after 30 s", exception.Message);
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
}
