namespace Auth0ClientGen;

/// <summary>What an <see cref="Auth0ApiAttribute"/> declared on an interface, as captured at compile time.</summary>
/// <param name="Audience">The declared audience, or <see langword="null"/> to use the configured default.</param>
/// <param name="BaseUrl">The declared base address, or <see langword="null"/> when none was declared.</param>
public sealed record Auth0ApiMetadata(string? Audience, string? BaseUrl);
