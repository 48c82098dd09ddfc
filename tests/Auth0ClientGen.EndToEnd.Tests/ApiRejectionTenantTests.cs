using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>A Management API upload whose body is a stream, which can be sent only once.</summary>
[Auth0Api]
public interface IUserUploadApi
{
    [Post("/api/v2/users")]
    Task<TenantUser> CreateFromStreamAsync([Body] Stream user);
}

/// <summary>
/// What a generated client does when the tenant's APIs reject its token: renew and retry once for a revoked token,
/// and never for a missing scope or a body that cannot be sent again.
/// </summary>
public sealed class ApiRejectionTenantTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string UnscopedClientId = "unscoped-m2m-client";
    private const string UnscopedClientSecret = "unscoped-m2m-secret";

    private LocalAuth0Tenant Tenant => fixture.Tenant;

    [Fact]
    public async Task A_revoked_token_is_renewed_and_the_call_sent_once_more()
    {
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        await quickstart.GetPrivateAsync();
        Tenant.InvalidateIssuedTokens();
        var apiRequestsBefore = Tenant.ApiRequestCount;
        var tokenRequestsBefore = Tenant.GetTokenRequestCount("client_credentials");

        var message = await quickstart.GetPrivateAsync();

        Assert.False(string.IsNullOrEmpty(message.Message));
        Assert.Equal(2, Tenant.ApiRequestCount - apiRequestsBefore);
        Assert.Equal(1, Tenant.GetTokenRequestCount("client_credentials") - tokenRequestsBefore);

        // The renewed token is cached: the next call costs one API request and no token request.
        await quickstart.GetPrivateAsync();
        Assert.Equal(3, Tenant.ApiRequestCount - apiRequestsBefore);
        Assert.Equal(1, Tenant.GetTokenRequestCount("client_credentials") - tokenRequestsBefore);
    }

    [Fact]
    public async Task A_stream_body_is_not_sent_again_and_the_rejection_surfaces()
    {
        var provider = fixture.CreateProvider();
        var users = Auth0ApiClient.Create<IUserUploadApi>(fixture.CreateApiHttpClient(), provider);
        await provider.GetAccessTokenAsync(new AccessTokenRequest(Tenant.ManagementApiAudience));
        Tenant.InvalidateIssuedTokens();
        var apiRequestsBefore = Tenant.ApiRequestCount;
        var tokenRequestsBefore = Tenant.GetTokenRequestCount("client_credentials");
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"connection\":\"Username-Password-Authentication\",\"email\":\"stream@example.com\"}"));

        var exception = await Assert.ThrowsAsync<ApiException>(() => users.CreateFromStreamAsync(body));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("invalid_token", exception.AuthenticateError);
        Assert.Equal(1, Tenant.ApiRequestCount - apiRequestsBefore);
        Assert.Equal(0, Tenant.GetTokenRequestCount("client_credentials") - tokenRequestsBefore);
    }

    [Fact]
    public async Task A_token_without_the_required_scope_gets_403_with_the_scope_and_no_renewal()
    {
        Tenant.AddClient(UnscopedClientId, UnscopedClientSecret);
        Tenant.Grant(UnscopedClientId, LocalAuth0Tenant.QuickstartAudience);
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(
            fixture.CreateApiHttpClient(), fixture.CreateProvider(UnscopedClientId, UnscopedClientSecret));
        var apiRequestsBefore = Tenant.ApiRequestCount;
        var tokenRequestsBefore = Tenant.GetTokenRequestCount("client_credentials");

        var exception = await Assert.ThrowsAsync<ApiException>(quickstart.GetPrivateScopedAsync);

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("insufficient_scope", exception.AuthenticateError);
        Assert.Equal("read:messages", exception.RequiredScope);
        Assert.Contains("read:messages", exception.Message);
        Assert.Equal(1, Tenant.ApiRequestCount - apiRequestsBefore);
        Assert.Equal(1, Tenant.GetTokenRequestCount("client_credentials") - tokenRequestsBefore);
    }
}
