using System;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

// The request log of the HttpClients this library registers, in place of IHttpClientFactory's default one.
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1150,
        EventName = "HttpRequestStarting",
        Level = LogLevel.Debug,
        Message = "Sending {Method} {Address}")]
    public static partial void HttpRequestStarting(ILogger logger, string method, string address);

    [LoggerMessage(
        EventId = 1151,
        EventName = "HttpRequestCompleted",
        Level = LogLevel.Debug,
        Message = "{Method} {Address} answered {StatusCode} after {ElapsedMilliseconds:0.0} ms")]
    public static partial void HttpRequestCompleted(
        ILogger logger,
        string method,
        string address,
        int statusCode,
        double elapsedMilliseconds);

    [LoggerMessage(
        EventId = 1152,
        EventName = "HttpRequestFailed",
        Level = LogLevel.Debug,
        Message = "{Method} {Address} failed after {ElapsedMilliseconds:0.0} ms")]
    public static partial void HttpRequestFailed(
        ILogger logger,
        string method,
        string address,
        double elapsedMilliseconds,
        Exception exception);
}
