using System;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Auth0ClientGen.Internal;

/// <summary>What an attempt to take the lease on a token found.</summary>
internal enum LeaseOutcome
{
    /// <summary>This instance holds the lease and fetches the token.</summary>
    Acquired,

    /// <summary>Another instance holds it: wait for its token.</summary>
    HeldElsewhere,

    /// <summary>There is no lease to take (no Redis, or Redis failed): fetch alone.</summary>
    Unavailable,
}

/// <summary>
/// A short exclusive claim on one token across processes, so that one instance fetches it while the others wait.
/// It expires by itself, so a holder that crashes blocks the others for no longer than the lease's duration.
/// </summary>
internal interface ITokenLease
{
    /// <summary>Tries to take the lease named <paramref name="name"/> for <paramref name="duration"/>.</summary>
    /// <exception cref="Exception">The store failed; the caller counts it as <see cref="LeaseOutcome.Unavailable"/>.</exception>
    Task<LeaseOutcome> TryAcquireAsync(string name, string holder, TimeSpan duration);

    /// <summary>Gives the lease up, only if <paramref name="holder"/> still holds it.</summary>
    Task ReleaseAsync(string name, string holder);
}

/// <summary>Without Redis there is no lease: every instance fetches on its own after a cache miss.</summary>
internal sealed class NoTokenLease : ITokenLease
{
    public static readonly NoTokenLease Instance = new();

    public Task<LeaseOutcome> TryAcquireAsync(string name, string holder, TimeSpan duration)
        => Task.FromResult(LeaseOutcome.Unavailable);

    public Task ReleaseAsync(string name, string holder) => Task.CompletedTask;
}

/// <summary>
/// The lease on Redis: <c>SET name holder NX PX duration</c> takes it, and a script deletes it only while it still
/// holds this holder's id, so a holder whose lease expired and passed to another never releases the other's.
/// </summary>
internal sealed class RedisTokenLease(IConnectionMultiplexer connection) : ITokenLease
{
    private const string CompareAndDelete =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    public async Task<LeaseOutcome> TryAcquireAsync(string name, string holder, TimeSpan duration)
    {
        var taken = await connection.GetDatabase()
            .StringSetAsync(name, holder, duration, When.NotExists)
            .ConfigureAwait(false);
        return taken ? LeaseOutcome.Acquired : LeaseOutcome.HeldElsewhere;
    }

    public Task ReleaseAsync(string name, string holder)
        => connection.GetDatabase().ScriptEvaluateAsync(CompareAndDelete, [name], [holder]);
}
