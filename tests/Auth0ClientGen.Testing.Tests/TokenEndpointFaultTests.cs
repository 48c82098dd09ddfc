using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

/// <summary>Each test has a tenant of its own, so a fault left queued by a failing test cannot reach another.</summary>
public sealed class TokenEndpointFaultTests : IAsyncLifetime
{
    private LocalAuth0Tenant _tenant = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _tenant = await LocalAuth0Tenant.StartAsync();
        _http = TenantHttp.CreateClient(_tenant);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _tenant.DisposeAsync();
    }

    [Theory]
    [InlineData(500, "server_error")]
    [InlineData(502, "server_error")]
    [InlineData(503, "temporarily_unavailable")]
    public async Task Status_answers_an_auth0_style_error_once_then_the_endpoint_recovers(int statusCode, string error)
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Status(statusCode));

        using var faulted = await RequestTokenAsync();
        using var recovered = await RequestTokenAsync();

        await TenantHttp.AssertTokenErrorAsync(faulted, (HttpStatusCode)statusCode, error);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(2, _tenant.TokenRequestCount);
        Assert.Equal(2, _tenant.GetTokenRequestCount("client_credentials"));
        Assert.Equal(1, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Faults_apply_in_order_to_as_many_requests_as_asked()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Status(500), times: 2);
        _tenant.InjectTokenEndpointFault(
            TokenEndpointFault.Error(403, "unauthorized_client", "Grant type not allowed for the client."));
        Assert.Equal(3, _tenant.PendingTokenEndpointFaultCount);

        using var first = await RequestTokenAsync();
        using var second = await RequestTokenAsync();
        using var third = await RequestTokenAsync();
        using var fourth = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        await TenantHttp.AssertTokenErrorAsync(
            third, HttpStatusCode.Forbidden, "unauthorized_client", "Grant type not allowed for the client.");
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(0, _tenant.PendingTokenEndpointFaultCount);
    }

    [Fact]
    public async Task Clearing_drops_the_queued_faults()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Abort(), times: 5);

        _tenant.ClearTokenEndpointFaults();
        using var response = await RequestTokenAsync();

        Assert.Equal(0, _tenant.PendingTokenEndpointFaultCount);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Error_answers_in_place_of_the_grant_even_for_a_valid_request()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Error(401, "invalid_client", "Client is disabled."));

        using var response = await RequestTokenAsync();

        await TenantHttp.AssertTokenErrorAsync(
            response, HttpStatusCode.Unauthorized, "invalid_client", "Client is disabled.");
        Assert.Equal(0, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Rate_limited_answers_429_with_retry_after_and_the_x_ratelimit_headers()
    {
        var reset = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);
        _tenant.InjectTokenEndpointFault(
            TokenEndpointFault.RateLimited(TimeSpan.FromSeconds(2.5), limit: 30, remaining: 0, reset));

        using var response = await RequestTokenAsync();

        await TenantHttp.AssertTokenErrorAsync(
            response, HttpStatusCode.TooManyRequests, "too_many_requests", "Global limit has been reached");
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("30", response.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Equal("0", response.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal("1900000000", response.Headers.GetValues("x-ratelimit-reset").Single());
    }

    [Fact]
    public async Task Rate_limited_without_a_wait_sends_no_retry_after()
    {
        _tenant.InjectTokenEndpointFault(
            TokenEndpointFault.RateLimited(null, limit: 10, remaining: 0, DateTimeOffset.UnixEpoch));

        using var response = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("0", response.Headers.GetValues("x-ratelimit-reset").Single());
    }

    [Fact]
    public async Task Html_answers_an_html_error_page()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Html(502));

        using var response = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>502 Bad Gateway</title>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Truncated_and_malformed_json_are_200_json_bodies_that_do_not_parse()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.TruncatedJson());
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.MalformedJson());

        using var truncated = await RequestTokenAsync();
        using var malformed = await RequestTokenAsync();

        foreach (var response in new[] { truncated, malformed })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var content = await response.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(content));
        }

        Assert.StartsWith("{", await truncated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Missing_access_token_is_valid_json_without_the_token()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.MissingAccessToken());

        using var response = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(0, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Missing_expires_in_hands_out_a_real_token_without_expires_in()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.MissingExpiresIn());

        using var response = await RequestTokenAsync();

        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.False(body.TryGetProperty("expires_in", out _));
        Assert.Equal(1, _tenant.IssuedTokenCount);
        var accessToken = body.GetProperty("access_token").GetString();
        using var apiResponse = await TenantHttp.SendAsync(_http, HttpMethod.Get, "api/private", accessToken);
        Assert.Equal(HttpStatusCode.OK, apiResponse.StatusCode);
    }

    [Fact]
    public async Task Token_type_hands_out_a_real_token_under_another_token_type()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.TokenType("mac"));

        using var response = await RequestTokenAsync();

        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal("mac", body.GetProperty("token_type").GetString());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);
        Assert.Equal(1, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Faults_that_keep_the_grant_pass_its_errors_through()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.TokenType("mac"));

        using var response = await _http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm("https://unknown.example/api"));

        await TenantHttp.AssertTokenErrorAsync(response, HttpStatusCode.Forbidden, "access_denied");
    }

    [Fact]
    public async Task Abort_drops_the_connection_without_a_response()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Abort());

        await Assert.ThrowsAsync<HttpRequestException>(() => RequestTokenAsync());
        using var recovered = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(2, _tenant.TokenRequestCount);
        Assert.Equal(1, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Delay_outlasts_a_client_timeout_and_the_next_request_is_answered()
    {
        // The delay is far longer than the client's patience, so the client gives up whatever the machine's speed.
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Delay(TimeSpan.FromMinutes(5)));
        using var impatient = TenantHttp.CreateClient(_tenant);
        impatient.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(LocalAuth0Tenant.QuickstartAudience)));
        using var next = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Stopping_the_tenant_during_a_delay_fails_the_waiting_request_without_an_answer()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Delay(TimeSpan.FromMinutes(10)));
        var waiting = _http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(LocalAuth0Tenant.QuickstartAudience));

        // Wait, a bounded number of times, until the request has taken the fault and sits in the delay.
        for (var poll = 0; poll < 500 && _tenant.PendingTokenEndpointFaultCount > 0; poll++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, _tenant.PendingTokenEndpointFaultCount);

        // Disposing again at the end of the test is harmless.
        await _tenant.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => waiting);
        Assert.Equal(0, _tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Short_delay_then_answers_normally()
    {
        _tenant.InjectTokenEndpointFault(TokenEndpointFault.Delay(TimeSpan.FromMilliseconds(10)));

        using var response = await RequestTokenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _tenant.IssuedTokenCount);
        Assert.Equal(0, _tenant.PendingTokenEndpointFaultCount);
    }

    [Fact]
    public void Factories_and_injection_refuse_nonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenEndpointFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenEndpointFault.Status(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenEndpointFault.Html(600));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => TokenEndpointFault.RateLimited(TimeSpan.FromSeconds(-1), 1, 0, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => TokenEndpointFault.Error(401, "", "description"));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => _tenant.InjectTokenEndpointFault(TokenEndpointFault.Abort(), times: 0));
        Assert.Equal("Status(503)", TokenEndpointFault.Status(503).ToString());
    }

    private Task<HttpResponseMessage> RequestTokenAsync() =>
        _http.PostAsync("oauth/token", TenantHttp.ClientCredentialsForm(LocalAuth0Tenant.QuickstartAudience));
}
