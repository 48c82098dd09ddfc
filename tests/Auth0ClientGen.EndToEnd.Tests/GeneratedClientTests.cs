using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Generated clients against the local tenant over loopback: real tokens from /oauth/token, checked by the
/// real JwtBearer middleware on the protected API.
/// </summary>
public class GeneratedClientTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private LocalAuth0Tenant Tenant => fixture.Tenant;

    [Fact]
    public async Task TheTokenIsRequestedOnceAndReusedAcrossCalls()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var before = Tenant.TokenRequestCount;

        await users.ListAsync();
        var created = await users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" });
        await users.GetAsync(created.UserId);
        await users.DeleteAsync(created.UserId);

        Assert.Equal(1, Tenant.TokenRequestCount - before);
    }

    [Fact]
    public async Task EachAudienceGetsItsOwnTokenFromOneProvider()
    {
        var provider = fixture.CreateProvider();
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), provider);
        IQuickstartApi quickstart = new QuickstartApiClient(fixture.CreateApiHttpClient(), provider);
        var before = Tenant.TokenRequestCount;

        await users.ListAsync();
        await quickstart.GetPrivateAsync();
        await users.ListAsync();
        await quickstart.GetPrivateAsync();

        Assert.Equal(2, Tenant.TokenRequestCount - before);
    }

    [Fact]
    public async Task UsersRoundTripThroughEveryVerb()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var email = $"{Guid.NewGuid():N}@example.com";

        var created = await users.CreateAsync(new NewTenantUser { Email = email, Name = "Before" });
        Assert.StartsWith("auth0|", created.UserId);

        var fetched = await users.GetAsync(created.UserId);
        Assert.Equal(email, fetched.Email);

        var found = await users.ListAsync(q: $"email:\"{email}\"");
        Assert.Equal(created.UserId, Assert.Single(found).UserId);

        var updated = await users.UpdateAsync(created.UserId, new Dictionary<string, string> { ["name"] = "After" });
        Assert.Equal("After", updated.Name);

        await users.DeleteAsync(created.UserId);
        var afterDelete = await Assert.ThrowsAsync<ApiException>(() => users.GetAsync(created.UserId));
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.Contains("inexistent_user", afterDelete.Content);
    }

    [Fact]
    public async Task QueryValuesAreFormattedForTheWire()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        // include_totals=true changes the body's shape, which proves the bool went out as "true".
        var body = await users.ListRawAsync(includeTotals: true, perPage: 5);

        Assert.Contains("\"total\"", body);
        Assert.Contains("\"limit\":5", body.Replace(" ", string.Empty));
    }

    [Fact]
    public async Task HttpResponseMessageIsHandedToTheCaller()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var created = await users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" });

        using var response = await users.GetResponseAsync(created.UserId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(created.UserId, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongClientSecretSurfacesAccessDenied()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider(clientSecret: "wrong-secret"));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => users.ListAsync());

        Assert.Equal("access_denied", exception.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.DoesNotContain("wrong-secret", exception.ToString());
    }

    [Fact]
    public async Task AMissingScopeSurfacesAsApiExceptionWith403()
    {
        var clientId = "read-only-" + Guid.NewGuid().ToString("N");
        Tenant.AddClient(clientId, "read-only-secret");
        Tenant.Grant(clientId, Tenant.ManagementApiAudience, "read:users");
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider(clientId, "read-only-secret"));

        await users.ListAsync();
        var exception = await Assert.ThrowsAsync<ApiException>(
            () => users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" }));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("POST", exception.Method.Method);
        Assert.Equal(new Uri(Tenant.BaseAddress, "/api/v2/users"), exception.RequestUri);
        Assert.Contains("insufficient_scope", exception.Content);
        Assert.Contains("grant the scope", exception.Message);
    }

    [Fact]
    public async Task AllowAnonymousSendsNoToken()
    {
        IQuickstartApi quickstart = new QuickstartApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var before = Tenant.TokenRequestCount;

        var message = await quickstart.GetPublicAsync();
        Assert.False(string.IsNullOrEmpty(message.Message));

        // The same private endpoint answers 401 when the method is anonymous, so no token was attached.
        var exception = await Assert.ThrowsAsync<ApiException>(() => quickstart.GetPrivateWithoutTokenAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(before, Tenant.TokenRequestCount);
    }

    [Fact]
    public async Task ScopedEndpointAcceptsATokenWithTheScope()
    {
        IQuickstartApi quickstart = new QuickstartApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        var body = await quickstart.GetPrivateScopedAsync();

        Assert.Contains("read:messages", body);
    }

    [Theory]
    [InlineData("../users")]
    [InlineData("..%2F..")]
    [InlineData("a/b")]
    [InlineData("x?y=1#z")]
    [InlineData("%2F")]
    public async Task HostileRouteValuesStayInsideTheirSegment(string id)
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        // Each value must reach GET /api/v2/users/{id} as the id, so the API answers 404 for that user,
        // never 200 from the list endpoint or another route.
        var exception = await Assert.ThrowsAsync<ApiException>(() => users.GetAsync(id));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.StartsWith(new Uri(Tenant.BaseAddress, "/api/v2/users/").AbsoluteUri, exception.RequestUri.AbsoluteUri);
        Assert.DoesNotContain("/", exception.RequestUri.AbsolutePath["/api/v2/users/".Length..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task RouteValuesThatWouldChangeThePathAreRefusedBeforeAnyRequest(string id)
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var before = Tenant.TokenRequestCount;

        // "" would reach the list endpoint, and ".." would be normalized away to /api/v2/.
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => users.GetAsync(id));

        Assert.Equal("id", exception.ParamName);
        Assert.Equal(before, Tenant.TokenRequestCount);
    }

    [Fact]
    public async Task ANullRouteValueIsRefusedBeforeAnyRequest()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var before = Tenant.TokenRequestCount;

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => users.GetAsync(null!));

        Assert.Equal("id", exception.ParamName);
        Assert.Equal(before, Tenant.TokenRequestCount);
    }
}
