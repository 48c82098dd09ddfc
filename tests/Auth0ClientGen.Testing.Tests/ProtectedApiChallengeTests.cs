using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

/// <summary>Revoked tokens, scope challenges and the API request counter, each test on a tenant of its own.</summary>
public sealed class ProtectedApiChallengeTests
{
    private const string RevokedDescription =
        "The access token was revoked: it was issued before the tenant stopped accepting it.";

    [Fact]
    public async Task Invalidated_tokens_are_401_invalid_token_while_tokens_issued_after_are_accepted()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var quickstartToken = await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);
        var managementToken = await TenantHttp.GetAccessTokenAsync(http, tenant.ManagementApiAudience);
        using (var before = await TenantHttp.SendAsync(http, HttpMethod.Get, "api/private", quickstartToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        tenant.InvalidateIssuedTokens();
        var freshToken = await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);

        foreach (var path in new[] { "api/private", "api/private-scoped" })
        {
            using var revoked = await TenantHttp.SendAsync(http, HttpMethod.Get, path, quickstartToken);
            await AssertRevokedAsync(revoked);
            using var fresh = await TenantHttp.SendAsync(http, HttpMethod.Get, path, freshToken);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        using var users = await TenantHttp.SendAsync(http, HttpMethod.Get, "api/v2/users", managementToken);
        await AssertRevokedAsync(users);
    }

    [Fact]
    public async Task Tokens_issued_before_the_instant_are_rejected_and_later_ones_are_not()
    {
        var clock = new TenantHttp.ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await LocalAuth0Tenant.StartAsync(
            new LocalAuth0TenantOptions { TimeProvider = clock });
        using var http = TenantHttp.CreateClient(tenant);
        var early = await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);
        clock.Advance(TimeSpan.FromSeconds(10));
        var late = await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);

        tenant.RejectTokensIssuedBefore(clock.GetUtcNow() - TimeSpan.FromSeconds(5));
        tenant.RejectTokensIssuedBefore(DateTimeOffset.UnixEpoch);

        using var earlyResponse = await TenantHttp.SendAsync(http, HttpMethod.Get, "api/private", early);
        using var lateResponse = await TenantHttp.SendAsync(http, HttpMethod.Get, "api/private", late);
        await AssertRevokedAsync(earlyResponse);
        Assert.Equal(HttpStatusCode.OK, lateResponse.StatusCode);
    }

    [Fact]
    public async Task Private_scoped_without_the_scope_is_403_with_an_insufficient_scope_challenge()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var unscoped = await TenantHttp.GetAccessTokenWithoutScopeAsync(http, tenant, LocalAuth0Tenant.QuickstartAudience);

        using var response = await TenantHttp.SendAsync(http, HttpMethod.Get, "api/private-scoped", unscoped);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Bearer error=\"insufficient_scope\", scope=\"read:messages\"",
            response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Management_api_without_the_scope_is_403_with_the_reason_in_the_body_only()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var readOnly = await TenantHttp.GetAccessTokenAsync(http, tenant.ManagementApiAudience, "read:users");

        using var response = await TenantHttp.SendAsync(http, HttpMethod.Delete, "api/v2/users/auth0|x", readOnly);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal("insufficient_scope", body.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Api_request_count_counts_protected_endpoints_whatever_the_answer()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var accessToken = await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);

        using (await http.GetAsync("api/public"))
        using (await http.GetAsync("api/private"))
        using (await TenantHttp.SendAsync(http, HttpMethod.Get, "api/private", accessToken))
        using (await TenantHttp.SendAsync(http, HttpMethod.Get, "api/private-scoped", accessToken))
        using (await TenantHttp.SendAsync(http, HttpMethod.Get, "api/v2/users", accessToken))
        using (await http.GetAsync(".well-known/jwks.json"))
        {
        }

        Assert.Equal(4, tenant.ApiRequestCount);
    }

    private static async Task AssertRevokedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal(
            $"error=\"invalid_token\", error_description=\"{RevokedDescription}\"", challenge.Parameter);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal("Invalid token", body.GetProperty("message").GetString());
    }
}
