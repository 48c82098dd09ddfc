using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace Auth0ClientGen.Internal;

/// <summary>
/// The parameters of a <c>WWW-Authenticate: Bearer</c> challenge (RFC 6750 section 3) that say why a token was
/// refused: <c>error</c>, <c>error_description</c> and <c>scope</c>.
/// </summary>
internal sealed record BearerChallenge(string? Error, string? ErrorDescription, string? Scope)
{
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>The first Bearer challenge among <paramref name="challenges"/>, or null when there is none.</summary>
    public static BearerChallenge? Find(IEnumerable<AuthenticationHeaderValue>? challenges)
    {
        if (challenges is null)
        {
            return null;
        }

        foreach (var challenge in challenges)
        {
            if (challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return Parse(challenge.Parameter);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the comma-separated <c>name=value</c> pairs of a challenge, where a value is a token or a quoted
    /// string. Unknown names are skipped; a malformed remainder ends the reading with what was found so far.
    /// </summary>
    public static BearerChallenge Parse(string? parameters)
    {
        string? error = null, description = null, scope = null;
        var text = (parameters ?? string.Empty).AsSpan();
        while (true)
        {
            text = text.TrimStart(" \t,");
            var equals = text.IndexOf('=');
            if (equals <= 0)
            {
                break;
            }

            var name = text[..equals].Trim();
            text = text[(equals + 1)..].TrimStart(" \t");
            if (!TryReadValue(ref text, out var value))
            {
                break;
            }

            if (name.Equals("error", StringComparison.OrdinalIgnoreCase))
            {
                error ??= value;
            }
            else if (name.Equals("error_description", StringComparison.OrdinalIgnoreCase))
            {
                description ??= value;
            }
            else if (name.Equals("scope", StringComparison.OrdinalIgnoreCase))
            {
                scope ??= value;
            }
        }

        return new BearerChallenge(Empty(error), Empty(description), Empty(scope));
    }

    private static bool TryReadValue(ref ReadOnlySpan<char> text, out string value)
    {
        if (text.IsEmpty || text[0] != '"')
        {
            var end = text.IndexOf(',');
            value = (end < 0 ? text : text[..end]).Trim().ToString();
            text = end < 0 ? ReadOnlySpan<char>.Empty : text[end..];
            return true;
        }

        // A quoted string: a backslash escapes the next character (RFC 9110 section 5.6.4).
        var builder = new System.Text.StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[++i]);
            }
            else if (text[i] == '"')
            {
                value = builder.ToString();
                text = text[(i + 1)..];
                return true;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        value = string.Empty;
        return false;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
