using System;
using System.Security.Cryptography;
using System.Text;

namespace Auth0ClientGen.Internal;

/// <summary>
/// The names a token has in the distributed cache and in Redis. Every part of the <see cref="TokenCacheKey"/>
/// goes into them, so two instances share an entry exactly when they would share a token in memory.
/// </summary>
/// <remarks>
/// The parts are escaped and joined into one canonical text, which binds an encrypted entry to its key
/// (associated data). The names hold a SHA-256 of that text rather than the text itself: a scope list can be
/// longer than a cache key may be, and the names then reveal no audience or organization to a reader of Redis.
/// The version changes whenever the entry's format does, so instances of two versions never read each other's
/// entries.
/// </remarks>
internal sealed class DistributedTokenKeys
{
    /// <summary>The namespace and format version shared by every name.</summary>
    public const string Prefix = "auth0clientgen:v1:";

    private DistributedTokenKeys(string canonical, string entry, string lease)
    {
        Canonical = canonical;
        Entry = entry;
        Lease = lease;
    }

    /// <summary>The key's parts, each escaped, joined by <c>|</c>; an absent scope or organization is empty.</summary>
    public string Canonical { get; }

    /// <summary>The <c>HybridCache</c> key of the encrypted token.</summary>
    public string Entry { get; }

    /// <summary>The Redis key of the lease held while one instance fetches the token.</summary>
    public string Lease { get; }

    public static DistributedTokenKeys For(TokenCacheKey key)
    {
        // Escaping turns every '|' inside a part into %7C, so the separator cannot be forged by a part, and an
        // absent part (empty) differs from every present one: scopes and organizations are never empty.
        var canonical = string.Join(
            '|',
            Uri.EscapeDataString(key.Domain),
            Uri.EscapeDataString(key.ClientId),
            Uri.EscapeDataString(key.Audience),
            Uri.EscapeDataString(key.Scope ?? string.Empty),
            Uri.EscapeDataString(key.Organization ?? string.Empty));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new DistributedTokenKeys(canonical, Prefix + "token:" + hash, Prefix + "lease:" + hash);
    }
}
