using System;
using System.Buffers;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Internal;

/// <summary>Reads the start of an error response's body as text, for <see cref="ApiException.Content"/>.</summary>
internal static class ErrorBodyReader
{
    public const string Redacted = "[redacted]";

    // A cut body may end in the first characters of the access token. Shorter endings are left alone, since they
    // match some token prefix by chance too often to be worth garbling the body's last characters for.
    private const int MinRedactedPrefixLength = 8;

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> of the body and decodes them with the content's charset, or
    /// UTF-8 when it names none or one this runtime does not know.
    /// </summary>
    /// <returns>The text, and whether the body went on beyond <paramref name="maxBytes"/>.</returns>
    public static async Task<(string Text, bool Truncated)> ReadAsync(
        HttpContent content,
        int maxBytes,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            // One byte beyond the limit tells a body of exactly maxBytes from a longer one.
            var filled = 0;
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (filled <= maxBytes)
                {
                    var read = await stream
                        .ReadAsync(buffer.AsMemory(filled, maxBytes + 1 - filled), cancellationToken)
                        .ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                }
            }

            var truncated = filled > maxBytes;
            var text = Decode(buffer.AsSpan(0, Math.Min(filled, maxBytes)), content, truncated);
            return (text, truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Replaces every occurrence of <paramref name="accessToken"/> in <paramref name="body"/>, and, when the body
    /// was cut, a start of the token it ends with.
    /// </summary>
    public static string Redact(string body, string? accessToken, bool truncated)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return body;
        }

        body = body.Replace(accessToken, Redacted, StringComparison.Ordinal);
        if (!truncated)
        {
            return body;
        }

        for (var length = Math.Min(accessToken.Length - 1, body.Length); length >= MinRedactedPrefixLength; length--)
        {
            if (body.AsSpan(body.Length - length).SequenceEqual(accessToken.AsSpan(0, length)))
            {
                return string.Concat(body.AsSpan(0, body.Length - length), Redacted);
            }
        }

        return body;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, HttpContent content, bool truncated)
    {
        var encoding = FindEncoding(content.Headers.ContentType?.CharSet);
        var preamble = encoding.Preamble;
        if (!preamble.IsEmpty && bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }

        // Without flushing, the decoder holds back a character the cut split, instead of emitting U+FFFD for it.
        var decoder = encoding.GetDecoder();
        var characters = new char[decoder.GetCharCount(bytes, flush: !truncated)];
        var count = decoder.GetChars(bytes, characters, flush: !truncated);
        return new string(characters, 0, count);
    }

    private static Encoding FindEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
