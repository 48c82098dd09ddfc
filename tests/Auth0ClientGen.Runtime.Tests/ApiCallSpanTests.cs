using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// SendAsync finishes a call without an async method when the token and the answer are there without waiting, and
/// continues in one otherwise. Every way through ends the span with what happened, sends the token, and hands a
/// failure back in the task rather than throwing it from the call.
/// </summary>
[Collection(ProcessWideListeners.Name)]
public sealed class ApiCallSpanTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_success_ends_the_span_with_its_status_whether_or_not_anything_was_waited_for(
        bool tokenWaits,
        bool answerWaits)
    {
        using var spans = new SpanRecorder();
        var handler = Answering(HttpStatusCode.OK, answerWaits);
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://{spans.Host}/orders");

        using var response = await Send(handler, new Credentials(tokenWaits), request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Same(request, response.RequestMessage);
        Assert.Equal("Bearer token", Assert.Single(handler.Requests).Authorization?.ToString());
        var span = Assert.Single(spans.Stopped);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_error_status_answered_without_waiting_or_later_ends_the_span_as_an_error(bool answerWaits)
    {
        using var spans = new SpanRecorder();
        var handler = Answering(HttpStatusCode.InternalServerError, answerWaits);
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://{spans.Host}/orders");

        var exception = await Assert.ThrowsAsync<ApiException>(() => Send(handler, new Credentials(false), request));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        var span = Assert.Single(spans.Stopped);
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal("500", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_refused_destination_is_handed_back_in_the_task_and_ends_the_span_as_an_error()
    {
        using var spans = new SpanRecorder();
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var httpClient = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/") };
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://{spans.Host}/orders");

        // Not thrown by the call itself, as from an async method: the caller sees it when it awaits.
        var sending = GeneratedClientHelpers.SendAsync(
            httpClient, new Credentials(false), request, new AccessTokenRequest(null), acceptErrorStatus: false, default);

        await Assert.ThrowsAsync<TokenDestinationException>(() => sending.AsTask());
        Assert.Equal(0, handler.Count);
        var span = Assert.Single(spans.Stopped);
        Assert.Equal(typeof(TokenDestinationException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    private static async Task<HttpResponseMessage> Send(
        RecordingHandler handler,
        ICredentialsProvider credentials,
        HttpRequestMessage request)
    {
        var httpClient = new HttpClient(handler);
        return await GeneratedClientHelpers.SendAsync(
            httpClient, credentials, request, new AccessTokenRequest(null), acceptErrorStatus: false, default);
    }

    /// <summary>Answers every request with <paramref name="status"/>, at once or after yielding.</summary>
    private static RecordingHandler Answering(HttpStatusCode status, bool waits)
        => new(async _ =>
        {
            if (waits)
            {
                await Task.Yield();
            }

            return new HttpResponseMessage(status) { Content = new StringContent("answer") };
        });

    /// <summary>Gives "token", at once or after yielding.</summary>
    private sealed class Credentials(bool waits) : ICredentialsProvider
    {
        public async ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        {
            if (waits)
            {
                await Task.Yield();
            }

            return "token";
        }
    }

    /// <summary>Collects the stopped API call spans of one host of its own, so other tests' calls are not seen.</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly List<Activity> _stopped = [];
        private readonly ActivityListener _listener;

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Auth0ClientGen",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == "Auth0ClientGen.ApiCall"
                        && activity.GetTagItem("server.address") as string == Host)
                    {
                        lock (_stopped)
                        {
                            _stopped.Add(activity);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public string Host { get; } = $"span-{Guid.NewGuid():N}.example.com";

        public IReadOnlyList<Activity> Stopped
        {
            get
            {
                lock (_stopped)
                {
                    return [.. _stopped];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
