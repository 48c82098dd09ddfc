using System;

namespace Auth0ClientGen.Testing;

/// <summary>
/// Settings for a <see cref="LocalAuth0Tenant"/>. Every property has a default that mirrors a fresh Auth0 tenant.
/// </summary>
public sealed class LocalAuth0TenantOptions
{
    /// <summary>
    /// How long an issued access token stays valid; also the <c>expires_in</c> of the token response.
    /// Auth0's default for an API is 86400 seconds. Only whole seconds count, and at least one is needed.
    /// <see cref="LocalAuth0Tenant.TokenLifetime"/> changes it while the tenant runs.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(86400);

    /// <summary>
    /// Whether the tenant starts with the Management API, the quickstart API and the default client
    /// (<see cref="LocalAuth0Tenant.DefaultClientId"/>) granted every scope of both.
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool SeedDefaults { get; set; } = true;

    /// <summary>
    /// The clock used for the <c>iat</c> and <c>exp</c> claims, for user timestamps, and by the protected API when it
    /// checks a token's lifetime. Defaults to <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether refresh tokens rotate: each exchange consumes the refresh token and answers with a new one, and a
    /// consumed token presented again (after <see cref="RefreshTokenReuseInterval"/>) revokes its whole family, as
    /// Auth0's reuse detection does. Without rotation a refresh token works any number of times and exchanges answer
    /// with no <c>refresh_token</c>. Defaults to <see langword="true"/>.
    /// </summary>
    public bool RefreshTokenRotation { get; set; } = true;

    /// <summary>
    /// Auth0's reuse interval: for this long after a rotating refresh token was first exchanged, exchanging it again
    /// still succeeds instead of counting as reuse, for clients whose first answer was lost. Measured with
    /// <see cref="TimeProvider"/>. Defaults to zero: any second exchange is reuse.
    /// </summary>
    public TimeSpan RefreshTokenReuseInterval { get; set; } = TimeSpan.Zero;
}
