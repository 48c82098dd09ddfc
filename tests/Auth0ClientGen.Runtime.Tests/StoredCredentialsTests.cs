using System;
using System.Text.Json;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

[Collection(ProcessWideListeners.Name)]
public sealed class StoredCredentialsTests
{
    private const string Orders = "https://orders.example.com";
    private static readonly DateTimeOffset ExpiresAt = new(2025, 1, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_access_token_replaces_only_the_one_for_its_audience_and_scope_set()
    {
        var stored = new StoredCredentials { RefreshToken = "rt" }
            .WithAccessToken(new StoredAccessToken(Orders, "b a", "at-1", ExpiresAt))
            .WithAccessToken(new StoredAccessToken(Orders, null, "at-2", ExpiresAt))
            .WithAccessToken(new StoredAccessToken(Orders, "a b a", "at-3", ExpiresAt));

        Assert.Equal(2, stored.AccessTokens.Count);
        Assert.Equal("at-3", stored.FindAccessToken(Orders, "b a")!.AccessToken);
        Assert.Equal("at-2", stored.FindAccessToken(Orders, " ")!.AccessToken);
        Assert.Null(stored.FindAccessToken("https://billing.example.com", null));
        Assert.Equal("rt", stored.RefreshToken);
    }

    [Fact]
    public void Stored_credentials_round_trip_through_System_Text_Json()
    {
        var stored = new StoredCredentials { RefreshToken = "rt", IdToken = "id" }
            .WithAccessToken(
                new StoredAccessToken(Orders, "read:orders", "at", ExpiresAt) { GrantedScope = "read:orders" });

        var copy = JsonSerializer.Deserialize<StoredCredentials>(JsonSerializer.Serialize(stored))!;

        Assert.Equal("rt", copy.RefreshToken);
        Assert.Equal("id", copy.IdToken);
        Assert.Equal(stored.AccessTokens[0], Assert.Single(copy.AccessTokens));
    }

    [Fact]
    public async Task A_stored_access_token_is_returned_synchronously_without_allocating()
    {
        var fixture = new RefreshProviderFixture();
        var request = new AccessTokenRequest(Orders) { Scope = "read:orders write:orders" };
        var token = await fixture.Provider.GetAccessTokenAsync(request);
        for (var i = 0; i < 100; i++)
        {
            await fixture.Provider.GetAccessTokenAsync(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var allCompleted = true;
        var allStored = true;
        for (var i = 0; i < 1000; i++)
        {
            var pending = fixture.Provider.GetAccessTokenAsync(request);
            allCompleted &= pending.IsCompletedSuccessfully;
            allStored &= string.Equals(token, await pending, StringComparison.Ordinal);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allCompleted);
        Assert.True(allStored);
        Assert.Equal(0, allocated);
        Assert.Equal(1, fixture.Handler.Count);
    }
}
