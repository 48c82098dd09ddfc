using System;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Everything that shapes an access token: who asks (the tenant and the client), for what (the audience and the
/// set of scopes), and on whose behalf (the organization). Two requests share a cached token only when all of
/// these are equal, so a token issued for one organization or scope set is never handed to a call for another.
/// </summary>
/// <remarks>
/// A struct of references: building and comparing one allocates nothing, which keeps the warm path free.
/// </remarks>
/// <param name="Domain">The tenant's origin, such as <c>https://tenant.us.auth0.com</c>.</param>
/// <param name="ClientId">The client the token is issued to.</param>
/// <param name="Audience">The API identifier.</param>
/// <param name="Scope">The scopes in canonical form (see <see cref="ScopeSet.Normalize"/>), or null for none.</param>
/// <param name="Organization">The Auth0 organization id or name, or null for none.</param>
internal readonly record struct TokenCacheKey(
    string Domain,
    string ClientId,
    string Audience,
    string? Scope,
    string? Organization)
{
    /// <summary>Describes the key for logs: every part is public, so nothing needs hiding.</summary>
    public override string ToString()
        => $"{Domain} {ClientId} {Audience} [{Scope}]{(Organization is null ? string.Empty : " org " + Organization)}";
}
