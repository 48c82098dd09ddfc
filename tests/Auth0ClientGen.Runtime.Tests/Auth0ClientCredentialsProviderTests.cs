using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

[Collection(ProcessWideListeners.Name)]
public sealed class Auth0ClientCredentialsProviderTests
{
    [Fact]
    public async Task Posts_the_client_credentials_grant_as_form_fields()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        var token = await fixture.GetAsync("https://orders.example.com");

        Assert.Equal(ProviderFixture.AccessToken, token);
        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://tenant.us.auth0.com/oauth/token"), request.RequestUri);
        Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
        Assert.Null(request.Authorization);
        Assert.Equal(
            new[]
            {
                ("audience", "https://orders.example.com"),
                ("client_id", ProviderFixture.ClientId),
                ("client_secret", ProviderFixture.ClientSecret),
                ("grant_type", "client_credentials"),
            },
            request.Form.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => (field.Key, field.Value)));
    }

    [Fact]
    public async Task A_request_without_audience_uses_the_configured_default_and_shares_its_cache()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        await fixture.GetAsync(null);
        await fixture.GetAsync(ProviderFixture.DefaultAudience);
        await fixture.GetAsync(string.Empty);

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal(ProviderFixture.DefaultAudience, request.Form["audience"]);
    }

    [Fact]
    public async Task Without_any_audience_the_call_fails_naming_the_setting()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken), audience: null);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.GetAsync(null).AsTask());

        Assert.Contains("Auth0:Audience", exception.Message);
        Assert.Equal(0, fixture.Handler.Count);
    }

    [Fact]
    public async Task Tokens_are_cached_per_audience()
    {
        var issued = 0;
        var fixture = new ProviderFixture(request =>
            TokenResponses.Success($"token-{Interlocked.Increment(ref issued)}-{request.Form["audience"]}"));

        var orders1 = await fixture.GetAsync("https://orders.example.com");
        var billing1 = await fixture.GetAsync("https://billing.example.com");
        var orders2 = await fixture.GetAsync("https://orders.example.com");
        var billing2 = await fixture.GetAsync("https://billing.example.com");

        Assert.Equal(2, fixture.Handler.Count);
        Assert.Equal("token-1-https://orders.example.com", orders1);
        Assert.Equal("token-2-https://billing.example.com", billing1);
        Assert.Equal(orders1, orders2);
        Assert.Equal(billing1, billing2);
    }

    [Fact]
    public async Task Tokens_are_cached_per_audience_and_scope_and_the_scope_is_posted()
    {
        var issued = 0;
        var fixture = new ProviderFixture(request => TokenResponses.Success(
            $"token-{Interlocked.Increment(ref issued)}-{(request.Form.TryGetValue("scope", out var scope) ? scope : "none")}"));
        var audience = "https://orders.example.com";

        var read = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(audience) { Scope = "read:orders" });
        var write = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(audience) { Scope = "write:orders" });
        var unscoped = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(audience));
        var readAgain = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(audience) { Scope = "read:orders" });

        Assert.Equal(3, fixture.Handler.Count);
        Assert.Equal("token-1-read:orders", read);
        Assert.Equal("token-2-write:orders", write);
        Assert.Equal("token-3-none", unscoped);
        Assert.Equal(read, readAgain);
    }

    [Fact]
    public async Task A_cached_token_is_returned_synchronously_without_allocating()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));
        var request = new AccessTokenRequest("https://orders.example.com");
        await fixture.Provider.GetAccessTokenAsync(request);
        for (var i = 0; i < 100; i++)
        {
            await fixture.Provider.GetAccessTokenAsync(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var allCompleted = true;
        var allCached = true;
        for (var i = 0; i < 1000; i++)
        {
            var pending = fixture.Provider.GetAccessTokenAsync(request);
            allCompleted &= pending.IsCompletedSuccessfully;
            allCached &= string.Equals(ProviderFixture.AccessToken, await pending, StringComparison.Ordinal);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allCompleted);
        Assert.True(allCached);
        Assert.Equal(0, allocated);
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_token_is_renewed_once_the_renewal_margin_before_its_expiry_is_reached()
    {
        var issued = 0;
        ProviderFixture fixture = null!;
        fixture = new ProviderFixture(_ =>
        {
            // The token endpoint takes 10 s to answer: the lifetime counts from when the answer arrives.
            fixture.Time.Advance(TimeSpan.FromSeconds(10));
            return TokenResponses.Success($"token-{Interlocked.Increment(ref issued)}", expiresIn: 3600);
        });

        Assert.Equal("token-1", await fixture.GetAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(3600 - 60 - 1));
        Assert.Equal("token-1", await fixture.GetAsync());
        Assert.Equal(1, fixture.Handler.Count);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await fixture.GetAsync());
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_token_living_less_than_the_renewal_margin_is_not_reused()
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ =>
            TokenResponses.Success($"token-{Interlocked.Increment(ref issued)}", expiresIn: 30));

        Assert.Equal("token-1", await fixture.GetAsync());
        Assert.Equal("token-2", await fixture.GetAsync());
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_response_without_expires_in_is_kept_for_the_assumed_lifetime_less_the_margin()
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ =>
            TokenResponses.Success($"token-{Interlocked.Increment(ref issued)}", expiresIn: null));
        var cachedFor = Auth0ClientCredentialsProvider.AssumedLifetime - Auth0ClientCredentialsProvider.DefaultRenewalMargin;

        Assert.Equal("token-1", await fixture.GetAsync());
        fixture.Time.Advance(cachedFor - TimeSpan.FromSeconds(1));
        Assert.Equal("token-1", await fixture.GetAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await fixture.GetAsync());

        Assert.Equal(TimeSpan.FromMinutes(5), Auth0ClientCredentialsProvider.AssumedLifetime);
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1003);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-30")]
    [InlineData("\"0\"")]
    public async Task A_token_that_expires_in_zero_or_less_is_used_once_and_not_cached(string expiresIn)
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ => TokenResponses.Json(
            HttpStatusCode.OK,
            $$"""{"access_token":"token-{{Interlocked.Increment(ref issued)}}","expires_in":{{expiresIn}}}"""));

        Assert.Equal("token-1", await fixture.GetAsync());
        Assert.Equal("token-2", await fixture.GetAsync());

        Assert.Equal(2, fixture.Handler.Count);
        var records = fixture.Logger.Collector.GetSnapshot();
        Assert.Contains(records, record => record.Id.Id == 1006);
        Assert.DoesNotContain(records, record => record.Id.Id == 1003);
    }

    [Fact]
    public async Task An_expires_in_sent_as_a_numeric_string_is_honoured()
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ => TokenResponses.Json(
            HttpStatusCode.OK,
            $$"""{"access_token":"token-{{Interlocked.Increment(ref issued)}}","expires_in":"3600"}"""));

        Assert.Equal("token-1", await fixture.GetAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(3600 - 60 - 1));
        Assert.Equal("token-1", await fixture.GetAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await fixture.GetAsync());
    }

    [Fact]
    public async Task A_provider_built_from_options_alone_exposes_its_endpoint()
    {
        var provider = new Auth0ClientCredentialsProvider(new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientSecret = ProviderFixture.ClientSecret,
        });

        Assert.Equal(new Uri("https://tenant.us.auth0.com/oauth/token"), provider.TokenEndpoint);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        var fail = true;
        var fixture = new ProviderFixture(_ => fail
            ? TokenResponses.Error(HttpStatusCode.InternalServerError, "server_error", "Try again")
            : TokenResponses.Success(ProviderFixture.AccessToken));

        await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());
        await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());
        fail = false;
        var token = await fixture.GetAsync();

        Assert.Equal(ProviderFixture.AccessToken, token);
        Assert.Equal(3, fixture.Handler.Count);
    }

    [Fact]
    public async Task Concurrent_callers_on_a_cold_audience_share_one_token_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fixture = new ProviderFixture(async _ =>
        {
            await release.Task;
            return TokenResponses.Success(ProviderFixture.AccessToken);
        });

        var callers = await StartConcurrentCallersAsync(fixture, 50);
        Assert.All(callers, caller => Assert.False(caller.IsCompleted));
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal(ProviderFixture.AccessToken, token));
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_failure_and_the_next_call_asks_again()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fail = true;
        var fixture = new ProviderFixture(async _ =>
        {
            await release.Task;
            return fail
                ? TokenResponses.Error(HttpStatusCode.Forbidden, "access_denied", "Service not enabled within domain")
                : TokenResponses.Success(ProviderFixture.AccessToken);
        });

        var callers = await StartConcurrentCallersAsync(fixture, 50);
        release.SetResult();
        foreach (var caller in callers)
        {
            var exception = await Assert.ThrowsAsync<TokenRequestException>(() => caller);
            Assert.Equal("access_denied", exception.Error);
        }

        Assert.Equal(1, fixture.Handler.Count);
        fail = false;
        Assert.Equal(ProviderFixture.AccessToken, await fixture.GetAsync());
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_caller_that_cancels_does_not_cancel_the_request_others_wait_for()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fixture = new ProviderFixture(async _ =>
        {
            await release.Task;
            return TokenResponses.Success(ProviderFixture.AccessToken);
        });
        using var cancellation = new CancellationTokenSource();

        var cancelled = fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null), cancellation.Token).AsTask();
        var patient = fixture.GetAsync().AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(patient.IsCompleted);
        release.SetResult();
        Assert.Equal(ProviderFixture.AccessToken, await patient);
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task An_already_cancelled_call_sends_nothing()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null), cancelled).AsTask());

        Assert.Equal(0, fixture.Handler.Count);
    }

    [Fact]
    public void ToString_names_the_endpoint_and_client_but_not_the_secret()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        var text = fixture.Provider.ToString();

        Assert.Contains("https://tenant.us.auth0.com/oauth/token", text);
        Assert.Contains(ProviderFixture.ClientId, text);
        Assert.DoesNotContain(ProviderFixture.ClientSecret, text);
    }

    private static async Task<Task<string>[]> StartConcurrentCallersAsync(ProviderFixture fixture, int count)
    {
        // Each caller starts on its own pool thread; the outer tasks complete once every call has been issued.
        using var start = new Barrier(count);
        var issued = Enumerable.Range(0, count).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return fixture.GetAsync().AsTask();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        return await Task.WhenAll(issued);
    }
}
