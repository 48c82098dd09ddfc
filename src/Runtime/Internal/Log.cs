using System;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Every log message of the runtime, with fixed event ids so they can be filtered and alerted on. No message
/// takes a token, a secret or a response body as an argument.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1001,
        EventName = "RequestingAccessToken",
        Level = LogLevel.Debug,
        Message = "Requesting an access token for audience {Audience} from {TokenEndpoint}")]
    public static partial void RequestingAccessToken(ILogger logger, string audience, Uri tokenEndpoint);

    [LoggerMessage(
        EventId = 1002,
        EventName = "AccessTokenReceived",
        Level = LogLevel.Debug,
        Message = "Received an access token for audience {Audience}; it is cached until {RenewAt:O}")]
    public static partial void AccessTokenReceived(ILogger logger, string audience, DateTimeOffset renewAt);

    [LoggerMessage(
        EventId = 1003,
        EventName = "AccessTokenWithoutExpiry",
        Level = LogLevel.Warning,
        Message = "The token response for audience {Audience} had no expires_in; assuming the token lives {AssumedLifetime}")]
    public static partial void AccessTokenWithoutExpiry(ILogger logger, string audience, TimeSpan assumedLifetime);

    [LoggerMessage(
        EventId = 1004,
        EventName = "AccessTokenRequestFailed",
        Level = LogLevel.Error,
        Message = "The access token request for audience {Audience} failed with status {StatusCode} and error {Error}")]
    public static partial void AccessTokenRequestFailed(ILogger logger, string audience, int? statusCode, string? error);

    [LoggerMessage(
        EventId = 1005,
        EventName = "TokenEndpointUnreachable",
        Level = LogLevel.Error,
        Message = "The token endpoint {TokenEndpoint} could not be reached for audience {Audience}")]
    public static partial void TokenEndpointUnreachable(
        ILogger logger,
        Uri tokenEndpoint,
        string audience,
        Exception exception);

    [LoggerMessage(
        EventId = 1006,
        EventName = "AccessTokenAlreadyExpired",
        Level = LogLevel.Warning,
        Message = "The token response for audience {Audience} had expires_in {ExpiresIn}; the token is used once and not cached")]
    public static partial void AccessTokenAlreadyExpired(ILogger logger, string audience, double expiresIn);

    [LoggerMessage(
        EventId = 1007,
        EventName = "TokenRequestRedirected",
        Level = LogLevel.Error,
        Message = "The token endpoint {TokenEndpoint} redirected the access token request for audience {Audience} and the HttpClient followed it; the answer was refused")]
    public static partial void TokenRequestRedirected(ILogger logger, Uri tokenEndpoint, string audience);

    [LoggerMessage(
        EventId = 1008,
        EventName = "RetryingTokenRequest",
        Level = LogLevel.Warning,
        Message = "The access token request for audience {Audience} failed transiently ({Failure}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void RetryingTokenRequest(
        ILogger logger,
        string audience,
        string failure,
        int retry,
        int maxRetries,
        TimeSpan delay);
}
