using System;
using Auth0ClientGen.Testing.Internal;
using Microsoft.AspNetCore.WebUtilities;

namespace Auth0ClientGen.Testing;

/// <summary>
/// A misbehaviour of <c>POST /oauth/token</c>, queued with <see cref="LocalAuth0Tenant.InjectTokenEndpointFault"/>
/// to test how a client copes with a slow, failing, rate-limited or broken token endpoint. A fault applies to one
/// request after the request was counted; most answer in place of the grant, so they issue no token.
/// </summary>
public sealed class TokenEndpointFault
{
    private TokenEndpointFault(TokenEndpointFaultKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    internal TokenEndpointFaultKind Kind { get; }

    internal TimeSpan DelayDuration { get; private init; }

    internal int StatusCode { get; private init; }

    internal string? ErrorCode { get; private init; }

    internal string? Description { get; private init; }

    internal string? TokenTypeValue { get; private init; }

    internal TimeSpan? RetryAfter { get; private init; }

    internal int Limit { get; private init; }

    internal int Remaining { get; private init; }

    internal DateTimeOffset Reset { get; private init; }

    private string Name { get; }

    /// <summary>
    /// Waits, then answers as if there were no fault. The wait runs on the real clock, as client timeouts do, not on
    /// <see cref="LocalAuth0TenantOptions.TimeProvider"/>. A client that gives up meanwhile, or is still waiting when
    /// the tenant stops, gets no answer: the connection is aborted.
    /// </summary>
    /// <param name="delay">How long to wait; zero or more.</param>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new TokenEndpointFault(TokenEndpointFaultKind.Delay, $"Delay({delay})") { DelayDuration = delay };
    }

    /// <summary>
    /// Answers with a status code and an Auth0-style <c>{error, error_description}</c> body: <c>server_error</c> for
    /// a 5xx, <c>temporarily_unavailable</c> for a 503, <c>too_many_requests</c> for a 429, otherwise
    /// <c>invalid_request</c>.
    /// </summary>
    /// <param name="statusCode">A status code from 400 to 599.</param>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault Status(int statusCode)
    {
        ThrowIfNotError(statusCode);
        var error = statusCode switch
        {
            503 => "temporarily_unavailable",
            429 => "too_many_requests",
            >= 500 => "server_error",
            _ => "invalid_request",
        };
        return new TokenEndpointFault(TokenEndpointFaultKind.Error, $"Status({statusCode})")
        {
            StatusCode = statusCode,
            ErrorCode = error,
            Description = ReasonPhrases.GetReasonPhrase(statusCode),
        };
    }

    /// <summary>
    /// Answers 429 as Auth0's rate limiter does: <c>Retry-After</c> in whole seconds (when given),
    /// <c>x-ratelimit-limit</c>, <c>x-ratelimit-remaining</c> and <c>x-ratelimit-reset</c> (Unix seconds), and the body
    /// <c>{"error":"too_many_requests","error_description":"Global limit has been reached"}</c>.
    /// </summary>
    /// <param name="retryAfter">
    /// The wait to announce, rounded up to whole seconds; <see langword="null"/> sends no <c>Retry-After</c>.
    /// </param>
    /// <param name="limit">The <c>x-ratelimit-limit</c>.</param>
    /// <param name="remaining">The <c>x-ratelimit-remaining</c>.</param>
    /// <param name="reset">The <c>x-ratelimit-reset</c>.</param>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault RateLimited(TimeSpan? retryAfter, int limit, int remaining, DateTimeOffset reset)
    {
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(remaining);
        return new TokenEndpointFault(TokenEndpointFaultKind.RateLimited, "RateLimited")
        {
            StatusCode = 429,
            ErrorCode = "too_many_requests",
            Description = "Global limit has been reached",
            RetryAfter = retryAfter,
            Limit = limit,
            Remaining = remaining,
            Reset = reset,
        };
    }

    /// <summary>
    /// Answers with an HTML error page, <c>text/html</c>, as a proxy or a load balancer in front would.
    /// </summary>
    /// <param name="statusCode">A status code from 200 to 599; a 200 stands for a captive portal's page.</param>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault Html(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new TokenEndpointFault(TokenEndpointFaultKind.Html, $"Html({statusCode})") { StatusCode = statusCode };
    }

    /// <summary>Answers 200 <c>application/json</c> with a body that stops in the middle of the object.</summary>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault TruncatedJson() =>
        new(TokenEndpointFaultKind.TruncatedJson, nameof(TruncatedJson));

    /// <summary>Answers 200 <c>application/json</c> with a body that is not JSON at all.</summary>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault MalformedJson() =>
        new(TokenEndpointFaultKind.MalformedJson, nameof(MalformedJson));

    /// <summary>Answers 200 with a well-formed token response that has no <c>access_token</c>.</summary>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault MissingAccessToken() =>
        new(TokenEndpointFaultKind.MissingAccessToken, nameof(MissingAccessToken));

    /// <summary>Runs the grant; when it issues a token, the response leaves out <c>expires_in</c>.</summary>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault MissingExpiresIn() =>
        new(TokenEndpointFaultKind.MissingExpiresIn, nameof(MissingExpiresIn));

    /// <summary>Runs the grant; when it issues a token, the response names another <c>token_type</c>.</summary>
    /// <param name="tokenType">The token type to send, such as <c>mac</c> or <c>DPoP</c>.</param>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault TokenType(string tokenType)
    {
        ArgumentNullException.ThrowIfNull(tokenType);
        return new TokenEndpointFault(TokenEndpointFaultKind.TokenType, $"TokenType({tokenType})")
        {
            TokenTypeValue = tokenType,
        };
    }

    /// <summary>
    /// Answers with an Auth0-style error, such as 401 <c>invalid_client</c> or 403 <c>unauthorized_client</c>,
    /// whatever the request held.
    /// </summary>
    /// <param name="statusCode">A status code from 400 to 599.</param>
    /// <param name="error">The <c>error</c>.</param>
    /// <param name="description">The <c>error_description</c>.</param>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault Error(int statusCode, string error, string description)
    {
        ThrowIfNotError(statusCode);
        ArgumentException.ThrowIfNullOrEmpty(error);
        ArgumentNullException.ThrowIfNull(description);
        return new TokenEndpointFault(TokenEndpointFaultKind.Error, $"Error({statusCode}, {error})")
        {
            StatusCode = statusCode,
            ErrorCode = error,
            Description = description,
        };
    }

    /// <summary>Aborts the connection without any response, as a crashed server or a cut network would.</summary>
    /// <returns>The fault.</returns>
    public static TokenEndpointFault Abort() => new(TokenEndpointFaultKind.Abort, nameof(Abort));

    /// <summary>The factory call that made this fault, for test output.</summary>
    /// <returns>Such as <c>Status(503)</c>.</returns>
    public override string ToString() => Name;

    private static void ThrowIfNotError(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
    }
}
