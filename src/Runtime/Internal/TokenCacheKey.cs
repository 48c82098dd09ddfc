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

/// <summary>Puts OAuth scope strings into one canonical form, so equal sets compare equal.</summary>
internal static class ScopeSet
{
    /// <summary>
    /// Returns the scopes sorted ordinally, without duplicates, separated by single spaces; null when there are
    /// none. A string already in that form is returned as it is, without allocating, which is the common case:
    /// generated clients pass their scopes sorted.
    /// </summary>
    public static string? Normalize(string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return null;
        }

        if (IsCanonical(scope))
        {
            return scope;
        }

        var scopes = scope.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(scopes, StringComparer.Ordinal);
        var distinct = 1;
        for (var index = 1; index < scopes.Length; index++)
        {
            if (!string.Equals(scopes[index], scopes[distinct - 1], StringComparison.Ordinal))
            {
                scopes[distinct++] = scopes[index];
            }
        }

        return string.Join(' ', scopes, 0, distinct);
    }

    /// <summary>Whether the scopes are single-space separated, strictly ascending, and without other whitespace.</summary>
    private static bool IsCanonical(string scope)
    {
        var previous = ReadOnlySpan<char>.Empty;
        var rest = scope.AsSpan();
        while (true)
        {
            var end = rest.IndexOf(' ');
            var current = end < 0 ? rest : rest[..end];
            if (current.IsEmpty
                || HasWhitespace(current)
                || (!previous.IsEmpty && previous.SequenceCompareTo(current) >= 0))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            previous = current;
            rest = rest[(end + 1)..];
        }
    }

    private static bool HasWhitespace(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                return true;
            }
        }

        return false;
    }
}
