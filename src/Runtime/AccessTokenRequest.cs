namespace Auth0ClientGen;

/// <summary>Describes the access token a call needs.</summary>
/// <param name="Audience">
/// The API identifier the token must be issued for, or <see langword="null"/> to use the provider's
/// configured default audience.
/// </param>
public readonly record struct AccessTokenRequest(string? Audience)
{
    /// <summary>
    /// The scopes the call needs, space-separated as OAuth writes them (<c>"read:users update:users"</c>), or
    /// <see langword="null"/> for the scopes the application is granted by default. Generated clients pass the
    /// union of the interface's and the method's <see cref="ScopesAttribute"/>, sorted, so equal sets share one
    /// cached token.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>
    /// The Auth0 organization (its ID, <c>org_…</c>, or its name) the token is for, or <see langword="null"/> for
    /// the provider's configured default. Tokens are cached per organization, so a token issued for one is never
    /// handed to a call for another.
    /// </summary>
    public string? Organization { get; init; }

    /// <summary>
    /// Whether to skip the cache and request a new token, because the API rejected the cached one. Providers
    /// that cannot renew return what they have.
    /// </summary>
    public bool ForceRenewal { get; init; }
}
