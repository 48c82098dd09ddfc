using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth0ClientGen.Internal;

/// <summary>
/// The second level of the client credentials token cache, shared by every instance of an application: consulted
/// when a provider misses its own cache, and written after it fetches. A lease makes one instance fetch while the
/// others wait for its entry.
/// </summary>
/// <remarks>
/// <para>
/// Entries live in <see cref="HybridCache"/>'s distributed level only. Its local level is bypassed: the provider's
/// own cache is the first level, and a second in-process copy could hand a rejected token back after a 401.
/// </para>
/// <para>
/// Nothing here fails a token request. A store that throws, times out or returns an entry that does not decrypt
/// counts as a miss, and the provider fetches the token itself. The first failure is logged; the next ones are
/// not, until an operation succeeds again. HybridCache swallows the failures of its distributed level and logs
/// them itself, so an outage is noticed here through the lease, which talks to Redis directly, or through an entry
/// that does not decrypt.
/// </para>
/// </remarks>
internal sealed class DistributedTokenCache
{
    private const HybridCacheEntryFlags ReadFlags = HybridCacheEntryFlags.DisableLocalCache
        | HybridCacheEntryFlags.DisableUnderlyingData
        | HybridCacheEntryFlags.DisableDistributedCacheWrite;

    private readonly HybridCache _cache;
    private readonly TokenEntryProtector _protector;
    private readonly ITokenLease _lease;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _operationTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private int _failing;

    // Warned about once per instance: a key mismatch between instances would otherwise warn on every miss.
    private int _reportedUnreadableEntry;

