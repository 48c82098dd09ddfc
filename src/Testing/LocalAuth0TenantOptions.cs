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
}
