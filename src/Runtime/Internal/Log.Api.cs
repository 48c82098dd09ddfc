using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

// The messages about API calls: where tokens may go, retries after a rejected token, and redirects.
// Addresses appear as host or as scheme, host and path, never with a query string.
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1100,
        EventName = "TokenDestinationRefused",
        Level = LogLevel.Warning,
        Message = "A request of {Api} to {Host} was refused before a token was requested ({Reason})")]
    public static partial void TokenDestinationRefused(ILogger logger, string api, string host, string reason);

    [LoggerMessage(
        EventId = 1101,
        EventName = "AccessTokenRejectedRetrying",
        Level = LogLevel.Information,
        Message = "{Host} rejected the access token of {Api}; renewing it and sending the request once more")]
    public static partial void AccessTokenRejectedRetrying(ILogger logger, string api, string host);

    [LoggerMessage(
        EventId = 1102,
        EventName = "RedirectFollowed",
        Level = LogLevel.Debug,
        Message = "Following a {StatusCode} redirect to {Location}; the Authorization header is {AuthorizationFate}")]
    public static partial void RedirectFollowed(ILogger logger, int statusCode, string location, string authorizationFate);

    [LoggerMessage(
        EventId = 1103,
        EventName = "RedirectDowngradeRefused",
        Level = LogLevel.Warning,
        Message = "Refused a {StatusCode} redirect from https to plain http {Location}")]
    public static partial void RedirectDowngradeRefused(ILogger logger, int statusCode, string location);

    [LoggerMessage(
        EventId = 1104,
        EventName = "TooManyRedirects",
        Level = LogLevel.Warning,
        Message = "Stopped after {MaxRedirects} redirects; the last one pointed to {Location}")]
    public static partial void TooManyRedirects(ILogger logger, int maxRedirects, string location);
}
