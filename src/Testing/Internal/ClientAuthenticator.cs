namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Works out which client sent a token request, the same way for every grant: a confidential client proves itself
/// with its secret, a public client sends its id alone. Every failure gets Auth0's bare 401 <c>Unauthorized</c>, which
/// does not tell an unknown client from a wrong secret.
/// </summary>
internal sealed class ClientAuthenticator(TenantDirectory directory)
{
    public (RegisteredClient? Client, TokenEndpointResponse? Error) Authenticate(TokenRequest request)
    {
        if (string.IsNullOrEmpty(request.ClientId))
        {
            return (null, TokenEndpointResponse.Unauthorized());
        }

        var client = directory.FindClient(request.ClientId);
        if (client is null)
        {
            return (null, TokenEndpointResponse.Unauthorized());
        }

        // A public client has no secret to send; one that sends a secret anyway is not who it claims to be.
        var authenticated = client.IsPublic
            ? request.ClientSecret is null
            : request.ClientSecret is not null && client.SecretMatches(request.ClientSecret);
        return authenticated ? (client, null) : (null, TokenEndpointResponse.Unauthorized());
    }
}
