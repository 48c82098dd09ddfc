using System;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

// The distributed token cache: HybridCache with Redis, and the lease on Redis. No message takes a token, an entry
// or an exception message, which could quote a connection string.
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1301,
        EventName = "DistributedTokenCacheFailed",
        Level = LogLevel.Warning,
        Message = "The distributed token cache failed ({Failure}); tokens are fetched without it until it answers again")]
    public static partial void DistributedTokenCacheFailed(ILogger logger, string failure);

    [LoggerMessage(
        EventId = 1302,
        EventName = "DistributedTokenCacheRecovered",
        Level = LogLevel.Information,
        Message = "The distributed token cache answers again")]
    public static partial void DistributedTokenCacheRecovered(ILogger logger);

    [LoggerMessage(
        EventId = 1303,
        EventName = "DistributedTokenFound",
        Level = LogLevel.Debug,
        Message = "Found an access token for audience {Audience} in the distributed cache; it expires at {ExpiresAt:O}")]
    public static partial void DistributedTokenFound(ILogger logger, string audience, DateTimeOffset expiresAt);

    [LoggerMessage(
        EventId = 1304,
        EventName = "WaitingForDistributedToken",
        Level = LogLevel.Debug,
        Message = "Another instance is fetching the access token for audience {Audience}; waiting up to {MaxWait} for it")]
    public static partial void WaitingForDistributedToken(ILogger logger, string audience, TimeSpan maxWait);

    [LoggerMessage(
        EventId = 1305,
        EventName = "DistributedTokenWaitEnded",
        Level = LogLevel.Information,
        Message = "No other instance stored the access token for audience {Audience} within {MaxWait}; fetching it here")]
    public static partial void DistributedTokenWaitEnded(ILogger logger, string audience, TimeSpan maxWait);

    [LoggerMessage(
        EventId = 1306,
        EventName = "DistributedTokenStored",
        Level = LogLevel.Debug,
        Message = "Stored the access token for audience {Audience} in the distributed cache for {Lifetime}")]
    public static partial void DistributedTokenStored(ILogger logger, string audience, TimeSpan lifetime);

    [LoggerMessage(
        EventId = 1307,
        EventName = "DistributedTokenEntryUnreadable",
        Level = LogLevel.Warning,
        Message = "An entry of the distributed token cache did not decrypt, so the token is fetched and the entry replaced;"
            + " if this goes on, the instances do not share one encryption key (Auth0:DistributedTokenCache:EncryptionKey)"
            + " or one Data Protection key ring")]
    public static partial void DistributedTokenEntryUnreadable(ILogger logger);
}
