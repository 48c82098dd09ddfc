using System;
using System.Net;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// A refresh is retried only when Auth0 says it did not process it (429, 503): under rotation a processed refresh
/// token is spent, and presenting it again would be reuse.
/// </summary>
public sealed class RefreshTokenRetryTests
{
    private const string Orders = "https://orders.example.com";

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task An_unprocessed_refresh_is_retried_with_the_same_refresh_token(HttpStatusCode status)
    {
        var calls = 0;
        RefreshProviderFixture? fixture = null;
        fixture = new RefreshProviderFixture(
            request => ++calls == 1
                ? Task.FromResult(TokenResponses.Error(status, "temporarily_unavailable", "Try again"))
                : fixture!.Endpoint.RespondAsync(request),
            retries: 2);

        var token = await fixture.Time.RunOnClock(fixture.GetAsync(Orders).AsTask());

        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(2, fixture.Handler.Count);
        Assert.Equal(
            FakeRefreshTokenEndpoint.InitialRefreshToken,
            fixture.Handler.Requests[1].Form["refresh_token"]);
        Assert.Equal(0, fixture.Endpoint.ReuseCount);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_failure_after_which_the_refresh_may_have_been_processed_is_not_retried(HttpStatusCode status)
    {
        var fixture = new RefreshProviderFixture(
            _ => Task.FromResult(TokenResponses.Error(status, "server_error", "Failed")),
            retries: 2);

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(1, fixture.Handler.Count);
    }
}
