using System;
using System.Globalization;
using System.Text;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen;

/// <summary>
/// An access token kept in an <see cref="ICredentialsStore"/>, under the audience and the scopes it was requested
/// with.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> leaves the access token out. The constructor's parameters match the properties,
/// so the type round-trips through System.Text.Json.
/// </remarks>
public sealed record StoredAccessToken
{
    /// <summary>Creates a stored access token.</summary>
    /// <param name="audience">The API identifier the token was issued for.</param>
    /// <param name="scope">
    /// The scopes it was requested with, space-separated in any order; stored sorted and without repeats.
    /// </param>
    /// <param name="accessToken">The access token.</param>
    /// <param name="expiresAt">When it expires.</param>
    public StoredAccessToken(string audience, string? scope, string accessToken, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        Audience = audience;
        Scope = ScopeSet.Normalize(scope);
        AccessToken = accessToken;
        ExpiresAt = expiresAt;
    }

    /// <summary>The API identifier the token was issued for.</summary>
    public string Audience { get; }

    /// <summary>The scopes the token was requested with, sorted and space-separated; null for none.</summary>
    public string? Scope { get; }

    /// <summary>The access token, without the <c>Bearer</c> prefix.</summary>
    public string AccessToken { get; }

    /// <summary>When the access token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The scopes Auth0 said it granted, when its answer said; they can differ from those requested.</summary>
    public string? GrantedScope { get; init; }

    /// <summary>Whether the token was issued for <paramref name="audience"/> and <paramref name="scope"/>.</summary>
    internal bool IsFor(string audience, string? scope)
        => string.Equals(Audience, audience, StringComparison.Ordinal)
            && string.Equals(Scope, scope, StringComparison.Ordinal);

    /// <summary>Whether at <paramref name="now"/> the token lives more than <paramref name="minimumLifetime"/>.</summary>
    internal bool LivesLongerThan(TimeSpan minimumLifetime, DateTimeOffset now) => ExpiresAt - now > minimumLifetime;

    // Records print every property by default; this keeps the access token out.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Audience = ").Append(Audience)
            .Append(", Scope = ").Append(Scope)
            .Append(", GrantedScope = ").Append(GrantedScope)
            .Append(", ExpiresAt = ").Append(ExpiresAt.ToString("O", CultureInfo.InvariantCulture))
            .Append(", AccessToken = ").Append(MessageText.Presence(AccessToken));
        return true;
    }
}
