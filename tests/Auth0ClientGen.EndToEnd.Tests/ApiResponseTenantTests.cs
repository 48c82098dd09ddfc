using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// <c>ApiResponse&lt;T&gt;</c> and <c>IAsyncEnumerable&lt;T&gt;</c> against the local tenant over loopback, with real
/// tokens checked by the real JwtBearer middleware.
/// </summary>
public class ApiResponseTenantTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private LocalAuth0Tenant Tenant => fixture.Tenant;

    [Fact]
    public async Task AnUnknownUserIsA404InErrorWithoutThrowing()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        using var response = await users.FindAsync("auth0|does-not-exist");

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Content);
        Assert.Equal(HttpStatusCode.NotFound, response.Error.StatusCode);
        Assert.Contains("inexistent_user", response.Error.Content);
        Assert.Equal(new Uri(Tenant.BaseAddress, "/api/v2/users/auth0%7Cdoes-not-exist"), response.RequestUri);
    }

    [Fact]
    public async Task AKnownUserIsTheContentWithTheResponseHeaders()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var email = $"{Guid.NewGuid():N}@example.com";
        var created = await users.CreateAsync(new NewTenantUser { Email = email });

        using var response = await users.FindAsync(created.UserId);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Null(response.Error);
        Assert.Equal(created.UserId, response.Content?.UserId);
        Assert.Equal(email, response.Content?.Email);
        Assert.Equal("application/json", response.ContentHeaders.ContentType?.MediaType);
        await users.DeleteAsync(created.UserId);
    }

    [Fact]
    public async Task AMissingScopeIsA403InErrorThatNamesNoToken()
    {
        var clientId = "write-only-" + Guid.NewGuid().ToString("N");
        Tenant.AddClient(clientId, "write-only-secret");
        Tenant.Grant(clientId, Tenant.ManagementApiAudience, "create:users");
        var provider = fixture.CreateProvider(clientId, "write-only-secret");
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), provider);

        using var response = await users.FindAsync("auth0|anyone");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Error?.Content);
        var accessToken = await provider.GetAccessTokenAsync(new AccessTokenRequest(null));
        Assert.DoesNotContain(accessToken, response.Error!.ToString());
    }

    [Fact]
    public async Task AWrongClientSecretStillThrows()
    {
        IUsersApi users = new UsersApiClient(
            fixture.CreateApiHttpClient(),
            fixture.CreateProvider(clientSecret: "wrong-secret"));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => users.FindAsync("auth0|anyone"));

        Assert.Equal("access_denied", exception.Error);
    }

    [Fact]
    public async Task UsersAreStreamedFromTheListEndpoint()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var email = $"{Guid.NewGuid():N}@example.com";
        var created = await users.CreateAsync(new NewTenantUser { Email = email });

        var found = new List<string>();
        await foreach (var user in users.StreamAsync(q: $"email:\"{email}\""))
        {
            found.Add(user.UserId);
        }

        Assert.Equal([created.UserId], found);
        await users.DeleteAsync(created.UserId);
    }

    [Fact]
    public async Task AStreamStoppedEarlyOrCancelledLeavesTheClientUsable()
    {
        IUsersApi users = new UsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await users.CreateAsync(new NewTenantUser { Email = $"{Guid.NewGuid():N}@example.com" })).UserId);
        }

        await foreach (var unused in users.StreamAsync())
        {
            break;
        }

        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in users.StreamAsync().WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        // That the abandoned responses are released is checked through the capturing handler; over a real
        // connection the client must simply go on working.
        foreach (var userId in created)
        {
            await users.DeleteAsync(userId);
        }
    }
}
