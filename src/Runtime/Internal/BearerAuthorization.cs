using System;
using System.Buffers;
using System.Linq;
using System.Net.Http;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Puts the access token on a request as the text of its Authorization header, <c>Bearer</c> and the token, built
/// once per token instead of once per call.
/// </summary>
/// <remarks>
/// Providers hand out the same cached token for many calls, so the last text is kept and reused while the token
/// stays the same. The header goes on as text, which a transport writes out as it is; a parsed
/// <see cref="System.Net.Http.Headers.AuthenticationHeaderValue"/> would be turned into a new string, as long as the
/// token, for every request sent. Because the text is added without the framework's validation, the token is
/// checked here before it is used: a line break in it would otherwise start a header of the server's choosing.
/// </remarks>
internal sealed class BearerAuthorization
{
    /// <summary>
    /// For generated clients constructed directly, which have no per-client instance. When they take turns with
    /// different tokens, each turn builds the text again, which is what every call cost before.
    /// </summary>
    public static readonly BearerAuthorization Shared = new();

    private const string HeaderName = "Authorization";
    private const string Prefix = "Bearer ";

    // What an access token may be made of: visible ASCII without the characters that would end or split a
    // credential in an Authorization header (quote, comma, backslash). This is looser than the b64token syntax of
    // RFC 6750 on purpose, since some servers issue opaque tokens with other punctuation; what matters is that the
    // header carries exactly the token, so spaces, line breaks and control characters are out.
    private static readonly SearchValues<char> TokenCharacters = SearchValues.Create(
        [.. Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(code => (char)code).Where(character => character is not ('"' or ',' or '\\'))]);

    private volatile Entry? _last;

    /// <summary>Whether <paramref name="accessToken"/> can be sent as it is after <c>Bearer</c>.</summary>
    public static bool IsWellFormed(string? accessToken)
        => accessToken is { Length: > 0 } && accessToken.AsSpan().IndexOfAnyExcept(TokenCharacters) < 0;

    /// <summary>Sets the request's Authorization header to <paramref name="accessToken"/>, replacing any other.</summary>
    /// <param name="request">The request to authorize.</param>
    /// <param name="accessToken">The token, as the credentials provider returned it.</param>
    /// <param name="apiName">The interface the call belongs to, for the message of a refused token.</param>
    /// <exception cref="InvalidOperationException">
    /// The token is null, empty, or holds a character that cannot be sent in the header. The token itself is not
    /// in the message.
    /// </exception>
    public void Apply(HttpRequestMessage request, string? accessToken, string apiName)
    {
        var last = _last;
        if (last is null || !string.Equals(last.AccessToken, accessToken, StringComparison.Ordinal))
        {
            if (!IsWellFormed(accessToken))
            {
                throw new InvalidOperationException(
                    $"The credentials provider of {apiName} returned an access token that cannot be sent: {Problem(accessToken)}."
                    + " Nothing was sent. Return the access token exactly as it was issued, without the Bearer prefix"
                    + " and without whitespace around it.");
            }

            last = new Entry(accessToken!, Prefix + accessToken);
            _last = last;
        }

        var headers = request.Headers;
        headers.Remove(HeaderName);
        headers.TryAddWithoutValidation(HeaderName, last.HeaderValue);
    }

    /// <summary>What is wrong with a token <see cref="IsWellFormed"/> refused, without quoting any of it.</summary>
    private static string Problem(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return "it is empty";
        }

        var text = accessToken.AsSpan();
        var trimmed = text.TrimStart();
        if (trimmed.Length > Prefix.Length
            && trimmed.StartsWith(Prefix.AsSpan()[..^1], StringComparison.OrdinalIgnoreCase)
            && char.IsWhiteSpace(trimmed[Prefix.Length - 1]))
        {
            return "it starts with the Bearer prefix, which the client adds itself";
        }

        if (text.ContainsAny('\r', '\n'))
        {
            return "it holds a line break";
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return "it starts or ends with whitespace";
        }

        var first = text[text.IndexOfAnyExcept(TokenCharacters)];
        return first switch
        {
            ' ' => "it holds a space",
            '"' or ',' or '\\' => "it holds a quote, a comma or a backslash, which would end or split it in the header",
            > '\u007F' => "it holds a character outside ASCII",
            _ => "it holds a control character",
        };
    }

    /// <summary>
    /// The bearer token in the request's Authorization header, or null when it has none. Read from the header's
    /// text, so that a token a header parser would refuse is found too: the callers redact what they find.
    /// </summary>
    public static string? SentToken(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.TryGetValues(HeaderName, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return value[Prefix.Length..].Trim();
            }
        }

        return null;
    }

    // One object, replaced whole, so that a reader never pairs a token with another token's text.
    private sealed record Entry(string AccessToken, string HeaderValue);
}
