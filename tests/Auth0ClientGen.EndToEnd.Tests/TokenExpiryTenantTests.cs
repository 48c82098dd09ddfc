using System;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Token reuse and renewal against a tenant that issues short-lived tokens, with the tenant, its API and the provider
/// all on one fake clock, so expiry is exact and no test waits.
/// </summary>
public sealed class TokenExpiryTenantTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalAuth0Tenant _tenant = null!;

    public async Task InitializeAsync()
        => _tenant = await LocalAuth0Tenant.StartAsync(new LocalAuth0TenantOptions
        {
            TimeProvider = _time,
            TokenLifetime = TimeSpan.FromMinutes(5),
        });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Theory]
    [InlineData(null, 240)]
    [InlineData(10, 290)]
    [InlineData(0, 300)]
    public async Task A_token_is_reused_until_expires_in_less_the_margin_then_renewed(
        int? marginSeconds,
        int renewAtSeconds)
    {
        var (provider, quickstart) = CreateClient(marginSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);

        var first = await CallAndGetTokenAsync(provider, quickstart);
        _time.Advance(TimeSpan.FromSeconds(renewAtSeconds - 1));
        var lastReuse = await CallAndGetTokenAsync(provider, quickstart);
        _time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await CallAndGetTokenAsync(provider, quickstart);

        Assert.Equal(first, lastReuse);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, _tenant.GetTokenRequestCount("client_credentials"));
        Assert.Equal(3, _tenant.ApiRequestCount);
    }

    [Fact]
    public async Task A_token_that_lives_less_than_the_margin_serves_its_call_and_is_not_reused()
    {
        _tenant.TokenLifetime = TimeSpan.FromSeconds(30);
        var (provider, quickstart) = CreateClient(renewalMargin: null);
        var request = new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience);

        var first = await provider.GetAccessTokenAsync(request);
        var second = await provider.GetAccessTokenAsync(request);
        var message = await quickstart.GetPrivateAsync();

        Assert.NotEqual(first, second);
        Assert.False(string.IsNullOrEmpty(message.Message));
        Assert.Equal(3, _tenant.GetTokenRequestCount("client_credentials"));
    }

    /// <summary>Calls the protected API, so the tenant checks the token on the same clock, and returns the token.</summary>
    private static async Task<string> CallAndGetTokenAsync(
        Auth0ClientCredentialsProvider provider,
        IQuickstartApi quickstart)
    {
        await quickstart.GetPrivateAsync();
        return await provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience));
    }

    private (Auth0ClientCredentialsProvider Provider, IQuickstartApi Quickstart) CreateClient(TimeSpan? renewalMargin)
    {
        var provider = TenantFixture.CreateProvider(_tenant, options => options.RenewalMargin = renewalMargin, _time);
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(
            new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = _tenant.BaseAddress },
            provider);
        return (provider, quickstart);
    }
}
