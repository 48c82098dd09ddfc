using System;
using System.Linq;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class RefreshTokenConcurrencyTests
{
    private static readonly string[] Audiences =
        ["https://orders.example.com", "https://billing.example.com", "https://users.example.com"];

    [Fact]
    public async Task A_cold_store_raced_by_100_callers_over_3_audiences_never_presents_a_refresh_token_twice()
    {
        var fixture = new RefreshProviderFixture();
        fixture.Endpoint.Yield = true;

        var calls = Enumerable.Range(0, 100)
            .Select(i => Audiences[i % 3])
            .Select(audience => Task.Run(async () => (Audience: audience, Token: await fixture.GetAsync(audience))))
            .ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(0, fixture.Endpoint.ReuseCount);
        Assert.Equal(1, fixture.Endpoint.MaxConcurrentRequests);
        Assert.Equal(3, fixture.Handler.Count);
        var presented = fixture.Handler.Requests.Select(request => request.Form["refresh_token"]).ToList();
        Assert.Equal(presented.Count, presented.Distinct().Count());
        foreach (var group in results.GroupBy(result => result.Audience))
        {
            var token = Assert.Single(group.Select(result => result.Token).Distinct());
            Assert.EndsWith(group.Key, token);
        }

        Assert.Equal("rt-3-NEVER-print-me", (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task Renewals_after_expiry_raced_over_3_audiences_and_forced_renewals_never_reuse()
    {
        var fixture = new RefreshProviderFixture();
        fixture.Endpoint.Yield = true;
        foreach (var audience in Audiences)
        {
            await fixture.GetAsync(audience);
        }

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var calls = Enumerable.Range(0, 120)
            .Select(i => Task.Run(async () => await fixture.GetAsync(Audiences[i % 3], force: i % 10 == 0)))
            .ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(0, fixture.Endpoint.ReuseCount);
        Assert.Equal(1, fixture.Endpoint.MaxConcurrentRequests);
        Assert.All(calls, call => Assert.True(call.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Concurrent_callers_for_one_key_share_one_request()
    {
        var fixture = Held(out var release);

        var calls = Enumerable.Range(0, 20).Select(_ => fixture.GetAsync(Audiences[0]).AsTask()).ToList();
        release.SetResult();
        var tokens = await Task.WhenAll(calls);

        Assert.Equal(1, fixture.Handler.Count);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task Concurrent_forced_renewals_share_one_request_but_never_join_an_unforced_one()
    {
        var fixture = Held(out var release);

        var unforced = Enumerable.Range(0, 5).Select(_ => fixture.GetAsync(Audiences[0]).AsTask()).ToList();
        var forced = Enumerable.Range(0, 5).Select(_ => fixture.GetAsync(Audiences[0], force: true).AsTask()).ToList();
        release.SetResult();
        var unforcedTokens = await Task.WhenAll(unforced);
        var forcedTokens = await Task.WhenAll(forced);

        Assert.Equal(2, fixture.Handler.Count);
        Assert.Single(unforcedTokens.Distinct());
        Assert.Single(forcedTokens.Distinct());
        Assert.NotEqual(unforcedTokens[0], forcedTokens[0]);
        Assert.Equal(0, fixture.Endpoint.ReuseCount);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_renewal()
    {
        var fixture = Held(out var release);
        using var cancellation = new System.Threading.CancellationTokenSource();

        var abandoned = fixture.Provider
            .GetAccessTokenAsync(new AccessTokenRequest(Audiences[0]), cancellation.Token).AsTask();
        var patient = fixture.GetAsync(Audiences[0]).AsTask();
        await cancellation.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal($"at-1-{Audiences[0]}", await patient);
        Assert.Equal(1, fixture.Handler.Count);
        Assert.Equal("rt-1-NEVER-print-me", (await fixture.StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task Clearing_waits_for_a_renewal_in_flight_so_it_cannot_store_credentials_afterwards()
    {
        var fixture = Held(out var release);

        var renewal = fixture.GetAsync(Audiences[0]).AsTask();
        await fixture.Endpoint.FirstRequest.Task;
        var clearing = fixture.Provider.ClearAsync().AsTask();
        Assert.False(clearing.IsCompleted);
        release.SetResult();
        await renewal;
        await clearing;

        Assert.Null(await fixture.Store.GetAsync());
    }

    /// <summary>A fixture whose token endpoint holds every request until <paramref name="release"/> completes.</summary>
    private static RefreshProviderFixture Held(out TaskCompletionSource release)
    {
        var fixture = new RefreshProviderFixture();
        release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Endpoint.Hold = release;
        return fixture;
    }
}
