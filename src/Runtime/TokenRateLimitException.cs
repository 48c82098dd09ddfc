using System;
using System.Net;

namespace Auth0ClientGen;

/// <summary>
/// Thrown when Auth0 answers a token request with 429 Too Many Requests. It carries what Auth0 said about its
/// limit, so a caller can wait before asking again.
/// </summary>
public sealed class TokenRateLimitException : TokenRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="error">The OAuth <c>error</c> code Auth0 returned, if any.</param>
    /// <param name="errorDescription">The <c>error_description</c> Auth0 returned, if any.</param>
    /// <param name="retryAfter">How long Auth0 asked to wait (<c>Retry-After</c>), if it said.</param>
    /// <param name="limit">The request limit (<c>x-ratelimit-limit</c>), if sent.</param>
    /// <param name="remaining">The requests left in the window (<c>x-ratelimit-remaining</c>), if sent.</param>
    /// <param name="reset">When the window resets (<c>x-ratelimit-reset</c>, Unix seconds), if sent.</param>
    public TokenRateLimitException(
        string message,
        string? error,
        string? errorDescription,
        TimeSpan? retryAfter,
        long? limit,
        long? remaining,
        DateTimeOffset? reset)
        : base(message, error, errorDescription, HttpStatusCode.TooManyRequests)
    {
        RetryAfter = retryAfter;
        RetryAfterHint = retryAfter;
        Limit = limit;
        Remaining = remaining;
        Reset = reset;
    }

    /// <summary>How long Auth0 asked to wait before the next request (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The number of requests allowed in the window (<c>x-ratelimit-limit</c>), if sent.</summary>
    public long? Limit { get; }

    /// <summary>The requests left in the window (<c>x-ratelimit-remaining</c>), if sent.</summary>
    public long? Remaining { get; }

    /// <summary>When the window resets (<c>x-ratelimit-reset</c>), if sent.</summary>
    public DateTimeOffset? Reset { get; }
}
