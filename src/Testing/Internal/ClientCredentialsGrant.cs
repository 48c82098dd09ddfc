using System;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The client-credentials grant with Auth0's checks, in Auth0's order, and its error codes and descriptions.
/// </summary>
internal sealed class ClientCredentialsGrant(TenantDirectory directory, AccessTokenFactory accessTokenFactory)
{
    public TokenEndpointResponse Handle(TokenRequest request)
    {
        if (string.IsNullOrEmpty(request.GrantType))
        {
            return TokenEndpointResponse.InvalidRequest("Missing required parameter: grant_type");
        }

        if (request.GrantType != "client_credentials")
        {
            return TokenEndpointResponse.Error(
                StatusCodes.Status400BadRequest,
                "unsupported_grant_type",
                $"Unsupported grant type: {request.GrantType}");
        }

        if (string.IsNullOrEmpty(request.ClientId)
            || request.ClientSecret is null
            || !directory.AuthenticateClient(request.ClientId, request.ClientSecret))
        {
            return TokenEndpointResponse.Unauthorized();
        }

        if (string.IsNullOrEmpty(request.Audience))
        {
            return TokenEndpointResponse.InvalidRequest("Missing required parameter: audience");
        }

        // A blank scope parameter counts as no scope parameter at all.
        var requestedScopes = string.IsNullOrWhiteSpace(request.Scope)
            ? null
            : request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var decision = directory.Decide(request.ClientId, request.Audience, requestedScopes);
        return decision.Kind switch
        {
            GrantDecisionKind.UnknownAudience => TokenEndpointResponse.Error(
                StatusCodes.Status403Forbidden,
                "access_denied",
                $"Service not found: {request.Audience}"),
            GrantDecisionKind.NoGrant => TokenEndpointResponse.Error(
                StatusCodes.Status403Forbidden,
                "access_denied",
                $"Client is not authorized to access \"{request.Audience}\". "
                + "You need to create a \"client-grant\" associated to this API."),
            _ => TokenEndpointResponse.Success(
                accessTokenFactory.Create(request.ClientId, request.Audience, decision.Scopes)),
        };
    }
}
