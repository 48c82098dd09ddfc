using System;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace Auth0ClientGen.Internal;

/// <summary>Failures of the refresh token grant, which call for other advice than the client credentials grant.</summary>
internal static partial class TokenRequestErrors
{
    private const string LoginAgainAdvice =
        "The user must log in again; store the refresh token from that login in the credentials store.";

    /// <summary>Explains that no refresh token is stored, so none can be exchanged.</summary>
    public static CredentialsRequiredException NoRefreshToken(string audience)
        => new(
            $"No refresh token is stored, so no access token can be requested for audience '{audience}'."
            + $" {LoginAgainAdvice} Ask for the offline_access scope at login, and allow the Refresh Token grant"
            + " for the application in Auth0, to receive one.",
            error: null,
            errorDescription: null,
            statusCode: null);

    /// <summary>
    /// Explains a refresh token grant that returned no usable access token. <c>invalid_grant</c> becomes a
    /// <see cref="CredentialsRequiredException"/>; everything else is explained as for any token request.
    /// </summary>
    /// <param name="response">The token endpoint's answer.</param>
    /// <param name="endpoint">The token endpoint, named in the message.</param>
    /// <param name="audience">The audience the token was requested for.</param>
    /// <param name="now">The provider's clock when the answer arrived.</param>
    /// <param name="clientSecret">Removed from the endpoint's error text; null for a public application.</param>
    /// <param name="refreshToken">Removed from the endpoint's error text, should the endpoint echo it.</param>
    public static TokenRequestException FromRefreshResponse(
        TokenResponse response,
        Uri endpoint,
        string audience,
        DateTimeOffset now,
        string? clientSecret,
        string refreshToken)
    {
        if (response is not { HttpResponse: { } httpResponse, Json.ValueKind: JsonValueKind.Object })
        {
            return FromResponse(response, endpoint, audience, now, clientSecret, refreshToken);
        }

        ReadOnlySpan<string?> secrets = [clientSecret, refreshToken];
        var error = MessageText.WithoutSecrets(response.TryGet("error"), secrets);
        var description = MessageText.WithoutSecrets(response.TryGet("error_description"), secrets);
        var advice = error switch
        {
            // Auth0 answers invalid_grant for a refresh token that expired, was revoked, or was presented again
            // after rotation replaced it; in the last case it has revoked every token of the family.
            "invalid_grant" => LoginAgainAdvice,
            // The refresh token carries the audiences the user consented to at login; others are refused.
            "access_denied" =>
                "The user's login did not include this audience: log the user in again asking for it, or check"
                + " that the audience is the API's identifier.",
            "unauthorized_client" =>
                "Allow the Refresh Token grant for the application in Auth0 (Applications > the application >"
                + " Advanced Settings > Grant Types).",
            _ => null,
        };
        if (advice is null)
        {
            return FromResponse(response, endpoint, audience, now, clientSecret, refreshToken);
        }

        var statusCode = httpResponse.StatusCode;
        var detail = description is null ? string.Empty : $": {MessageText.Quote(description, 300)}";
        var message = $"Auth0 refused the refresh token for audience '{audience}' ({(int)statusCode}"
            + $" {MessageText.Quote(error!, 100)}{detail}). {advice}";
        return error == "invalid_grant"
            ? new CredentialsRequiredException(message, error, description, statusCode)
            : new TokenRequestException(message, error, description, statusCode);
    }
}
