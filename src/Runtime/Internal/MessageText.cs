using System;
using System.Text;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Formats values that exception messages and logs show, leaving out the parts that can carry secrets or
/// personal data.
/// </summary>
internal static class MessageText
{
    /// <summary>
    /// The address without user information, query string or fragment: user information can hold a password,
    /// and a query string can hold keys or personal data.
    /// </summary>
    public static string Address(Uri address)
    {
        if (address.IsAbsoluteUri)
        {
            return address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }

        var text = address.OriginalString;
        var end = text.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? text : text[..end];
    }

    /// <summary>
    /// Text from a remote party, made safe to quote in one line: control characters become spaces, and text
    /// longer than <paramref name="maxLength"/> is cut and ends with an ellipsis.
    /// </summary>
    public static string Quote(string text, int maxLength)
    {
        var cut = text.Length > maxLength;
        var builder = new StringBuilder(cut ? maxLength + 1 : text.Length);
        foreach (var character in cut ? text.AsSpan(0, maxLength) : text.AsSpan())
        {
            builder.Append(char.IsControl(character) ? ' ' : character);
        }

        // A cut between the halves of a surrogate pair would leave half a character behind.
        if (cut && builder.Length > 0 && char.IsHighSurrogate(builder[^1]))
        {
            builder.Length--;
        }

        return (cut ? builder.Append('…') : builder).ToString().Trim();
    }

    /// <summary>
    /// Replaces every occurrence of <paramref name="secret"/> in text a remote party sent, so a server that
    /// echoes the client secret or a token cannot put it into an exception.
    /// </summary>
    public static string? WithoutSecret(string? text, string secret)
        => text is null || secret.Length == 0 ? text : text.Replace(secret, "[redacted]", StringComparison.Ordinal);

    /// <summary>Shows whether a secret is set, and nothing of its value.</summary>
    public static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";

    /// <summary>Replaces every occurrence of each of <paramref name="secrets"/>, skipping null and empty ones.</summary>
    public static string? WithoutSecrets(string? text, ReadOnlySpan<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            text = WithoutSecret(text, secret ?? string.Empty);
        }

        return text;
    }
}
