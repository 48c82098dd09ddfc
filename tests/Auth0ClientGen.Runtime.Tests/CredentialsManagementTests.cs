using System;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>The credentials-manager operations of <see cref="Auth0RefreshTokenProvider"/>.</summary>
public sealed class CredentialsManagementTests
{
    private const string Orders = "https://orders.example.com";

    [Fact]
    public async Task HasValidCredentials_is_true_with_a_refresh_token_whatever_the_access_tokens()
    {
        var fixture = new RefreshProviderFixture();

        Assert.True(await fixture.Provider.HasValidCredentialsAsync(TimeSpan.FromDays(365)));
        Assert.Equal(0, fixture.Handler.Count);
    }

    [Fact]
    public async Task HasValidCredentials_without_a_refresh_token_needs_an_access_token_living_more_than_minTtl()
    {
        var fixture = new RefreshProviderFixture(store: new InMemoryCredentialsStore());
        var now = fixture.Time.GetUtcNow();
        Assert.False(await fixture.Provider.HasValidCredentialsAsync());

        await fixture.Store.SaveAsync(new StoredCredentials().WithAccessToken(
            new StoredAccessToken(Orders, null, "at-stored", now + TimeSpan.FromMinutes(10))));

        Assert.True(await fixture.Provider.HasValidCredentialsAsync());
        Assert.True(await fixture.Provider.HasValidCredentialsAsync(TimeSpan.FromMinutes(9)));
        Assert.False(await fixture.Provider.HasValidCredentialsAsync(TimeSpan.FromMinutes(10)));
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(await fixture.Provider.HasValidCredentialsAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => fixture.Provider.HasValidCredentialsAsync(TimeSpan.FromSeconds(-1)).AsTask());
    }

    [Fact]
    public async Task GetCredentials_returns_the_stored_credentials_while_they_outlive_minTtl_and_renews_after()
    {
        var fixture = new RefreshProviderFixture();
        var first = await fixture.Provider.GetCredentialsAsync(audience: Orders, scope: "read:orders");

        fixture.Time.Advance(TimeSpan.FromMinutes(50));
        var stored = await fixture.Provider.GetCredentialsAsync(TimeSpan.FromMinutes(9), "read:orders", Orders);
        var renewed = await fixture.Provider.GetCredentialsAsync(TimeSpan.FromMinutes(10), "read:orders", Orders);

        Assert.Equal($"at-1-{Orders}", first.AccessToken);
        Assert.Equal(Orders, first.Audience);
        Assert.Equal("read:orders", first.Scope);
        Assert.Equal(fixture.Time.GetUtcNow() - TimeSpan.FromMinutes(50) + TimeSpan.FromHours(1), first.ExpiresAt);
        Assert.Equal("rt-1-NEVER-print-me", first.RefreshToken);
        Assert.Equal(first, stored);
        Assert.Equal($"at-2-{Orders}", renewed.AccessToken);
        Assert.Equal("rt-2-NEVER-print-me", renewed.RefreshToken);
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task GetCredentials_with_a_minTtl_longer_than_a_renewed_token_lives_fails_but_stores_the_renewal()
    {
        var fixture = new RefreshProviderFixture();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => fixture.Provider.GetCredentialsAsync(TimeSpan.FromHours(2), audience: Orders));

        Assert.Contains("minTtl", exception.Message);
        var stored = await fixture.StoredAsync();
        Assert.Equal("rt-1-NEVER-print-me", stored.RefreshToken);
        Assert.Equal($"at-1-{Orders}", stored.FindAccessToken(Orders, null)!.AccessToken);
    }

    [Fact]
    public async Task Renew_always_asks_for_new_credentials()
    {
        var fixture = new RefreshProviderFixture();
        var first = await fixture.Provider.GetCredentialsAsync(audience: Orders);

        var renewed = await fixture.Provider.RenewAsync(audience: Orders);

        Assert.NotEqual(first.AccessToken, renewed.AccessToken);
        Assert.Equal(renewed.AccessToken, await fixture.GetAsync(Orders));
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task Clear_removes_everything_so_the_next_call_needs_a_login()
    {
        var fixture = new RefreshProviderFixture();
        await fixture.GetAsync(Orders);

        await fixture.Provider.ClearAsync();

        Assert.Null(await fixture.Store.GetAsync());
        Assert.False(await fixture.Provider.HasValidCredentialsAsync());
        await Assert.ThrowsAsync<CredentialsRequiredException>(() => fixture.GetAsync(Orders).AsTask());
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task Store_keeps_a_login_and_the_provider_hands_out_and_renews_from_it()
    {
        var fixture = new RefreshProviderFixture(store: new InMemoryCredentialsStore());
        var expiresAt = fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(30);

        await fixture.Provider.StoreAsync(new Auth0Credentials
        {
            AccessToken = "at-login",
            ExpiresAt = expiresAt,
            Audience = Orders,
            Scope = "write:orders read:orders",
            RefreshToken = FakeRefreshTokenEndpoint.InitialRefreshToken,
            IdToken = "id-login",
        });

        Assert.Equal("at-login", await fixture.GetAsync(Orders, "read:orders write:orders"));
        var renewed = await fixture.Provider.RenewAsync("read:orders write:orders", Orders);
        Assert.Equal("id-login", renewed.IdToken);
        Assert.Equal("rt-1-NEVER-print-me", renewed.RefreshToken);
        Assert.Equal(1, fixture.Handler.Count);
    }
}
