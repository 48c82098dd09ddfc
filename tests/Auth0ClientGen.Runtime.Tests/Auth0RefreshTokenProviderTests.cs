using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class Auth0RefreshTokenProviderTests
{
    private const string Orders = "https://orders.example.com";
    private const string Billing = "https://billing.example.com";

    [Fact]
    public async Task Posts_the_refresh_token_grant_as_form_fields()
    {
        var fixture = new RefreshProviderFixture();

        var token = await fixture.GetAsync(Orders, "write:orders read:orders");

        Assert.Equal($"at-1-{Orders}", token);
        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://tenant.us.auth0.com/oauth/token"), request.RequestUri);
        Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
        Assert.Null(request.Authorization);
        Assert.Equal(
            new[]
            {
                ("audience", Orders),
                ("client_id", RefreshProviderFixture.ClientId),
                ("client_secret", RefreshProviderFixture.ClientSecret),
                ("grant_type", "refresh_token"),
                ("refresh_token", FakeRefreshTokenEndpoint.InitialRefreshToken),
                ("scope", "read:orders write:orders"),
            },
            request.Form.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => (field.Key, field.Value)));
    }

    [Fact]
    public async Task A_public_application_sends_no_client_secret()
    {
        var fixture = new RefreshProviderFixture(clientSecret: null);

        await fixture.GetAsync(Orders);

        var form = Assert.Single(fixture.Handler.Requests).Form;
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal(RefreshProviderFixture.ClientId, form["client_id"]);
        Assert.False(form.ContainsKey("scope"));
    }

    [Fact]
    public async Task Access_tokens_are_stored_per_audience_and_scope_set_and_reused()
    {
        var fixture = new RefreshProviderFixture();

        var orders = await fixture.GetAsync(Orders, "read:orders write:orders");
        var billing = await fixture.GetAsync(Billing);
        var defaultAudience = await fixture.GetAsync();
        var ordersReordered = await fixture.GetAsync(Orders, "write:orders  read:orders read:orders");
        var ordersUnscoped = await fixture.GetAsync(Orders);
        var billingAgain = await fixture.GetAsync(Billing);

        Assert.Equal(4, fixture.Handler.Count);
        Assert.Equal(orders, ordersReordered);
        Assert.Equal(billing, billingAgain);
        Assert.Equal(4, new[] { orders, billing, defaultAudience, ordersUnscoped }.Distinct().Count());
        Assert.Equal($"at-3-{RefreshProviderFixture.DefaultAudience}", defaultAudience);
        var stored = await fixture.StoredAsync();
        Assert.Equal(4, stored.AccessTokens.Count);
        Assert.Equal("read:orders write:orders", stored.FindAccessToken(Orders, "write:orders read:orders")!.Scope);
    }

    [Fact]
    public async Task A_store_that_answers_asynchronously_serves_stored_tokens_and_renewals()
    {
        var store = new YieldingCredentialsStore(
            new StoredCredentials { RefreshToken = FakeRefreshTokenEndpoint.InitialRefreshToken });
        var fixture = new RefreshProviderFixture(store: store);

        var first = await fixture.GetAsync(Orders);
        var stored = await fixture.GetAsync(Orders);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var renewed = await fixture.GetAsync(Orders);

        Assert.Equal(first, stored);
        Assert.Equal($"at-2-{Orders}", renewed);
        Assert.Equal(2, fixture.Handler.Count);
        Assert.True(store.Reads >= 3);
    }

    [Fact]
    public async Task A_rotated_refresh_token_replaces_the_stored_one_and_is_sent_next()
    {
        var fixture = new RefreshProviderFixture();

        await fixture.GetAsync(Orders);
        Assert.Equal("rt-1-NEVER-print-me", (await fixture.StoredAsync()).RefreshToken);
        await fixture.GetAsync(Billing);

        Assert.Equal("rt-1-NEVER-print-me", fixture.Handler.Requests[1].Form["refresh_token"]);
        Assert.Equal("rt-2-NEVER-print-me", (await fixture.StoredAsync()).RefreshToken);
        Assert.Equal(0, fixture.Endpoint.ReuseCount);
    }

    [Fact]
    public async Task The_rotated_refresh_token_is_saved_before_the_access_token_is_returned()
    {
        var store = new GatedCredentialsStore(
            new StoredCredentials { RefreshToken = FakeRefreshTokenEndpoint.InitialRefreshToken });
        var fixture = new RefreshProviderFixture(store: store);

        var pending = fixture.GetAsync(Orders).AsTask();
        await store.SaveStarted;

        Assert.False(pending.IsCompleted);
        store.ReleaseSaves();
        var token = await pending;
        Assert.Equal($"at-1-{Orders}", token);
        Assert.Equal("rt-1-NEVER-print-me", (await store.GetAsync())!.RefreshToken);
    }

    [Fact]
    public async Task Without_rotation_the_stored_refresh_token_is_kept()
    {
        var fixture = new RefreshProviderFixture();
        fixture.Endpoint.Rotate = false;

        await fixture.GetAsync(Orders);
        await fixture.GetAsync(Billing);

        Assert.Equal(2, fixture.Handler.Count);
        Assert.All(
            fixture.Handler.Requests,
            request => Assert.Equal(FakeRefreshTokenEndpoint.InitialRefreshToken, request.Form["refresh_token"]));
        Assert.Equal(FakeRefreshTokenEndpoint.InitialRefreshToken, (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task An_access_token_is_renewed_once_it_is_within_the_default_margin_of_expiry()
    {
        var fixture = new RefreshProviderFixture();
        var first = await fixture.GetAsync(Orders);

        fixture.Time.Advance(TimeSpan.FromSeconds(3600 - 61));
        var stillCached = await fixture.GetAsync(Orders);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await fixture.GetAsync(Orders);

        Assert.Equal(Auth0RefreshTokenProvider.DefaultRenewalMargin, fixture.Provider.RenewalMargin);
        Assert.Equal(first, stillCached);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Theory]
    [InlineData(300, 300)]
    [InlineData(0, 0)]
    [InlineData(-30, 0)]
    public async Task The_renewal_margin_is_configurable_and_never_negative(int configured, int effective)
    {
        var fixture = new RefreshProviderFixture(renewalMargin: TimeSpan.FromSeconds(configured));
        await fixture.GetAsync(Orders);

        fixture.Time.Advance(TimeSpan.FromSeconds(3600 - effective - 1));
        await fixture.GetAsync(Orders);
        Assert.Equal(1, fixture.Handler.Count);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.GetAsync(Orders);

        Assert.Equal(TimeSpan.FromSeconds(effective), fixture.Provider.RenewalMargin);
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_forced_renewal_skips_the_stored_token_for_that_key_only()
    {
        var fixture = new RefreshProviderFixture();
        var orders = await fixture.GetAsync(Orders);
        var billing = await fixture.GetAsync(Billing);

        var forced = await fixture.GetAsync(Orders, force: true);

        Assert.NotEqual(orders, forced);
        Assert.Equal(forced, await fixture.GetAsync(Orders));
        Assert.Equal(billing, await fixture.GetAsync(Billing));
        Assert.Equal(3, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_response_without_expires_in_is_assumed_to_live_five_minutes()
    {
        var fixture = new RefreshProviderFixture(_ => Task.FromResult(TokenResponses.Success("at-no-expiry", null)));

        await fixture.GetAsync(Orders);

        var stored = (await fixture.StoredAsync()).FindAccessToken(Orders, null)!;
        Assert.Equal(fixture.Time.GetUtcNow() + Auth0RefreshTokenProvider.AssumedLifetime, stored.ExpiresAt);
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1203);
    }

    [Fact]
    public async Task An_already_expired_token_serves_its_caller_and_is_renewed_on_the_next_call()
    {
        var fixture = new RefreshProviderFixture();
        fixture.Endpoint.ExpiresIn = 0;

        var first = await fixture.GetAsync(Orders);
        var second = await fixture.GetAsync(Orders);

        Assert.NotEqual(first, second);
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_request_without_audience_or_default_fails_naming_the_setting()
    {
        var provider = new Auth0RefreshTokenProvider(
            new HttpClient(new RecordingHandler(_ => TokenResponses.Success("unexpected"))),
            new Auth0RefreshTokenOptions { Domain = RefreshProviderFixture.Domain, ClientId = "id" },
            new InMemoryCredentialsStore());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());

        Assert.Contains("Auth0:Audience", exception.Message);
    }

    [Fact]
    public void Options_without_domain_or_client_id_fail_naming_the_settings()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Auth0RefreshTokenProvider(
            new Auth0RefreshTokenOptions { ClientSecret = RefreshProviderFixture.ClientSecret },
            new InMemoryCredentialsStore()));

        Assert.Contains("Auth0:Domain", exception.Message);
        Assert.Contains("Auth0:ClientId", exception.Message);
        Assert.DoesNotContain("Auth0:ClientSecret", exception.Message);
        Assert.DoesNotContain(RefreshProviderFixture.ClientSecret, exception.Message);
    }
}
