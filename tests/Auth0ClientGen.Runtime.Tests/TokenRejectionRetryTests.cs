using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// A 401 that rejects the token renews it and retries once, only when the body can be sent again; other
/// failures are never retried.
/// </summary>
public sealed class TokenRejectionRetryTests
{
    private const string Address = "https://api.example.com/orders";

    [Theory]
    [InlineData("Bearer error=\"invalid_token\", error_description=\"The signature key was not found\"")]
    [InlineData("Bearer")]
    [InlineData("Bearer realm=\"api\"")]
    public async Task A_rejected_token_is_renewed_and_the_request_sent_once_more(string challenge)
    {
        var credentials = new RenewingCredentials();
        var handler = new RecordingHandler(request => request.Authorization?.Parameter == "token-1"
            ? Rejected(challenge)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") });

        using var response = await SendAsync(handler, credentials, new StringContent("{\"id\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["token-1", "token-2"], handler.Requests.Select(r => r.Authorization!.Parameter!));
        Assert.Equal(["{\"id\":1}", "{\"id\":1}"], handler.Requests.Select(r => r.Body!));
        Assert.Equal([false, true], credentials.ForcedRenewals);
    }

    [Fact]
    public async Task A_second_rejection_is_final()
    {
        var handler = new RecordingHandler(_ => Rejected("Bearer error=\"invalid_token\""));

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler, new RenewingCredentials(), null));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, handler.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "Bearer error=\"insufficient_scope\"")]
    [InlineData(HttpStatusCode.Unauthorized, "Basic realm=\"api\"")]
    [InlineData(HttpStatusCode.Forbidden, "Bearer error=\"insufficient_scope\"")]
    public async Task Other_refusals_are_not_retried(HttpStatusCode status, string challenge)
    {
        var handler = new RecordingHandler(_ => Rejected(challenge, status));

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler, new RenewingCredentials(), null));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_body_that_cannot_be_sent_again_is_not_retried()
    {
        var handler = new RecordingHandler(_ => Rejected("Bearer error=\"invalid_token\""));
        var stream = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("once")));

        await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler, new RenewingCredentials(), stream));

        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_forced_renewal_requests_a_new_token_from_Auth0_instead_of_the_cached_one()
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ => TokenResponses.Success($"token-{Interlocked.Increment(ref issued)}"));

        var first = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null));
        var cached = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null));
        var renewed = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { ForceRenewal = true });
        var afterwards = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(["token-1", "token-1", "token-2", "token-2"], [first, cached, renewed, afterwards]);
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_forced_renewal_does_not_join_a_request_started_without_force()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var issued = 0;
        var fixture = new ProviderFixture(async _ =>
        {
            var number = Interlocked.Increment(ref issued);
            if (number == 1)
            {
                await release.Task;
            }

            return TokenResponses.Success($"token-{number}");
        });

        var plain = fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask();
        var forced = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { ForceRenewal = true });
        release.SetResult();

        Assert.Equal("token-2", forced);
        Assert.Equal("token-1", await plain);
        Assert.Equal(2, fixture.Handler.Count);
    }

    private static async Task<HttpResponseMessage> SendAsync(RecordingHandler handler, ICredentialsProvider credentials, HttpContent? content)
    {
        var httpClient = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Post, Address) { Content = content };
        return await GeneratedClientHelpers.SendAsync(httpClient, credentials, request, new AccessTokenRequest("https://api.example.com"), default);
    }

    private static HttpResponseMessage Rejected(string challenge, HttpStatusCode status = HttpStatusCode.Unauthorized)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("") };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        return response;
    }

    /// <summary>Hands out token-1, then a new token on every forced renewal, and records which calls forced one.</summary>
    private sealed class RenewingCredentials : ICredentialsProvider
    {
        private int _issued = 1;

        public List<bool> ForcedRenewals { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        {
            ForcedRenewals.Add(request.ForceRenewal);
            if (request.ForceRenewal)
            {
                _issued++;
            }

            return new ValueTask<string>($"token-{_issued}");
        }
    }
}
