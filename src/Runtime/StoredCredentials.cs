using System.Collections.Generic;
using System.Text;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen;

/// <summary>
/// Everything an <see cref="ICredentialsStore"/> keeps for one user: the refresh token and ID token once, and an
/// access token per audience and set of scopes.
/// </summary>
/// <remarks>
/// Instances are immutable: <see cref="WithAccessToken"/> and <c>with</c> expressions return new ones, so a store
/// can hand out the instance it holds. Record equality compares <see cref="AccessTokens"/> by reference.
/// <see cref="object.ToString"/> shows only whether each token is set.
/// </remarks>
public sealed record StoredCredentials
{
    /// <summary>The refresh token; null when the user has to log in again to get one.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The ID token from the last login or renewal that returned one.</summary>
    public string? IdToken { get; init; }

    /// <summary>The access tokens, at most one per audience and scope set.</summary>
    public IReadOnlyList<StoredAccessToken> AccessTokens { get; init; } = [];

    /// <summary>Finds the access token stored for <paramref name="audience"/> and <paramref name="scope"/>.</summary>
    /// <param name="audience">The API identifier.</param>
    /// <param name="scope">The scopes, space-separated in any order, or null for none.</param>
    /// <returns>The stored token, whether or not it has expired; null when there is none.</returns>
    public StoredAccessToken? FindAccessToken(string audience, string? scope)
    {
        var normalized = ScopeSet.Normalize(scope);

        // Indexed rather than foreach, which would box the list's enumerator on the warm token path.
        for (var i = 0; i < AccessTokens.Count; i++)
        {
            if (AccessTokens[i].IsFor(audience, normalized))
            {
                return AccessTokens[i];
            }
        }

        return null;
    }

    /// <summary>A copy in which <paramref name="accessToken"/> replaces the one for its audience and scopes.</summary>
    public StoredCredentials WithAccessToken(StoredAccessToken accessToken)
    {
        var accessTokens = new List<StoredAccessToken>(AccessTokens.Count + 1);
        foreach (var existing in AccessTokens)
        {
            if (!existing.IsFor(accessToken.Audience, accessToken.Scope))
            {
                accessTokens.Add(existing);
            }
        }

        accessTokens.Add(accessToken);
        return this with { AccessTokens = accessTokens };
    }

    // Records print every property by default; this keeps the tokens out.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("RefreshToken = ").Append(MessageText.Presence(RefreshToken))
            .Append(", IdToken = ").Append(MessageText.Presence(IdToken))
            .Append(", AccessTokens = ").Append(AccessTokens.Count);
        return true;
    }
}
