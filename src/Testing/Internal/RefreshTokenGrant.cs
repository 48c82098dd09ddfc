using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The refresh-token grant for an authenticated client, with Auth0's answers: 403 <c>invalid_grant</c> for a token
/// that is unknown, of another client, consumed or revoked, without saying which, so a thief learns nothing.
/// </summary>
internal sealed class RefreshTokenGrant(RefreshTokenStore store, AccessTokenFactory accessTokenFactory)
{
    public TokenEndpointResponse Handle(TokenRequest request, RegisteredClient client)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return TokenEndpointResponse.InvalidRequest("Missing required parameter: refresh_token");
        }

        var exchange = store.Exchange(
            client.ClientId, request.RefreshToken, request.Audience, request.RequestedScopes);
        switch (exchange.Kind)
        {
            case RefreshTokenExchangeKind.InvalidGrant:
                return TokenEndpointResponse.Error(
                    StatusCodes.Status403Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
            case RefreshTokenExchangeKind.AudienceNotAllowed:
                return TokenEndpointResponse.AccessDenied(
                    $"The refresh token was not issued for the audience \"{request.Audience}\".");
            case RefreshTokenExchangeKind.ScopeNotAllowed:
                // RFC 6749 section 6: a refresh may narrow the original scope but never widen it.
                return TokenEndpointResponse.Error(
                    StatusCodes.Status400BadRequest,
                    "invalid_scope",
                    "The requested scope exceeds the scope granted to the refresh token.");
        }

        var binding = exchange.Binding!;
        var accessToken = accessTokenFactory.Create(
            new AccessTokenClaims(binding.ClientId, binding.UserId, exchange.Audience, exchange.Scopes));
        return TokenEndpointResponse.Success(accessToken, exchange.Successor);
    }
}
