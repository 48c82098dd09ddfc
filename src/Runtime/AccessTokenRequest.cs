namespace Auth0ClientGen;

/// <summary>Describes the access token a call needs.</summary>
/// <param name="Audience">
/// The API identifier the token must be issued for, or <see langword="null"/> to use the provider's
/// configured default audience.
/// </param>
public readonly record struct AccessTokenRequest(string? Audience);
