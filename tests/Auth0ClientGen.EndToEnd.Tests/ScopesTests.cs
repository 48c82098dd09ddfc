using System;
using System.Net;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

[Auth0Api]
[Scopes("read:users")]
public interface IScopedUsersApi
{
    [Get("/api/v2/users")]
    Task<string> ListAsync();

    [Post("/api/v2/users")]
    Task<TenantUser> CreateWithInterfaceScopesAsync([Body] NewTenantUser user);

    [Post("/api/v2/users")]
    [Scopes("create:users")]
    Task<TenantUser> CreateAsync([Body] NewTenantUser user);

    [Delete("/api/v2/users/{id}")]
    [Scopes("delete:users")]
    Task DeleteAsync(string id);
}

[Auth0Api]
public interface IUngrantedScopeApi
{
    [Get("/api/v2/users")]
    [Scopes("read:users", "bogus:scope")]
    Task<string> ListAsync();
}

/// <summary>
/// [Scopes] against the local tenant: each call's token is requested with the scopes the call declares, the
/// tenant narrows the token to them, and the JwtBearer-protected API enforces them.
/// </summary>
public class ScopesTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task EachCallGetsATokenWithTheScopesItDeclares()
    {
        IScopedUsersApi users = new ScopedUsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        var created = await users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" });
        await users.DeleteAsync(created.UserId);

        // The interface's read:users alone does not allow creating, although the client is granted it.
        var refused = await Assert.ThrowsAsync<ApiException>(
            () => users.CreateWithInterfaceScopesAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AScopeTheApplicationWasNotGrantedIsRefusedWithAdviceInsteadOfDropped()
    {
        IUngrantedScopeApi api = new UngrantedScopeApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => api.ListAsync());

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("access_denied", exception.Error);
        Assert.Equal("Client has not been granted scopes: bogus:scope", exception.ErrorDescription);
        // docs/troubleshooting.md quotes this message.
        Assert.Equal(
            $"Auth0 refused the access token request for audience '{fixture.Tenant.ManagementApiAudience}' (403"
            + " Forbidden, access_denied: Client has not been granted scopes: bogus:scope). Grant the missing scopes"
            + " to the application for this API in Auth0 (Applications > APIs > the API > Machine to Machine"
            + " Applications), or remove them from the method's or interface's [Scopes].",
            exception.Message);
    }

    [Fact]
    public async Task EachDistinctSetOfScopesIsRequestedOnceAndCached()
    {
        IScopedUsersApi users = new ScopedUsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var before = fixture.Tenant.TokenRequestCount;

        await users.ListAsync();
        await users.ListAsync();
        var created = await users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" });
        await users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" });
        await users.DeleteAsync(created.UserId);

        // read:users; create:users read:users; delete:users read:users.
        Assert.Equal(3, fixture.Tenant.TokenRequestCount - before);
    }
}
