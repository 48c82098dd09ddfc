using System;
using System.Text;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen;

/// <summary>
/// A user's credentials for one audience: an access token with its expiry, and the refresh token and ID token
/// stored with it.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> shows the audience, scope and expiry, and only whether each token is set, so
/// credentials can be logged or inspected in a debugger without exposing a token.
/// </remarks>
public sealed record Auth0Credentials
{
    /// <summary>The access token, without the <c>Bearer</c> prefix.</summary>
    public required string AccessToken { get; init; }

    /// <summary>When the access token expires, as the token response's <c>expires_in</c> said.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The API identifier the access token was issued for.</summary>
    public required string Audience { get; init; }

    /// <summary>
    /// The scopes the access token carries, space-separated: what Auth0 said it granted, or what was requested
    /// when the answer did not say. Null when none were requested or granted.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>The refresh token stored with these credentials, if any.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The ID token stored with these credentials, if any.</summary>
    public string? IdToken { get; init; }

    // Records print every property by default; this keeps the tokens out.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Audience = ").Append(Audience)
            .Append(", Scope = ").Append(Scope)
            .Append(", ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", AccessToken = ").Append(MessageText.Presence(AccessToken))
            .Append(", RefreshToken = ").Append(MessageText.Presence(RefreshToken))
            .Append(", IdToken = ").Append(MessageText.Presence(IdToken));
        return true;
    }
}
