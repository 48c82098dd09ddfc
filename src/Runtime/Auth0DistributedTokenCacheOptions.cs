using System;

namespace Auth0ClientGen;

/// <summary>
/// Settings of the distributed token cache, which shares client credentials tokens between the instances of an
/// application through <c>HybridCache</c> (with Redis as its distributed level) and a short lease on Redis, so that
/// instances starting together request one token between them. Switch it on with
/// <c>services.AddAuth0DistributedTokenCache()</c>; docs/scaling.md shows the whole set-up.
/// </summary>
/// <remarks>
/// Bound from the <c>Auth0:DistributedTokenCache</c> configuration section when an <c>IConfiguration</c> is
/// registered. Every instance that shares a cache must use the same encryption: the same
/// <see cref="EncryptionKey"/>, or Data Protection with a shared key ring.
/// </remarks>
public sealed class Auth0DistributedTokenCacheOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Auth0:DistributedTokenCache";

    /// <summary>
    /// A 256-bit key, base64-encoded, that encrypts tokens with AES-GCM before they are written to the cache. When
    /// it is not set, the application's Data Protection (<c>IDataProtectionProvider</c>) encrypts them; with
    /// neither, the host refuses to start. Keep it in a secret store; it is never logged.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// How long the lease that lets one instance fetch a token while the others wait lasts. A holder that crashes
    /// blocks the others for no longer than this; an instance waits for another's token at most twice as long (the
    /// holder's lease, then that of a waiter taking over from it) before fetching its own. Default 5 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an instance waiting for another's token looks for it in the cache. Default 100 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest one cache or lease operation may take before it counts as a miss. Default 2 seconds. The first
    /// operations of a process also wait for the JIT compiler and the connection, so keep it well above Redis's
    /// usual latency.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
