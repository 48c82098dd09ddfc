using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// The request log of the HttpClients this library registers (each API client and the token endpoint): method,
/// address without query string, status and duration, and never a header.
/// </summary>
/// <remarks>
/// It replaces IHttpClientFactory's default logging, whose Trace-level header events redact values in their
/// message but hand the raw values to structured logging as state, so a structured sink (OpenTelemetry, Serilog,
/// a JSON console) would record the bearer token or the Basic credentials. Removing that needs the factory to
/// redact its state too, at which point this logger could give way to the default one again.
/// </remarks>
internal sealed class HeaderFreeHttpClientLogger(ILogger logger) : IHttpClientLogger
{
    public const string Category = "Auth0ClientGen.Http";

    public object? LogRequestStart(HttpRequestMessage request)
    {
        Log.HttpRequestStarting(logger, request.Method.Method, Describe(request));
        return null;
    }

    public void LogRequestStop(
        object? context,
        HttpRequestMessage request,
        HttpResponseMessage response,
        TimeSpan elapsed)
        => Log.HttpRequestCompleted(
            logger, request.Method.Method, Describe(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(
        object? context,
        HttpRequestMessage request,
        HttpResponseMessage? response,
        Exception exception,
        TimeSpan elapsed)
        => Log.HttpRequestFailed(logger, request.Method.Method, Describe(request), elapsed.TotalMilliseconds, exception);

    private static string Describe(HttpRequestMessage request)
        => request.RequestUri is { IsAbsoluteUri: true } address ? MessageText.Address(address) : "(no address)";
}
