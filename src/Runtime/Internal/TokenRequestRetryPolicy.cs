using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Sends a token request again after a failure that may pass by itself, a bounded number of times, after a delay
/// that honours the endpoint's <c>Retry-After</c> and otherwise grows exponentially with jitter. The delays run on
/// the provider's <see cref="TimeProvider"/>, so a fake clock drives them in tests.
/// </summary>
internal sealed class TokenRequestRetryPolicy
{
    /// <summary>How many retries a provider makes when none is configured.</summary>
    public const int DefaultRetries = 2;

    /// <summary>The longest wait before a retry when none is configured.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(10);

    // The first retry waits about this long; each further one twice as long as the one before.
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    private readonly int _maxRetries;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _timeProvider;
    private readonly Func<TokenRequestException, bool> _isRetryable;
    private readonly string _grantType;

    /// <param name="configuredRetries">The configured retries; <see cref="DefaultRetries"/> when null.</param>
    /// <param name="configuredMaxDelay">The configured longest wait; <see cref="DefaultMaxDelay"/> when null.</param>
    /// <param name="timeProvider">The clock the delays run on.</param>
    /// <param name="isRetryable">Which failures are worth another attempt with this grant.</param>
    /// <param name="grantType">The grant, for logs and metrics.</param>
    public TokenRequestRetryPolicy(
        int? configuredRetries,
        TimeSpan? configuredMaxDelay,
        TimeProvider timeProvider,
        Func<TokenRequestException, bool> isRetryable,
        string grantType)
    {
        _maxRetries = Math.Clamp(configuredRetries ?? DefaultRetries, 0, Auth0Settings.MaxTokenRequestRetries);
        _maxDelay = configuredMaxDelay is { } maxDelay && maxDelay > TimeSpan.Zero ? maxDelay : DefaultMaxDelay;
        _timeProvider = timeProvider;
        _isRetryable = isRetryable;
        _grantType = grantType;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails in a way that is not retried, or runs out of
    /// retries; the last failure is thrown as it is.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> attempt, string audience, ILogger logger, Activity? activity)
    {
        for (var retries = 0; ; retries++)
        {
            try
            {
                var result = await attempt().ConfigureAwait(false);
                activity?.SetTag("auth0.retries", retries);
                return result;
            }
            catch (TokenRequestException failure) when (TryGetDelay(failure, retries, out var delay))
            {
                Log.RetryingTokenRequest(logger, audience, DescribeFailure(failure), retries + 1, _maxRetries, delay);
                Telemetry.Record(
                    Telemetry.Retries, Telemetry.GrantTypeTag, _grantType, Telemetry.AudienceTag, audience);
                await Task.Delay(delay, _timeProvider).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A short, secret-free name for a failure, for logs and metric tags: the OAuth error or the status.</summary>
    public static string DescribeFailure(TokenRequestException failure)
        => failure.Error
            ?? (failure.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "no_response");

    /// <summary>
    /// Whether a failure is retried, and after how long: the endpoint's <c>Retry-After</c> (or, for an exhausted
    /// rate limit, its reset time), else an exponential delay with up to 25 % jitter so that instances that failed
    /// together do not retry together.
    /// </summary>
    private bool TryGetDelay(TokenRequestException failure, int retriesSoFar, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (retriesSoFar >= _maxRetries || !_isRetryable(failure))
        {
            return false;
        }

        if (failure.RetryAfterHint is { } retryAfter)
        {
            delay = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
        }
        else if (failure is TokenRateLimitException { Remaining: 0, Reset: { } reset })
        {
            var untilReset = reset - _timeProvider.GetUtcNow();
            delay = untilReset < TimeSpan.Zero ? TimeSpan.Zero : untilReset;
        }
        else
        {
            // Our own backoff is capped rather than refused: it is ours to shorten.
            var backoff = FirstDelay * Math.Pow(2, retriesSoFar) * (1 + (Random.Shared.NextDouble() / 4));
            delay = backoff > _maxDelay ? _maxDelay : backoff;
            return true;
        }

        // The endpoint asked for a wait longer than callers should be held: fail now, with its answer.
        return delay <= _maxDelay;
    }
}
