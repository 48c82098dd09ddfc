using System.Text;

namespace Auth0ClientGen.Generator.Emitter;

/// <summary>
/// Escapes text known at build time as the runtime's <c>Uri.EscapeDataString</c> does on .NET: every character but
/// the unreserved ones of RFC 3986 (letters, digits, '-', '.', '_', '~') becomes its UTF-8 bytes as %XX, and a lone
/// surrogate becomes U+FFFD. Written out rather than calling Uri.EscapeDataString, because the compiler may run the
/// generator on .NET Framework, whose escaping is not the same in every version.
/// </summary>
internal static class UriEscaping
{
    private const string HexDigits = "0123456789ABCDEF";

    public static string EscapeDataString(string text)
    {
        // Most names need no escaping, and are returned as they are rather than copied.
        if (IsUnreserved(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (IsUnreserved(b))
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return escaped.ToString();
    }

    private static bool IsUnreserved(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 || !IsUnreserved((byte)c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(byte b)
        => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
}
