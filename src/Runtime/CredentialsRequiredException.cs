using System;
using System.Net;

namespace Auth0ClientGen;

/// <summary>
/// Thrown when no access token can be had without the user logging in again: no refresh token is stored, or Auth0
/// refused the stored one (<c>invalid_grant</c>: expired, revoked, or revoked because it was used twice).
/// </summary>
/// <remarks>
/// Catch it to start a new login. Retrying without one fails the same way. The message never contains a token.
/// </remarks>
public sealed class CredentialsRequiredException : TokenRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="error">The OAuth <c>error</c> code Auth0 returned, or null when no request was sent.</param>
    /// <param name="errorDescription">The <c>error_description</c> Auth0 returned, if any.</param>
    /// <param name="statusCode">The token endpoint's status code, or null when no request was sent.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public CredentialsRequiredException(
        string message,
        string? error,
        string? errorDescription,
        HttpStatusCode? statusCode,
        Exception? innerException = null)
        : base(message, error, errorDescription, statusCode, innerException)
    {
    }
}
