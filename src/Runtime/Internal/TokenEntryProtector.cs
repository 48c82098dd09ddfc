using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Auth0ClientGen.Internal;

/// <summary>A token as the distributed cache holds it: the access token and when it expires.</summary>
internal sealed record DistributedAccessToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Encrypts the entries of the distributed token cache, so that whoever can read Redis cannot read a usable token,
/// and binds each entry to its key, so that an entry copied under another key does not decrypt.
/// </summary>
/// <remarks>
/// The plain entry is one format byte, the expiry in Unix milliseconds (8 bytes, big-endian) and the access token
/// in UTF-8. The expiry travels inside the encryption, so a reader works out its own remaining lifetime and nobody
/// can lengthen an entry's life without the key.
/// </remarks>
internal abstract class TokenEntryProtector
{
    private const byte PlainFormat = 1;

    /// <summary>Encrypts <paramref name="token"/> for the entry whose canonical key is <paramref name="canonicalKey"/>.</summary>
    public byte[] Protect(DistributedAccessToken token, string canonicalKey)
    {
        var plain = new byte[9 + Encoding.UTF8.GetByteCount(token.AccessToken)];
        plain[0] = PlainFormat;
        BinaryPrimitives.WriteInt64BigEndian(plain.AsSpan(1), token.ExpiresAt.ToUnixTimeMilliseconds());
        Encoding.UTF8.GetBytes(token.AccessToken, plain.AsSpan(9));
        try
        {
            return Encrypt(plain, canonicalKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The token, or null when the entry is corrupt, was written under another key, or with another key.</summary>
    public DistributedAccessToken? Unprotect(byte[] entry, string canonicalKey)
    {
        byte[]? plain;
        try
        {
            plain = Decrypt(entry, canonicalKey);
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (plain is null || plain.Length <= 9 || plain[0] != PlainFormat)
        {
            return null;
        }

        try
        {
            var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(plain.AsSpan(1)));
            return new DistributedAccessToken(Encoding.UTF8.GetString(plain, 9, plain.Length - 9), expiresAt);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    protected abstract byte[] Encrypt(byte[] plain, string canonicalKey);

    /// <returns>The plain entry, or null when it cannot be decrypted.</returns>
    protected abstract byte[]? Decrypt(byte[] entry, string canonicalKey);

    /// <summary>The associated data that binds an entry to its key and to this format.</summary>
    protected static byte[] AssociatedData(string canonicalKey)
        => Encoding.UTF8.GetBytes(DistributedTokenKeys.Prefix + canonicalKey);
}

/// <summary>AES-256-GCM with a configured key: a random 96-bit nonce per entry, the key binding as associated data.</summary>
internal sealed class AesGcmTokenEntryProtector(byte[] key) : TokenEntryProtector
{
    private const byte Format = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    /// <summary>Reads a base64 key of 32 bytes; null when the text is not one.</summary>
    public static byte[]? ParseKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var length) && length == 32
            ? buffer[..length]
            : null;
    }

    protected override byte[] Encrypt(byte[] plain, string canonicalKey)
    {
        var entry = new byte[HeaderSize + plain.Length];
        entry[0] = Format;
        var nonce = entry.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(
            nonce,
            plain,
            entry.AsSpan(HeaderSize),
            entry.AsSpan(1 + NonceSize, TagSize),
            AssociatedData(canonicalKey));
        return entry;
    }

    protected override byte[]? Decrypt(byte[] entry, string canonicalKey)
    {
        if (entry.Length <= HeaderSize || entry[0] != Format)
        {
            return null;
        }

        var plain = new byte[entry.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            entry.AsSpan(1, NonceSize),
            entry.AsSpan(HeaderSize),
            entry.AsSpan(1 + NonceSize, TagSize),
            plain,
            AssociatedData(canonicalKey));
        return plain;
    }
}

/// <summary>
/// The application's Data Protection, with a purpose per key, which binds an entry to its key as associated data
/// would. Instances must share a key ring (for example <c>PersistKeysToStackExchangeRedis</c>).
/// </summary>
internal sealed class DataProtectionTokenEntryProtector(IDataProtectionProvider provider) : TokenEntryProtector
{
    private const string Purpose = "Auth0ClientGen.DistributedTokenCache.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    protected override byte[] Encrypt(byte[] plain, string canonicalKey)
        => _protector.CreateProtector(canonicalKey).Protect(plain);

    protected override byte[]? Decrypt(byte[] entry, string canonicalKey)
        => _protector.CreateProtector(canonicalKey).Unprotect(entry);
}
