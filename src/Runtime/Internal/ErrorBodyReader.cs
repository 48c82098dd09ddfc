using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using System.Threading.Tasks;
using System.Threading;

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

        // A JSON body can carry the token with characters escaped (\u002B for "+", \/ for "/"), which a
        // reader decodes back into the token, so the escaped spellings go too.
        foreach (var escaped in JsonSpellings(accessToken))
        {
            body = body.Replace(escaped, Redacted, StringComparison.Ordinal);
        }

        if (!truncated)
        {
            return RedactJsonStrings(body, accessToken);
        }

        // A cut body is not valid JSON, so its strings cannot be decoded by a parser; decode escapes by hand.
        body = RedactEscapedSpellings(body, accessToken);

        for (var length = Math.Min(accessToken.Length - 1, body.Length); length >= MinRedactedPrefixLength; length--)
        {
            if (body.AsSpan(body.Length - length).SequenceEqual(accessToken.AsSpan(0, length)))
            {
                return string.Concat(body.AsSpan(0, body.Length - length), Redacted);
            }
        }

        return body;
    }

    private static IEnumerable<string> JsonSpellings(string accessToken)
    {
        var strict = JsonEncodedText.Encode(accessToken).ToString();
        var relaxed = JsonEncodedText.Encode(accessToken, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        return new[] { strict, relaxed, relaxed.Replace("/", "\\/", StringComparison.Ordinal) }
            .Where(spelling => spelling != accessToken)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Finds the token written with JSON escapes of any kind (<c>\u0065</c> for "e", <c>\/</c> for "/") in text
    /// that cannot be parsed, such as a cut body, by decoding every escape while remembering where each decoded
    /// character came from, and replaces the escaped spelling.
    /// </summary>
    private static string RedactEscapedSpellings(string body, string accessToken)
    {
        if (!body.Contains('\\'))
        {
            return body;
        }

        var decoded = new StringBuilder(body.Length);
        var sourceStart = new List<int>(body.Length);
        for (var index = 0; index < body.Length;)
        {
            var start = index;
            var character = body[index];
            if (character == '\\' && index + 1 < body.Length)
            {
                var escape = body[index + 1];
                if (escape == 'u' && index + 5 < body.Length
                    && ushort.TryParse(body.AsSpan(index + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    character = (char)code;
                    index += 6;
                }
                else
                {
                    character = escape switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => escape };
                    index += 2;
                }
            }
            else
            {
                index++;
            }

            decoded.Append(character);
            sourceStart.Add(start);
        }

        var text = decoded.ToString();
        var found = text.LastIndexOf(accessToken, StringComparison.Ordinal);
        if (found < 0)
        {
            return body;
        }

        // Replace from the end, so earlier positions stay valid.
        var result = new StringBuilder(body);
        while (found >= 0)
        {
            var from = sourceStart[found];
            var afterLast = found + accessToken.Length < sourceStart.Count
                ? sourceStart[found + accessToken.Length]
                : body.Length;
            result.Remove(from, afterLast - from).Insert(from, Redacted);
            found = found == 0 ? -1 : text.LastIndexOf(accessToken, found - 1, StringComparison.Ordinal);
        }

        return result.ToString();
    }

    /// <summary>
    /// For a complete JSON body, decodes every string and replaces it when it still holds the token under an
    /// escaping not covered above, such as \u escapes of letters.
    /// </summary>
    private static string RedactJsonStrings(string body, string accessToken)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return body;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        return root is not null && ReplaceInStrings(root, accessToken) ? root.ToJsonString() : body;
    }

    private static bool ReplaceInStrings(JsonNode node, string accessToken)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject jsonObject:
                foreach (var (name, child) in jsonObject.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains(accessToken, StringComparison.Ordinal))
                    {
                        jsonObject[name] = text.Replace(accessToken, Redacted, StringComparison.Ordinal);
                        changed = true;
                    }
                    else if (child is not null)
                    {
                        changed |= ReplaceInStrings(child, accessToken);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains(accessToken, StringComparison.Ordinal))
                    {
                        array[i] = text.Replace(accessToken, Redacted, StringComparison.Ordinal);
                        changed = true;
                    }
                    else if (array[i] is { } child)
                    {
                        changed |= ReplaceInStrings(child, accessToken);
                    }
                }

                break;
        }

        return changed;
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
