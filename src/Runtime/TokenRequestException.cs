using System;
using System.Net;

namespace Auth0ClientGen;

/// <summary>
/// Thrown when an access token could not be obtained from Auth0: the tenant refused the request, answered
/// with something that is not a token response, or could not be reached.
/// </summary>
/// <remarks>
/// The message says what went wrong and what to check. It never contains the client secret or a token.
/// </remarks>
public class TokenRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="error">The OAuth <c>error</c> code Auth0 returned, if any.</param>
    /// <param name="errorDescription">The <c>error_description</c> Auth0 returned, if any.</param>
    /// <param name="statusCode">The status code of the token endpoint's answer, or null when there was none.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public TokenRequestException(
        string message,
        string? error,
        string? errorDescription,
        HttpStatusCode? statusCode,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
    }

    /// <summary>
    /// The OAuth error code from the token endpoint, such as <c>access_denied</c> or <c>invalid_client</c>;
    /// <see langword="null"/> when the answer carried none or the endpoint was not reached.
    /// </summary>
    public string? Error { get; }

    /// <summary>The human-readable <c>error_description</c> from the token endpoint, if any.</summary>
    public string? ErrorDescription { get; }

    /// <summary>
    /// The status code the token endpoint answered with; <see langword="null"/> when no answer arrived.
    /// </summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// How long the endpoint asked to wait (its <c>Retry-After</c> header) with any status, such as a 503 during
    /// maintenance; the providers honour it between retries.
    /// </summary>
    internal TimeSpan? RetryAfterHint { get; init; }

    /// <summary>
    /// Whether the failure may pass by itself: no answer at all (a timeout, a connection that could not be
    /// opened), 408, 429 or a 5xx. A refusal, a redirect or a malformed success will not, so it is not retried.
    /// </summary>
    internal bool IsTransient => StatusCode is null
        or HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or >= HttpStatusCode.InternalServerError;
}
