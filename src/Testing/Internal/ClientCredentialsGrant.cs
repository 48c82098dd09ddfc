using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The client-credentials grant for an authenticated client, with Auth0's checks, in Auth0's order, and its error
/// codes and descriptions.
/// </summary>
internal sealed class ClientCredentialsGrant(TenantDirectory directory, AccessTokenFactory accessTokenFactory)
{
    public TokenEndpointResponse Handle(TokenRequest request, RegisteredClient client)
    {
        // Auth0 lets only confidential clients (machine-to-machine, regular web apps) use this grant.
        if (client.IsPublic)
        {
            return TokenEndpointResponse.Error(
                StatusCodes.Status403Forbidden,
                "unauthorized_client",
                "Grant type 'client_credentials' not allowed for the client.");
        }

        if (string.IsNullOrEmpty(request.Audience))
        {
            return TokenEndpointResponse.InvalidRequest("Missing required parameter: audience");
        }

        // A blank organization parameter counts as none, like a blank scope.
        var organization = string.IsNullOrWhiteSpace(request.Organization) ? null : request.Organization;
        var decision = directory.Decide(client.ClientId, request.Audience, request.RequestedScopes, organization);
        return decision.Kind switch
        {
            GrantDecisionKind.UnknownAudience =>
                TokenEndpointResponse.AccessDenied($"Service not found: {request.Audience}"),
            GrantDecisionKind.NoGrant => TokenEndpointResponse.AccessDenied(
                $"Client is not authorized to access \"{request.Audience}\". "
                + "You need to create a \"client-grant\" associated to this API."),
            GrantDecisionKind.UnknownOrganization =>
                TokenEndpointResponse.AccessDenied($"The organization \"{organization}\" does not exist."),
            GrantDecisionKind.OrganizationNotAllowed => TokenEndpointResponse.AccessDenied(
                $"Client \"{client.ClientId}\" is not allowed to access \"{request.Audience}\" "
                + $"on behalf of the organization \"{organization}\"."),
            GrantDecisionKind.ScopesNotGranted => TokenEndpointResponse.AccessDenied(
                $"Client has not been granted scopes: {string.Join(' ', decision.Scopes)}"),
            _ => TokenEndpointResponse.Success(accessTokenFactory.Create(new AccessTokenClaims(
                client.ClientId, client.ClientId + "@clients", request.Audience, decision.Scopes)
            {
                GrantType = "client-credentials",
                Organization = decision.Organization,
            })),
        };
    }
}