    public DistributedTokenCache(
        HybridCache cache,
        TokenEntryProtector protector,
        ITokenLease lease,
        Auth0DistributedTokenCacheOptions options,
        TimeProvider? timeProvider,
        ILogger? logger)
    {
        _cache = cache;
        _protector = protector;
        _lease = lease;
        _leaseDuration = options.LeaseDuration;
        _pollInterval = options.PollInterval;
        _operationTimeout = options.OperationTimeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Returns the token from the distributed cache, or the one another instance is fetching, or fetches it with
    /// <paramref name="fetch"/> and stores it for the others.
    /// </summary>
    /// <param name="key">The token's key.</param>
    /// <param name="renewalMargin">The reader's own margin: an entry closer to its expiry than this is not used.</param>
    /// <param name="rejectedToken">
    /// For a forced renewal, the token the API rejected: it is never taken from the cache, and a new one replaces
    /// it there. Null otherwise.
    /// </param>
    /// <param name="forceRenewal">Whether an API rejected the token this instance holds.</param>
    /// <param name="fetch">Requests the token from the token endpoint; its failures are the caller's.</param>
    public async Task<DistributedAccessToken> GetOrFetchAsync(
        TokenCacheKey key,
        TimeSpan renewalMargin,
        string? rejectedToken,
        bool forceRenewal,
        Func<Task<DistributedAccessToken>> fetch)
    {
        var names = DistributedTokenKeys.For(key);

        // A forced renewal with no token to compare against cannot tell a renewed entry from the rejected one.
        var mayRead = !forceRenewal || rejectedToken is not null;
        if (mayRead && await TryReadAsync(key, names, renewalMargin, rejectedToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var holder = Guid.NewGuid().ToString("N");
        var outcome = await TryAcquireLeaseAsync(names, holder).ConfigureAwait(false);
        if (outcome == LeaseOutcome.HeldElsewhere && mayRead)
        {
            (var waited, outcome) = await WaitForOtherInstanceAsync(key, names, holder, renewalMargin, rejectedToken)
                .ConfigureAwait(false);
            if (waited is not null)
            {
                return waited;
            }
        }

        try
        {
            // Another instance may have stored the token and released its lease between the read and the lease.
            if (outcome == LeaseOutcome.Acquired
                && mayRead
                && await TryReadAsync(key, names, renewalMargin, rejectedToken).ConfigureAwait(false) is { } late)
            {
                return late;
            }

            var token = await fetch().ConfigureAwait(false);
            await TryWriteAsync(key, names, token, renewalMargin).ConfigureAwait(false);
            return token;
        }
        finally
        {
            if (outcome == LeaseOutcome.Acquired)
            {
                await TryReleaseLeaseAsync(names, holder).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Polls for the entry another instance is fetching. While it waits, it also tries to take the lease, so a
    /// holder that crashed or failed hands over to one waiter when its lease ends, not to all of them. The wait
    /// ends after two lease durations; then this instance fetches on its own.
    /// </summary>
    private async Task<(DistributedAccessToken? Token, LeaseOutcome Outcome)> WaitForOtherInstanceAsync(
        TokenCacheKey key,
        DistributedTokenKeys names,
        string holder,
        TimeSpan renewalMargin,
        string? rejectedToken)
    {
        // The holder's lease, then one more for the waiter that takes it over. Instances that start together begin
        // waiting as the holder takes its lease, so with one a crashed holder's lease ends as their wait does, and
        // every waiter but the one that takes it over would fetch on its own.
        var maxWait = _leaseDuration * 2;
        Log.WaitingForDistributedToken(_logger, key.Audience, maxWait);
        var deadline = _timeProvider.GetUtcNow() + maxWait;
        while (_timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(_pollInterval, _timeProvider).ConfigureAwait(false);
            if (await TryReadAsync(key, names, renewalMargin, rejectedToken).ConfigureAwait(false) is { } found)
            {
                return (found, LeaseOutcome.HeldElsewhere);
            }

            var outcome = await TryAcquireLeaseAsync(names, holder).ConfigureAwait(false);
            if (outcome != LeaseOutcome.HeldElsewhere)
            {
                return (null, outcome);
            }
        }

        Log.DistributedTokenWaitEnded(_logger, key.Audience, maxWait);
        return (null, LeaseOutcome.Unavailable);
    }

    private async Task<DistributedAccessToken?> TryReadAsync(
        TokenCacheKey key,
        DistributedTokenKeys names,
        TimeSpan renewalMargin,
        string? rejectedToken)
    {
        byte[]? entry;
        try
        {
            using var timeout = new CancellationTokenSource(_operationTimeout, _timeProvider);
            entry = await _cache.GetOrCreateAsync<byte[]?>(
                    names.Entry,
                    static _ => ValueTask.FromResult<byte[]?>(null),
                    new HybridCacheEntryOptions { Flags = ReadFlags },
                    cancellationToken: timeout.Token)
                .AsTask()
                .WaitAsync(_operationTimeout, _timeProvider, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ReportFailure(exception);
            return null;
        }

        if (entry is null || entry.Length == 0)
        {
            return null;
        }

        // Redis answered, whatever the entry holds.
        ReportSuccess();
        if (_protector.Unprotect(entry, names.Canonical) is not { } token)
        {
            // Written with another key, swapped from another entry, or damaged: the fetch that follows replaces it.
            // Not an outage: most often the instances are configured with different keys, which the warning says.
            if (Interlocked.Exchange(ref _reportedUnreadableEntry, 1) == 0)
            {
                Log.DistributedTokenEntryUnreadable(_logger);
            }

            return null;
        }

        // Compared as lifetimes, not as dates: a margin can be longer than any date is from the calendar's start.
        if (token.ExpiresAt - _timeProvider.GetUtcNow() <= renewalMargin
            || string.Equals(token.AccessToken, rejectedToken, StringComparison.Ordinal))
        {
            return null;
        }

        Log.DistributedTokenFound(_logger, key.Audience, token.ExpiresAt);
        return token;
    }

    private async Task TryWriteAsync(
        TokenCacheKey key,
        DistributedTokenKeys names,
        DistributedAccessToken token,
        TimeSpan renewalMargin)
    {
        // The entry lives until the writer would renew the token; a reader with a larger margin stops sooner.
        var remaining = token.ExpiresAt - _timeProvider.GetUtcNow();
        if (remaining <= renewalMargin)
        {
            return;
        }

        var lifetime = remaining - renewalMargin;

        try
        {
            using var timeout = new CancellationTokenSource(_operationTimeout, _timeProvider);
            await _cache.SetAsync(
                    names.Entry,
                    _protector.Protect(token, names.Canonical),
                    new HybridCacheEntryOptions { Expiration = lifetime, Flags = HybridCacheEntryFlags.DisableLocalCache },
                    cancellationToken: timeout.Token)
                .AsTask()
                .WaitAsync(_operationTimeout, _timeProvider, CancellationToken.None)
                .ConfigureAwait(false);
            Log.DistributedTokenStored(_logger, key.Audience, lifetime);
        }
        catch (Exception exception)
        {
            ReportFailure(exception);
        }
    }

    private async Task<LeaseOutcome> TryAcquireLeaseAsync(DistributedTokenKeys names, string holder)
    {
        try
        {
            var outcome = await _lease.TryAcquireAsync(names.Lease, holder, _leaseDuration)
                .WaitAsync(_operationTimeout, _timeProvider)
                .ConfigureAwait(false);
            if (outcome != LeaseOutcome.Unavailable)
            {
                ReportSuccess();
            }

            return outcome;
        }
        catch (Exception exception)
        {
            ReportFailure(exception);
            return LeaseOutcome.Unavailable;
        }
    }

    private async Task TryReleaseLeaseAsync(DistributedTokenKeys names, string holder)
    {
        try
        {
            await _lease.ReleaseAsync(names.Lease, holder)
                .WaitAsync(_operationTimeout, _timeProvider)
                .ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The lease expires by itself; the others wait at most until then.
            ReportFailure(exception);
        }
    }

    private void ReportFailure(Exception exception)
        => ReportFailure(exception is TimeoutException or OperationCanceledException ? "timed out" : exception.GetType().Name);

    private void ReportFailure(string failure)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            Log.DistributedTokenCacheFailed(_logger, failure);
        }
    }

    private void ReportSuccess()
    {
        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            Log.DistributedTokenCacheRecovered(_logger);
        }
    }
}
