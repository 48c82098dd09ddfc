using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Every access token the tenant issued, by its <c>jti</c>, with the exact time and order of issue, so the protected
/// APIs can turn away tokens issued before a point the test chose. The <c>iat</c> claim cannot serve: it has whole
/// seconds only, and a token issued just after the point would share the second of those issued just before.
/// Known shortcoming: entries are never dropped, which is fine for the thousands of tokens a test run issues.
/// </summary>
internal sealed class IssuedAccessTokens
{
    private readonly ConcurrentDictionary<string, IssuedEntry> _issued = new(StringComparer.Ordinal);
    private long _lastSequence;
    private long _rejectedThroughSequence;
    private long _rejectedBeforeTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Records a token issued at <paramref name="issuedAt"/>; returns the <c>jti</c> to give it.</summary>
    public string Record(DateTimeOffset issuedAt)
    {
        var sequence = Interlocked.Increment(ref _lastSequence);
        var tokenId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        _issued[tokenId] = new IssuedEntry(issuedAt.UtcTicks, sequence);
        return tokenId;
    }

    /// <summary>
    /// Rejects every token issued before <paramref name="instant"/>; an instant earlier than one given before changes
    /// nothing, since a revoked token stays revoked.
    /// </summary>
    public void RejectIssuedBefore(DateTimeOffset instant) => RaiseTo(ref _rejectedBeforeTicks, instant.UtcTicks);

    /// <summary>Rejects every token issued so far, and none issued after.</summary>
    public void RejectAllIssued() => RaiseTo(ref _rejectedThroughSequence, Interlocked.Read(ref _lastSequence));

    public bool IsRejected(string? tokenId) =>
        tokenId is not null
        && _issued.TryGetValue(tokenId, out var entry)
        && (entry.Sequence <= Interlocked.Read(ref _rejectedThroughSequence)
            || entry.IssuedAtTicks < Interlocked.Read(ref _rejectedBeforeTicks));

    private static void RaiseTo(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private readonly record struct IssuedEntry(long IssuedAtTicks, long Sequence);
}
