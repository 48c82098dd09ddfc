using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Sends a read token request to the grant its <c>grant_type</c> names, after authenticating the client, which every
/// grant needs and Auth0 checks first.
/// </summary>
internal sealed class TokenGrants(
    ClientAuthenticator clientAuthenticator,
    ClientCredentialsGrant clientCredentials,
    RefreshTokenGrant refreshToken)
{
    public TokenEndpointResponse Handle(TokenRequest request)
    {
        if (string.IsNullOrEmpty(request.GrantType))
        {
            return TokenEndpointResponse.InvalidRequest("Missing required parameter: grant_type");
        }

        if (request.GrantType is not ("client_credentials" or "refresh_token"))
        {
            return TokenEndpointResponse.Error(
                StatusCodes.Status400BadRequest,
                "unsupported_grant_type",
                $"Unsupported grant type: {request.GrantType}");
        }

        var (client, authenticationError) = clientAuthenticator.Authenticate(request);
        if (client is null)
        {
            return authenticationError!;
        }

        return request.GrantType == "client_credentials"
            ? clientCredentials.Handle(request, client)
            : refreshToken.Handle(request, client);
    }
}
