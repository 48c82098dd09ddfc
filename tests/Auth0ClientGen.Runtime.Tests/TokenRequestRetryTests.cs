using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// Transient token endpoint failures are retried a bounded number of times, after delays that run on the injected
/// clock and honour Retry-After; other failures are not retried.
/// </summary>
[Collection(ProcessWideListeners.Name)]
public sealed class TokenRequestRetryTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task A_transient_status_is_retried_and_the_retry_succeeds(HttpStatusCode status)
    {
        var attempts = 0;
        var fixture = new ProviderFixture(
            _ => ++attempts == 1
                ? TokenResponses.Error(status, "server_error", "Try again")
                : TokenResponses.Success(ProviderFixture.AccessToken),
            configure: options => options.TokenRequestRetries = 2);

        var token = await fixture.Time.RunOnClock(fixture.GetAsync().AsTask());

        Assert.Equal(ProviderFixture.AccessToken, token);
        Assert.Equal(2, fixture.Handler.Count);
        Assert.Contains(fixture.Logger.Collector.GetSnapshot(), record => record.Id.Id == 1008);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried()
    {
        var attempts = 0;
        var fixture = new ProviderFixture(
            HttpResponseMessage (_) => ++attempts == 1
                ? throw TokenResponses.Unreachable()
                : TokenResponses.Success(ProviderFixture.AccessToken),
            configure: options => options.TokenRequestRetries = 1);

        Assert.Equal(ProviderFixture.AccessToken, await fixture.Time.RunOnClock(fixture.GetAsync().AsTask()));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_thrown()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Error(HttpStatusCode.ServiceUnavailable, "server_error", "Down"),
            configure: options => options.TokenRequestRetries = 3);

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => fixture.Time.RunOnClock(fixture.GetAsync().AsTask()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(4, fixture.Handler.Count);
    }

    [Fact]
    public async Task Retries_are_on_by_default()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Error(HttpStatusCode.ServiceUnavailable, "server_error", "Down"),
            configure: options => options.TokenRequestRetries = null);

        await Assert.ThrowsAsync<TokenRequestException>(() => fixture.Time.RunOnClock(fixture.GetAsync().AsTask()));

        Assert.Equal(1 + Auth0ClientCredentialsProvider.DefaultTokenRequestRetries, fixture.Handler.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData(HttpStatusCode.Unauthorized, "access_denied")]
    [InlineData(HttpStatusCode.Forbidden, "access_denied")]
    [InlineData(HttpStatusCode.Forbidden, "unauthorized_client")]
    public async Task A_refusal_is_not_retried(HttpStatusCode status, string error)
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Error(status, error, "No"),
            configure: options => options.TokenRequestRetries = 3);

        var exception = await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(error, exception.Error);
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_malformed_success_is_not_retried()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Json(HttpStatusCode.OK, "{\"token_type\":\"Bearer\"}"),
            configure: options => options.TokenRequestRetries = 3);

        await Assert.ThrowsAsync<TokenRequestException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(1, fixture.Handler.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retry_after_is_waited_for_on_the_injected_clock_before_the_next_attempt(bool asDate)
    {
        // The fake clock stands at 2000-01-01, decades behind the system clock: a date read against the system
        // clock lies in the past, and the provider once retried at once instead of waiting 5 s.
        var attempts = 0;
        ProviderFixture? fixture = null;
        fixture = new ProviderFixture(
            _ => ++attempts == 1
                ? RateLimited(asDate
                    ? new System.Net.Http.Headers.RetryConditionHeaderValue(fixture!.Time.GetUtcNow().AddSeconds(5))
                    : new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5)))
                : TokenResponses.Success("fresh"),
            configure: options => options.TokenRequestRetries = 1);

        var pending = fixture.GetAsync().AsTask();
        await FakeClock.WaitFor(() => fixture.Handler.Count == 1);

        // However long real time passes, no second attempt goes out until the fake clock reaches Retry-After.
        for (var step = 0; step < 4; step++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(1, fixture.Handler.Count);
        Assert.False(pending.IsCompleted);
        Assert.Equal("fresh", await fixture.Time.RunOnClock(pending));
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_retry_after_date_beyond_the_maximum_delay_is_reported_as_its_distance_on_the_injected_clock()
    {
        ProviderFixture? fixture = null;
        fixture = new ProviderFixture(
            _ => RateLimited(new System.Net.Http.Headers.RetryConditionHeaderValue(
                fixture!.Time.GetUtcNow().AddSeconds(120))),
            configure: options => options.TokenRequestRetries = 3);

        var exception = await Assert.ThrowsAsync<TokenRateLimitException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Contains("retry after 120 s", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_delay_fails_at_once_with_the_rate_limit_details()
    {
        var fixture = new ProviderFixture(
            _ => RateLimited(retryAfterSeconds: 120),
            configure: options =>
            {
                options.TokenRequestRetries = 3;
                options.MaxTokenRequestRetryDelay = TimeSpan.FromSeconds(30);
            });

        var exception = await Assert.ThrowsAsync<TokenRateLimitException>(() => fixture.GetAsync().AsTask());

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Equal(100, exception.Limit);
        Assert.Equal(0, exception.Remaining);
        Assert.Equal(1, fixture.Handler.Count);
    }

    [Fact]
    public async Task The_retry_settings_are_checked()
    {
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientSecret = ProviderFixture.ClientSecret,
            TokenRequestRetries = 11,
        };

        var exception = Assert.Throws<ArgumentException>(() => new Auth0ClientCredentialsProvider(options));

        Assert.Contains("Auth0:TokenRequestRetries must be between 0 and 10", exception.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Requests_cache_hits_misses_retries_and_failures_are_measured_and_acquisition_is_traced()
    {
        using var measurements = new MeasurementRecorder();
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Auth0ClientGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        var attempts = 0;
        var fixture = new ProviderFixture(
            _ => ++attempts == 1
                ? TokenResponses.Error(HttpStatusCode.ServiceUnavailable, "server_error", "Down")
                : TokenResponses.Success(ProviderFixture.AccessToken),
            audience: "https://measured.example.com",
            configure: options => options.TokenRequestRetries = 1);

        await fixture.Time.RunOnClock(fixture.GetAsync().AsTask());
        await fixture.GetAsync();

        Assert.Equal(2, measurements.Sum("auth0clientgen.token.requests", "https://measured.example.com"));
        Assert.Equal(1, measurements.Sum("auth0clientgen.retries", "https://measured.example.com"));
        Assert.Equal(1, measurements.Sum("auth0clientgen.token.cache.misses", "https://measured.example.com"));
        Assert.Equal(1, measurements.Sum("auth0clientgen.token.cache.hits", "https://measured.example.com"));
        lock (activities)
        {
            var acquisition = Assert.Single(
                activities,
                activity => activity.OperationName == "Auth0ClientGen.AcquireToken"
                    && (string?)activity.GetTagItem("auth0.audience") == "https://measured.example.com");
            Assert.Equal(1, acquisition.GetTagItem("auth0.retries"));
            Assert.DoesNotContain(
                acquisition.TagObjects,
                tag => tag.Value?.ToString()?.Contains(ProviderFixture.AccessToken, StringComparison.Ordinal) == true);
        }
    }

    private static HttpResponseMessage RateLimited(int retryAfterSeconds)
        => RateLimited(new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds)));

    private static HttpResponseMessage RateLimited(System.Net.Http.Headers.RetryConditionHeaderValue retryAfter)
    {
        var response = TokenResponses.Error(
            HttpStatusCode.TooManyRequests, "too_many_requests", "Global limit has been reached");
        response.Headers.RetryAfter = retryAfter;
        response.Headers.Add("x-ratelimit-limit", "100");
        response.Headers.Add("x-ratelimit-remaining", "0");
        response.Headers.Add("x-ratelimit-reset", "1735689700");
        return response;
    }

    /// <summary>Collects the runtime's counter measurements, with the audience or grant type they were tagged with.</summary>
    private sealed class MeasurementRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, long Value, string? Audience)> _measurements = [];

        public MeasurementRecorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Auth0ClientGen")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                string? audience = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "auth0.audience")
                    {
                        audience = tag.Value as string;
                    }
                }

                lock (_measurements)
                {
                    _measurements.Add((instrument.Name, value, audience));
                }
            });
            _listener.Start();
        }

        /// <summary>
        /// The sum for one instrument and audience; the instruments are shared by every test running in parallel,
        /// so only the audience tells this test's measurements apart.
        /// </summary>
        public long Sum(string instrument, string audience)
        {
            lock (_measurements)
            {
                return _measurements
                    .Where(measurement => measurement.Instrument == instrument
                        && measurement.Audience == audience)
                    .Sum(measurement => measurement.Value);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
