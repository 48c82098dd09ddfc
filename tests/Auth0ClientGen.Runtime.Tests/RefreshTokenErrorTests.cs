using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class RefreshTokenErrorTests
{
    private const string Orders = "https://orders.example.com";

    [Fact]
    public async Task Without_a_stored_refresh_token_the_call_asks_for_a_login_and_sends_nothing()
    {
        var fixture = new RefreshProviderFixture(store: new InMemoryCredentialsStore());

        var exception = await Assert.ThrowsAsync<CredentialsRequiredException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Contains("log in again", exception.Message);
        Assert.Contains(Orders, exception.Message);
        Assert.Null(exception.StatusCode);
        Assert.Equal(0, fixture.Handler.Count);
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1204);
    }

    [Fact]
    public async Task A_refused_refresh_token_is_removed_from_the_store_and_the_call_asks_for_a_login()
    {
        var fixture = new RefreshProviderFixture(_ => Task.FromResult(TokenResponses.Error(
            HttpStatusCode.Forbidden, "invalid_grant", "Unknown or invalid refresh token.")));
        var expiresAt = fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(10);
        var login = new StoredCredentials { RefreshToken = FakeRefreshTokenEndpoint.InitialRefreshToken, IdToken = "id" }
            .WithAccessToken(new StoredAccessToken("https://billing.example.com", null, "at-billing", expiresAt));
        await fixture.Store.SaveAsync(login);

        var exception = await Assert.ThrowsAsync<CredentialsRequiredException>(() => fixture.GetAsync(Orders).AsTask());
        var again = await Assert.ThrowsAsync<CredentialsRequiredException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Equal("invalid_grant", exception.Error);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Contains("log in again", exception.Message);
        Assert.Null(again.Error);
        Assert.Equal(1, fixture.Handler.Count);
        var stored = await fixture.StoredAsync();
        Assert.Null(stored.RefreshToken);
        Assert.Equal("id", stored.IdToken);
        Assert.Equal("at-billing", await fixture.GetAsync("https://billing.example.com"));
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1205);
    }

    [Fact]
    public async Task A_refused_refresh_token_replaced_by_a_new_login_meanwhile_is_not_removed()
    {
        var fixture = default(RefreshProviderFixture);
        fixture = new RefreshProviderFixture(async _ =>
        {
            // A new login lands while the old refresh token is being refused.
            await fixture!.Store.SaveAsync(new StoredCredentials { RefreshToken = "rt-new-login" });
            return TokenResponses.Error(HttpStatusCode.Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
        });

        await Assert.ThrowsAsync<CredentialsRequiredException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Equal("rt-new-login", (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task An_application_without_the_refresh_token_grant_is_told_to_allow_it()
    {
        var fixture = new RefreshProviderFixture(_ => Task.FromResult(TokenResponses.Error(
            HttpStatusCode.Forbidden, "unauthorized_client", "Grant type 'refresh_token' not allowed for the client.")));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.IsNotType<CredentialsRequiredException>(exception);
        Assert.Equal("unauthorized_client", exception.Error);
        Assert.Contains("Refresh Token grant", exception.Message);
        Assert.Equal(FakeRefreshTokenEndpoint.InitialRefreshToken, (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task An_audience_the_login_did_not_include_is_explained_and_keeps_the_refresh_token()
    {
        var fixture = new RefreshProviderFixture(_ => Task.FromResult(TokenResponses.Error(
            HttpStatusCode.Forbidden, "access_denied", "The refresh token was not issued for the audience.")));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.IsNotType<CredentialsRequiredException>(exception);
        Assert.Contains("log the user in again asking for it", exception.Message);
        Assert.Equal(FakeRefreshTokenEndpoint.InitialRefreshToken, (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task A_rate_limit_carries_retry_after_and_keeps_the_refresh_token()
    {
        var fixture = new RefreshProviderFixture(_ =>
        {
            var response = TokenResponses.Error(HttpStatusCode.TooManyRequests, "too_many_requests", "Slow down.");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return Task.FromResult(response);
        });

        var exception = await Assert.ThrowsAsync<TokenRateLimitException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
        Assert.Equal(FakeRefreshTokenEndpoint.InitialRefreshToken, (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task Failures_are_not_stored_so_the_next_call_asks_again()
    {
        var calls = 0;
        var endpoint = new FakeRefreshTokenEndpoint();
        var fixture = new RefreshProviderFixture(request => ++calls == 1
            ? Task.FromResult(TokenResponses.Html(HttpStatusCode.BadGateway))
            : endpoint.RespondAsync(request));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());
        var token = await fixture.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal($"at-1-{Orders}", token);
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_explained()
    {
        var fixture = new RefreshProviderFixture(_ => throw TokenResponses.Unreachable());

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Null(exception.StatusCode);
        Assert.Contains("could not be reached", exception.Message);
    }

    [Fact]
    public async Task A_followed_redirect_is_refused()
    {
        var fixture = new RefreshProviderFixture(request =>
        {
            var response = TokenResponses.Success("at-from-elsewhere");
            response.RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://evil.example.com/oauth/token");
            return Task.FromResult(response);
        });

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Contains("redirected", exception.Message);
        Assert.Null((await fixture.StoredAsync()).FindAccessToken(Orders, null));
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1208);
        Assert.True(fixture.Logger.Collector.GetSnapshot().All(record => record.Id.Id is >= 1200 and < 1300));
    }
}
