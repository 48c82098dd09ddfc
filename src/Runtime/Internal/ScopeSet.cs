using System;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Writes a space-separated scope list one way, sorted and without repeats, so equal sets of scopes find the same
/// stored access token however a caller spelled them.
/// </summary>
internal static class ScopeSet
{
    /// <summary>The scopes sorted ordinally, each once, joined by single spaces; null when there are none.</summary>
    public static string? Normalize(string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return null;
        }

        // Generated clients already pass sorted scopes; recognising that keeps the warm path free of allocations.
        if (IsNormalized(scope))
        {
            return scope;
        }

        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Array.Sort(scopes, StringComparer.Ordinal);
        var distinct = 0;
        foreach (var item in scopes)
        {
            if (distinct == 0 || !string.Equals(scopes[distinct - 1], item, StringComparison.Ordinal))
            {
                scopes[distinct++] = item;
            }
        }

        return string.Join(' ', scopes, 0, distinct);
    }

    private static bool IsNormalized(string scope)
    {
        var rest = scope.AsSpan();
        var previous = ReadOnlySpan<char>.Empty;
        while (true)
        {
            var end = rest.IndexOf(' ');
            var item = end < 0 ? rest : rest[..end];
            if (item.IsEmpty || item.ContainsAny('\t', '\r', '\n')
                || (!previous.IsEmpty && previous.SequenceCompareTo(item) >= 0))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            previous = item;
            rest = rest[(end + 1)..];
        }
    }
}
