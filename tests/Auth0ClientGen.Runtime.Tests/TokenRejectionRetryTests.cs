using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// A 401 that rejects the token renews it and retries once, only when the body can be sent again; other
/// failures are never retried.
/// </summary>
[Collection(ProcessWideListeners.Name)]
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
        var credentials = new RenewingCredentials();

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler, credentials, null));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(1, handler.Count);
        Assert.Equal([false], credentials.ForcedRenewals);
    }

    [Fact]
    public async Task A_403_insufficient_scope_surfaces_as_ApiException_after_exactly_one_request()
    {
        var handler = new RecordingHandler(_ => Rejected(
            "Bearer error=\"insufficient_scope\", scope=\"write:orders\"", HttpStatusCode.Forbidden));
        var credentials = new RenewingCredentials();

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler, credentials, null));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("insufficient_scope", exception.AuthenticateError);
        Assert.Equal("write:orders", exception.RequiredScope);
        Assert.Single(handler.Requests);
        Assert.Equal([false], credentials.ForcedRenewals);
    }

    [Fact]
    public async Task A_retry_is_counted_and_the_call_traced_without_the_path_query_or_token()
    {
        var host = $"retry-{Guid.NewGuid():N}.example.com";
        using var retries = new MetricCollector<long>(null, "Auth0ClientGen", "auth0clientgen.retries");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Auth0ClientGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.address") as string == host)
                {
                    lock (activities)
                    {
                        activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var handler = new RecordingHandler(request => request.Authorization?.Parameter == "token-1"
            ? Rejected("Bearer error=\"invalid_token\"")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") });
        var audience = $"https://{host}";

        using var response = await SendAsync(
            handler, new RenewingCredentials(), null, $"https://{host}/orders?secret=query", audience);

        Assert.Single(retries.GetMeasurementSnapshot(), measurement =>
            measurement.Tags["auth0.audience"] as string == audience
            && measurement.Tags["auth0.renewal_reason"] as string == "rejected");
        var activity = Assert.Single(activities);
        Assert.Equal("Auth0ClientGen.ApiCall", activity.OperationName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        var tagText = string.Join(" ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
        Assert.DoesNotContain("secret", tagText);
        Assert.DoesNotContain("token-", tagText);
        Assert.DoesNotContain("/orders", tagText);
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

    private static async Task<HttpResponseMessage> SendAsync(
        RecordingHandler handler,
        ICredentialsProvider credentials,
        HttpContent? content,
        string address = Address,
        string audience = "https://api.example.com")
    {
        var httpClient = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = content };
        return await GeneratedClientHelpers.SendAsync(httpClient, credentials, request, new AccessTokenRequest(audience), default);
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
