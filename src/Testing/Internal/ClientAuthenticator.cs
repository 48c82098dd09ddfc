using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Works out which client sent a token request, the same way for every grant: a confidential client proves itself
/// with its secret or with a signed client assertion (private_key_jwt), a public client sends its id alone.
/// A wrong or missing secret gets Auth0's bare 401 <c>access_denied</c> <c>Unauthorized</c>, which does not tell an
/// unknown client from a wrong secret; a bad assertion gets 401 <c>invalid_client</c> with the reason.
/// </summary>
internal sealed class ClientAuthenticator(TenantDirectory directory, ClientAssertionValidator assertionValidator)
{
    public (RegisteredClient? Client, TokenEndpointResponse? Error) Authenticate(TokenRequest request)
    {
        if (request.ClientAssertion is not null || request.ClientAssertionType is not null)
        {
            return AuthenticateWithAssertion(request);
        }

        if (string.IsNullOrEmpty(request.ClientId))
        {
            return (null, TokenEndpointResponse.Unauthorized());
        }

        var client = directory.FindClient(request.ClientId);
        if (client is null)
        {
            return (null, TokenEndpointResponse.Unauthorized());
        }

        if (client.PublicKey is not null)
        {
            return (null, InvalidClient("The client must authenticate with a client_assertion (private_key_jwt)."));
        }

        // A public client has no secret to send; one that sends a secret anyway is not who it claims to be.
        var authenticated = client.IsPublic
            ? request.ClientSecret is null
            : request.ClientSecret is not null && client.SecretMatches(request.ClientSecret);
        return authenticated ? (client, null) : (null, TokenEndpointResponse.Unauthorized());
    }

    private (RegisteredClient? Client, TokenEndpointResponse? Error) AuthenticateWithAssertion(TokenRequest request)
    {
        // RFC 6749 section 2.3: a client uses one authentication method per request.
        if (request.ClientSecret is not null)
        {
            return (null, TokenEndpointResponse.InvalidRequest(
                "Authenticate the client either with a client_secret or with a client_assertion, not both."));
        }

        if (request.ClientAssertionType != ClientAssertionValidator.JwtBearerAssertionType)
        {
            return (null, InvalidClient(
                $"client_assertion_type must be {ClientAssertionValidator.JwtBearerAssertionType}."));
        }

        if (string.IsNullOrEmpty(request.ClientAssertion))
        {
            return (null, InvalidClient("Missing required parameter: client_assertion"));
        }

        // RFC 7523 section 3: client_id may be left out, since the assertion's sub names the client.
        var clientId = string.IsNullOrEmpty(request.ClientId)
            ? ClientAssertionValidator.ReadSubject(request.ClientAssertion)
            : request.ClientId;
        var client = string.IsNullOrEmpty(clientId) ? null : directory.FindClient(clientId);
        if (client?.PublicKey is null)
        {
            return (null, InvalidClient("The client has no credential to check a client_assertion with."));
        }

        var assertionError = assertionValidator.Validate(request.ClientAssertion, client);
        return assertionError is null ? (client, null) : (null, InvalidClient(assertionError));
    }

    private static TokenEndpointResponse InvalidClient(string description) =>
        TokenEndpointResponse.Error(StatusCodes.Status401Unauthorized, "invalid_client", description);
}
