using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The refresh tokens a tenant has issued, each bound to one client, one user, the audiences it may be exchanged for
/// and the scopes it was granted. With rotation, every exchange consumes the token and issues its successor in the same
/// family; presenting a consumed token again after the reuse interval is taken as theft, and Auth0 answers it by
/// revoking the whole family, so the thief's and the rightful holder's tokens stop working alike.
/// Known shortcoming: refresh tokens never expire; Auth0's absolute and inactivity lifetimes would need an issue time
/// and a last-use time per token, checked in <see cref="Exchange"/>.
/// </summary>
internal sealed class RefreshTokenStore(TimeProvider timeProvider, bool rotation, TimeSpan reuseInterval)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredRefreshToken> _tokens = new(StringComparer.Ordinal);
    private int _reuseCount;

    public int ReuseCount => Volatile.Read(ref _reuseCount);

    public string Issue(string clientId, string userId, IReadOnlyList<string> audiences, IReadOnlyList<string> scopes)
    {
        var grant = new RefreshTokenBinding(clientId, userId, [.. audiences], [.. scopes]);
        lock (_gate)
        {
            return Add(grant, new RefreshTokenFamily());
        }
    }

    /// <summary>Whether the family of <paramref name="refreshToken"/> was revoked; throws for unknown tokens.</summary>
    public bool IsFamilyRevoked(string refreshToken)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(refreshToken, out var stored))
            {
                throw new ArgumentException("The tenant never issued this refresh token.", nameof(refreshToken));
            }

            return stored.Family.Revoked;
        }
    }

    /// <summary>
    /// Exchanges a refresh token for the audience and scopes asked for, checking everything before consuming the token,
    /// so a request turned away for its audience or scope leaves the token as it was.
    /// </summary>
    public RefreshTokenExchange Exchange(
        string clientId,
        string refreshToken,
        string? requestedAudience,
        IReadOnlyCollection<string>? requestedScopes)
    {
        lock (_gate)
        {
            // A token of another client is as unknown to this one as a made-up string.
            if (!_tokens.TryGetValue(refreshToken, out var stored)
                || stored.Binding.ClientId != clientId
                || stored.Family.Revoked)
            {
                return RefreshTokenExchange.Failed(RefreshTokenExchangeKind.InvalidGrant);
            }

            var binding = stored.Binding;
            var audience = string.IsNullOrEmpty(requestedAudience) ? binding.Audiences[0] : requestedAudience;
            if (!binding.Audiences.Contains(audience, StringComparer.Ordinal))
            {
                return RefreshTokenExchange.Failed(RefreshTokenExchangeKind.AudienceNotAllowed);
            }

            if (requestedScopes is not null && !requestedScopes.All(binding.Scopes.Contains))
            {
                return RefreshTokenExchange.Failed(RefreshTokenExchangeKind.ScopeNotAllowed);
            }

            var scopes = requestedScopes is null
                ? binding.Scopes
                : requestedScopes.Distinct(StringComparer.Ordinal).ToArray();
            if (!rotation)
            {
                return RefreshTokenExchange.Exchanged(binding, audience, scopes, successor: null);
            }

            var now = timeProvider.GetUtcNow();
            if (stored.UsedAt is { } usedAt && now - usedAt >= reuseInterval)
            {
                stored.Family.Revoked = true;
                Interlocked.Increment(ref _reuseCount);
                return RefreshTokenExchange.Failed(RefreshTokenExchangeKind.InvalidGrant);
            }

            // Within the reuse interval a consumed token works once more, for a client whose first answer got lost;
            // it keeps the time of its first use, so the interval is not stretched by each retry.
            stored.UsedAt ??= now;
            return RefreshTokenExchange.Exchanged(binding, audience, scopes, Add(binding, stored.Family));
        }
    }

    private string Add(RefreshTokenBinding binding, RefreshTokenFamily family)
    {
        // Opaque, like Auth0's: nothing about the grant can be read from the token itself.
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _tokens.Add(value, new StoredRefreshToken(binding, family));
        return value;
    }

    private sealed class RefreshTokenFamily
    {
        public bool Revoked { get; set; }
    }

    private sealed class StoredRefreshToken(RefreshTokenBinding binding, RefreshTokenFamily family)
    {
        public RefreshTokenBinding Binding { get; } = binding;

        public RefreshTokenFamily Family { get; } = family;

        public DateTimeOffset? UsedAt { get; set; }
    }
}

/// <summary>What a refresh token was issued for; its successors carry the same.</summary>
internal sealed record RefreshTokenBinding(
    string ClientId,
    string UserId,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Scopes);

/// <summary>The outcome of <see cref="RefreshTokenStore.Exchange"/>.</summary>
internal readonly record struct RefreshTokenExchange(
    RefreshTokenExchangeKind Kind,
    RefreshTokenBinding? Binding,
    string Audience,
    IReadOnlyList<string> Scopes,
    string? Successor)
{
    public static RefreshTokenExchange Failed(RefreshTokenExchangeKind kind) => new(kind, null, string.Empty, [], null);

    public static RefreshTokenExchange Exchanged(
        RefreshTokenBinding binding,
        string audience,
        IReadOnlyList<string> scopes,
        string? successor) =>
        new(RefreshTokenExchangeKind.Exchanged, binding, audience, scopes, successor);
}

/// <summary>Whether a refresh token was exchanged, and if not, why.</summary>
internal enum RefreshTokenExchangeKind
{
    Exchanged,
    InvalidGrant,
    AudienceNotAllowed,
    ScopeNotAllowed,
}
