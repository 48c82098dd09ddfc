using System;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>Messages of <see cref="Auth0RefreshTokenProvider"/>, event ids 1200 to 1299.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1201,
        EventName = "RefreshingAccessToken",
        Level = LogLevel.Debug,
        Message = "Exchanging the refresh token for an access token for audience {Audience} and scope {Scope} at {TokenEndpoint}")]
    public static partial void RefreshingAccessToken(ILogger logger, string audience, string? scope, Uri tokenEndpoint);

    [LoggerMessage(
        EventId = 1202,
        EventName = "RefreshedAccessTokenReceived",
        Level = LogLevel.Debug,
        Message = "Received an access token for audience {Audience}, expiring at {ExpiresAt:O}; refresh token rotated: {Rotated}")]
    public static partial void RefreshedAccessTokenReceived(
        ILogger logger,
        string audience,
        DateTimeOffset expiresAt,
        bool rotated);

    [LoggerMessage(
        EventId = 1203,
        EventName = "RefreshedAccessTokenWithoutExpiry",
        Level = LogLevel.Warning,
        Message = "The refresh token response for audience {Audience} had no expires_in; assuming the token lives {AssumedLifetime}")]
    public static partial void RefreshedAccessTokenWithoutExpiry(
        ILogger logger,
        string audience,
        TimeSpan assumedLifetime);

    [LoggerMessage(
        EventId = 1204,
        EventName = "NoRefreshTokenStored",
        Level = LogLevel.Warning,
        Message = "No refresh token is stored, so no access token can be requested for audience {Audience}; the user must log in again")]
    public static partial void NoRefreshTokenStored(ILogger logger, string audience);

    [LoggerMessage(
        EventId = 1205,
        EventName = "RefreshTokenRejected",
        Level = LogLevel.Warning,
        Message = "Auth0 refused the refresh token for audience {Audience} with {Error}; it was removed from the store and the user must log in again")]
    public static partial void RefreshTokenRejected(ILogger logger, string audience, string? error);

    [LoggerMessage(
        EventId = 1206,
        EventName = "RefreshRequestFailed",
        Level = LogLevel.Error,
        Message = "The refresh token request for audience {Audience} failed with status {StatusCode} and error {Error}")]
    public static partial void RefreshRequestFailed(ILogger logger, string audience, int statusCode, string error);

    [LoggerMessage(
        EventId = 1207,
        EventName = "RefreshEndpointUnreachable",
        Level = LogLevel.Error,
        Message = "The token endpoint {TokenEndpoint} could not be reached to refresh the access token for audience {Audience}")]
    public static partial void RefreshEndpointUnreachable(
        ILogger logger,
        Uri tokenEndpoint,
        string audience,
        Exception exception);

    [LoggerMessage(
        EventId = 1208,
        EventName = "RefreshRequestRedirected",
        Level = LogLevel.Error,
        Message = "The token endpoint {TokenEndpoint} redirected the refresh token request for audience {Audience} and the HttpClient followed it; the answer was refused")]
    public static partial void RefreshRequestRedirected(ILogger logger, Uri tokenEndpoint, string audience);

    [LoggerMessage(
        EventId = 1209,
        EventName = "CredentialsCleared",
        Level = LogLevel.Information,
        Message = "The stored credentials were cleared")]
    public static partial void CredentialsCleared(ILogger logger);

    [LoggerMessage(
        EventId = 1210,
        EventName = "CredentialsStored",
        Level = LogLevel.Debug,
        Message = "Stored credentials for audience {Audience}, expiring at {ExpiresAt:O}")]
    public static partial void CredentialsStored(ILogger logger, string audience, DateTimeOffset expiresAt);
}
