using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// <see cref="Auth0RefreshTokenProvider"/> against the local tenant's refresh token grant, which rotates refresh
/// tokens and, like Auth0, revokes the whole family when a spent one is presented again.
/// </summary>
public sealed class RefreshTokenTenantTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string UserId = "auth0|refresh-user";

    [Fact]
    public async Task A_cold_store_raced_by_200_calls_over_2_audiences_all_succeed_without_reuse()
    {
        var tenant = fixture.Tenant;
        var audiences = new[] { LocalAuth0Tenant.QuickstartAudience, tenant.ManagementApiAudience };
        var store = LoggedIn(tenant, LocalAuth0Tenant.DefaultClientId, audiences);
        var provider = CreateProvider(tenant, store);
        var reusesBefore = tenant.RefreshTokenReuseCount;
        var refreshesBefore = tenant.GetTokenRequestCount("refresh_token");

        var calls = Enumerable.Range(0, 200)
            .Select(i => Task.Run(async () =>
            {
                var audience = audiences[i % 2];
                return (Audience: audience, Token: await provider.GetAccessTokenAsync(new AccessTokenRequest(audience)));
            }))
            .ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(0, tenant.RefreshTokenReuseCount - reusesBefore);
        Assert.Equal(2, tenant.GetTokenRequestCount("refresh_token") - refreshesBefore);
        Assert.All(
            results.GroupBy(result => result.Audience),
            group => Assert.Single(group.Select(result => result.Token).Distinct()));
        var stored = (await store.GetAsync())!;
        Assert.False(tenant.IsRefreshTokenFamilyRevoked(stored.RefreshToken!));

        // The tokens are the user's, and the protected API accepts them.
        IQuickstartApi quickstart = new QuickstartApiClient(fixture.CreateApiHttpClient(), provider);
        Assert.Contains("read:messages", await quickstart.GetPrivateScopedAsync());
        Assert.Equal(2, tenant.GetTokenRequestCount("refresh_token") - refreshesBefore);
    }

    [Fact]
    public async Task Expired_tokens_are_renewed_with_the_rotated_refresh_token_and_a_reused_one_asks_for_a_login()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await LocalAuth0Tenant.StartAsync(new LocalAuth0TenantOptions
        {
            TimeProvider = time,
            TokenLifetime = TimeSpan.FromMinutes(10),
        });
        var login = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience], "read:messages");
        var store = new InMemoryCredentialsStore(new StoredCredentials { RefreshToken = login });
        var provider = CreateProvider(tenant, store, time);
        var request = new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience);

        var first = await provider.GetAccessTokenAsync(request);
        time.Advance(TimeSpan.FromMinutes(8));
        var cached = await provider.GetAccessTokenAsync(request);
        time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await provider.GetAccessTokenAsync(request);

        Assert.Equal(first, cached);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, tenant.GetTokenRequestCount("refresh_token"));
        Assert.Equal(0, tenant.RefreshTokenReuseCount);

        // The login's refresh token was spent two rotations ago; presenting it again is reuse, which revokes the
        // family, so the provider's current refresh token dies with it.
        var spentStore = new InMemoryCredentialsStore(new StoredCredentials { RefreshToken = login });
        await Assert.ThrowsAsync<CredentialsRequiredException>(
            () => CreateProvider(tenant, spentStore, time).GetAccessTokenAsync(request).AsTask());
        var exception = await Assert.ThrowsAsync<CredentialsRequiredException>(
            () => provider.RenewAsync(audience: LocalAuth0Tenant.QuickstartAudience));

        Assert.Equal(1, tenant.RefreshTokenReuseCount);
        Assert.Equal("invalid_grant", exception.Error);
        Assert.Null((await store.GetAsync())!.RefreshToken);
        Assert.True(await provider.HasValidCredentialsAsync());
        Assert.False(await provider.HasValidCredentialsAsync(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task A_public_client_without_rotation_keeps_its_refresh_token()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync(new LocalAuth0TenantOptions
        {
            RefreshTokenRotation = false,
        });
        tenant.AddPublicClient("native-app");
        var store = LoggedIn(tenant, "native-app", [LocalAuth0Tenant.QuickstartAudience, tenant.ManagementApiAudience]);
        var login = (await store.GetAsync())!.RefreshToken;
        var provider = CreateProvider(tenant, store, clientSecret: null, clientId: "native-app");

        var quickstart = await provider.GetCredentialsAsync(audience: LocalAuth0Tenant.QuickstartAudience);
        var management = await provider.GetCredentialsAsync(audience: tenant.ManagementApiAudience);

        Assert.NotEqual(quickstart.AccessToken, management.AccessToken);
        Assert.Equal(login, (await store.GetAsync())!.RefreshToken);
        Assert.Equal(login, management.RefreshToken);
        Assert.Equal(2, tenant.GetTokenRequestCount("refresh_token"));
    }

    [Fact]
    public async Task An_audience_the_login_did_not_include_is_refused_and_the_refresh_token_kept()
    {
        var tenant = fixture.Tenant;
        var store = LoggedIn(tenant, LocalAuth0Tenant.DefaultClientId, [LocalAuth0Tenant.QuickstartAudience]);
        var provider = CreateProvider(tenant, store);
        var login = (await store.GetAsync())!.RefreshToken;

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(tenant.ManagementApiAudience)).AsTask());

        Assert.IsNotType<CredentialsRequiredException>(exception);
        Assert.Equal("access_denied", exception.Error);
        Assert.Contains("log the user in again", exception.Message);
        Assert.Equal(login, (await store.GetAsync())!.RefreshToken);
    }

    private static InMemoryCredentialsStore LoggedIn(LocalAuth0Tenant tenant, string clientId, string[] audiences)
        => new(new StoredCredentials
        {
            RefreshToken = tenant.IssueRefreshToken(clientId, UserId, audiences, "read:messages", "read:users"),
        });

    private static Auth0RefreshTokenProvider CreateProvider(
        LocalAuth0Tenant tenant,
        ICredentialsStore store,
        TimeProvider? time = null,
        string? clientSecret = LocalAuth0Tenant.DefaultClientSecret,
        string clientId = LocalAuth0Tenant.DefaultClientId)
        => new(
            // No proxy, so the requests stay on loopback; no redirects, as for any token endpoint client.
            new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }),
            new Auth0RefreshTokenOptions
            {
                Domain = tenant.Domain,
                ClientId = clientId,
                ClientSecret = clientSecret,
            },
            store,
            time);
}
