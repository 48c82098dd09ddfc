using System;

namespace Auth0ClientGen.Internal;

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
