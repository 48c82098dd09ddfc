using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Each fault the local tenant's token endpoint can inject, met by a real provider: the exception a caller gets,
/// how many token requests it cost (retries are bounded and their delays run on a fake clock), and that neither the
/// exception nor the logs hold the client secret.
/// </summary>
public sealed class TokenEndpointFaultTests : IClassFixture<TenantFixture>
{
    private const string Audience = LocalAuth0Tenant.QuickstartAudience;

    private readonly TenantFixture _fixture;

    public TokenEndpointFaultTests(TenantFixture fixture)
    {
        _fixture = fixture;
        fixture.Tenant.ClearTokenEndpointFaults();
    }

    private LocalAuth0Tenant Tenant => _fixture.Tenant;

    [Fact]
    public async Task A_timeout_is_retried_then_reported_as_a_timeout()
    {
        // The delay and the client timeout run on the real clock, as sockets do; nothing here measures them.
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Delay(TimeSpan.FromSeconds(5)), times: 2);
        var run = Start(retries: 1, timeout: TimeSpan.FromSeconds(1));

        var exception = await FailAsync<TokenRequestException>(run, attempts: 2);

        Assert.Null(exception.StatusCode);
        Assert.Contains("did not answer before the HTTP client's timeout", exception.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_unreachable()
    {
        var run = Start(retries: 2, domain: $"http://127.0.0.1:{ClosedPort()}");

        var exception = await FailAsync<TokenRequestException>(run, attempts: 3, reachesTenant: false);

        Assert.Null(exception.StatusCode);
        Assert.Contains("could not be reached", exception.Message);
    }

    [Theory]
    [InlineData(500, "server_error")]
    [InlineData(503, "temporarily_unavailable")]
    public async Task A_server_error_is_retried_as_often_as_configured(int status, string error)
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Status(status), times: 3);
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRequestException>(run, attempts: 3);

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(error, exception.Error);
        Assert.Contains("The tenant or a proxy in front of it failed", exception.Message);
    }

    [Fact]
    public async Task A_transient_failure_followed_by_recovery_gives_a_token_the_api_accepts()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Status(503));
        var run = Start(retries: 2);
        var before = Tenant.GetTokenRequestCount("client_credentials");
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(_fixture.CreateApiHttpClient(), run.Provider);

        var message = await run.Time.RunOnClock(quickstart.GetPrivateAsync());

        Assert.False(string.IsNullOrEmpty(message.Message));
        Assert.Equal(2, Tenant.GetTokenRequestCount("client_credentials") - before);
        Assert.Single(run.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1008);
    }

    [Fact]
    public async Task A_rate_limit_with_retry_after_is_waited_out_then_reported_with_its_headers()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2);
        Tenant.InjectTokenEndpointFault(
            TokenEndpointFault.RateLimited(TimeSpan.FromSeconds(2), limit: 100, remaining: 0, reset), times: 2);
        var run = Start(retries: 1);

        var exception = await FailAsync<TokenRateLimitException>(run, attempts: 2);

        Assert.Equal(TimeSpan.FromSeconds(2), exception.RetryAfter);
        Assert.Equal(100, exception.Limit);
        Assert.Equal(0, exception.Remaining);
        Assert.Equal("too_many_requests", exception.Error);
        Assert.Contains("Auth0 asks to retry after 2 s", exception.Message);
    }

    [Fact]
    public async Task A_rate_limit_asking_for_longer_than_the_longest_retry_delay_is_reported_at_once()
    {
        Tenant.InjectTokenEndpointFault(
            TokenEndpointFault.RateLimited(TimeSpan.FromSeconds(30), limit: 100, remaining: 0, DateTimeOffset.UtcNow));
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRateLimitException>(run, attempts: 1);

        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Contains("rate-limiting token requests", exception.Message);
    }

    [Fact]
    public async Task A_rate_limit_without_retry_after_is_retried_with_backoff()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Status(429), times: 3);
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRateLimitException>(run, attempts: 3);

        Assert.Null(exception.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Contains("rate-limiting token requests", exception.Message);
    }

    [Fact]
    public async Task An_html_error_page_from_a_proxy_is_retried_and_reported_as_not_json()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Html(502), times: 2);
        var run = Start(retries: 1);

        var exception = await FailAsync<TokenRequestException>(run, attempts: 2);

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Contains("a body that is not JSON (text/html)", exception.Message);
    }

    [Theory]
    [InlineData("Html(200)", "a body that is not JSON (text/html)")]
    [InlineData("TruncatedJson", "with a body that is not JSON (application/json")]
    [InlineData("MissingAccessToken", "without an access_token")]
    public async Task A_malformed_success_is_not_retried(string faultName, string expectedMessage)
    {
        var fault = faultName switch
        {
            "Html(200)" => TokenEndpointFault.Html(200),
            "TruncatedJson" => TokenEndpointFault.TruncatedJson(),
            _ => TokenEndpointFault.MissingAccessToken(),
        };
        Assert.Equal(faultName, fault.ToString());
        Tenant.InjectTokenEndpointFault(fault);
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRequestException>(run, attempts: 1);

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains(expectedMessage, exception.Message);
    }

    [Fact]
    public async Task A_token_of_another_type_than_bearer_is_refused()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.TokenType("DPoP"));
        var run = Start(retries: 2);
        var issuedBefore = Tenant.IssuedTokenCount;

        var exception = await FailAsync<TokenRequestException>(run, attempts: 1);

        Assert.Equal(1, Tenant.IssuedTokenCount - issuedBefore);
        Assert.Contains("of type 'DPoP'", exception.Message);
        Assert.Contains("only Bearer tokens", exception.Message);
    }

    [Fact]
    public async Task A_token_without_expires_in_is_used_and_cached_for_the_assumed_lifetime_less_the_margin()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.MissingExpiresIn());
        var run = Start(retries: 0);
        var before = Tenant.GetTokenRequestCount("client_credentials");
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(_fixture.CreateApiHttpClient(), run.Provider);
        var renewAfter = Auth0ClientCredentialsProvider.AssumedLifetime - run.Provider.RenewalMargin;

        var first = await GetTokenAsync(run);
        await quickstart.GetPrivateAsync();
        run.Time.Advance(renewAfter - TimeSpan.FromSeconds(1));
        var cached = await GetTokenAsync(run);
        run.Time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await GetTokenAsync(run);

        Assert.Equal(first, cached);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, Tenant.GetTokenRequestCount("client_credentials") - before);
        Assert.Single(run.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1003);
    }

    [Fact]
    public async Task Invalid_client_is_not_retried_and_an_echoed_secret_is_redacted()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Error(
            401, "invalid_client", $"Client authentication failed for secret {LocalAuth0Tenant.DefaultClientSecret}"));
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRequestException>(run, attempts: 1);

        Assert.Equal("invalid_client", exception.Error);
        Assert.Contains("did not accept the application's credentials", exception.Message);
        Assert.Contains("[redacted]", exception.Message);
    }

    [Fact]
    public async Task An_unknown_audience_is_refused_with_access_denied()
    {
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRequestException>(run, attempts: 1, "https://unknown.example/api");

        Assert.Equal("access_denied", exception.Error);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Contains("Service not found", exception.Message);
        Assert.Contains("Authorize the application for this API", exception.Message);
    }

    [Fact]
    public async Task An_api_the_client_has_no_grant_for_is_refused_with_access_denied()
    {
        Tenant.AddClient("ungranted-client", "ungranted-secret");
        var run = Start(retries: 2, clientId: "ungranted-client", clientSecret: "ungranted-secret");

        var exception = await FailAsync<TokenRequestException>(run, attempts: 1, secret: "ungranted-secret");

        Assert.Equal("access_denied", exception.Error);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Contains("Authorize the application for this API", exception.Message);
    }

    [Fact]
    public async Task Unauthorized_client_is_not_retried_and_names_the_grant_to_allow()
    {
        Tenant.InjectTokenEndpointFault(TokenEndpointFault.Error(
            403, "unauthorized_client", "Grant type 'client_credentials' not allowed for the client."));
        var run = Start(retries: 2);

        var exception = await FailAsync<TokenRequestException>(run, attempts: 1);

        Assert.Equal("unauthorized_client", exception.Error);
        Assert.Contains("Allow the Client Credentials grant", exception.Message);
    }

    private static ValueTask<string> GetTokenAsync(FaultRun run)
        => run.Provider.GetAccessTokenAsync(new AccessTokenRequest(Audience));

    /// <summary>A port that was just bound on loopback and closed again, so connecting to it is refused.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Asks for a token while the fake clock moves retry delays on, and expects <typeparamref name="TException"/>
    /// after exactly <paramref name="attempts"/> token requests, with the secret in neither exception nor logs.
    /// </summary>
    private async Task<TException> FailAsync<TException>(
        FaultRun run,
        int attempts,
        string audience = Audience,
        bool reachesTenant = true,
        string secret = LocalAuth0Tenant.DefaultClientSecret)
        where TException : TokenRequestException
    {
        var before = Tenant.GetTokenRequestCount("client_credentials");

        var exception = await Assert.ThrowsAsync<TException>(
            () => run.Time.RunOnClock(run.Provider.GetAccessTokenAsync(new AccessTokenRequest(audience)).AsTask()));

        var records = run.Logger.Collector.GetSnapshot();
        Assert.Equal(attempts, records.Count(record => record.Id.Id == 1001));
        Assert.Equal(attempts - 1, records.Count(record => record.Id.Id == 1008));
        Assert.Equal(reachesTenant ? attempts : 0, Tenant.GetTokenRequestCount("client_credentials") - before);
        Assert.Equal(0, Tenant.PendingTokenEndpointFaultCount);
        SecretFreeText.AssertNoSecret(exception, records, secret);
        return exception;
    }

    private FaultRun Start(
        int retries,
        string? domain = null,
        TimeSpan? timeout = null,
        string clientId = LocalAuth0Tenant.DefaultClientId,
        string clientSecret = LocalAuth0Tenant.DefaultClientSecret)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new FakeLogger<Auth0ClientCredentialsProvider>();
        var httpClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        if (timeout is { } value)
        {
            httpClient.Timeout = value;
        }

        var provider = TenantFixture.CreateProvider(
            Tenant,
            options =>
            {
                options.Domain = domain ?? Tenant.Domain;
                options.ClientId = clientId;
                options.ClientSecret = clientSecret;
                options.TokenRequestRetries = retries;
            },
            time,
            logger,
            httpClient);
        return new FaultRun(provider, logger, time);
    }

    private sealed record FaultRun(
        Auth0ClientCredentialsProvider Provider,
        FakeLogger<Auth0ClientCredentialsProvider> Logger,
        FakeTimeProvider Time);
}
