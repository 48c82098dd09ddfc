using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Auth0ClientGen.Internal;

/// <summary>
/// The runtime's metrics and traces. Both are named <c>Auth0ClientGen</c>: enable them with
/// <c>AddMeter("Auth0ClientGen")</c> and <c>AddSource("Auth0ClientGen")</c> in OpenTelemetry, or listen with
/// <c>dotnet-counters</c>. No instrument or span ever carries a token, a secret or an assertion; tags are limited
/// to audiences, grant types, error codes and outcomes, which Auth0 itself treats as public.
/// </summary>
/// <remarks>
/// Instruments are static, as the .NET metrics guidance recommends for libraries: when nothing listens, recording
/// costs one check of <see cref="Instrument.Enabled"/> and allocates nothing, which keeps the warm token path free.
/// </remarks>
internal static class Telemetry
{
    public const string Name = "Auth0ClientGen";

    /// <summary>The tag naming the grant type of a token request: client_credentials or refresh_token.</summary>
    public const string GrantTypeTag = "auth0.grant_type";

    /// <summary>The tag naming the audience a token is for.</summary>
    public const string AudienceTag = "auth0.audience";

    /// <summary>The tag naming an OAuth error code, or a failure kind such as <c>timeout</c>.</summary>
    public const string ErrorTag = "error.type";

    /// <summary>The tag saying why a token was renewed: <c>expired</c> or <c>rejected</c>.</summary>
    public const string ReasonTag = "auth0.renewal_reason";

    /// <summary>The span around one call of a generated client, retries and redirects included.</summary>
    /// <summary>The span around obtaining a token from a token endpoint, retries included.</summary>
    public const string AcquireTokenActivityName = "Auth0ClientGen.AcquireToken";

    public const string ApiCallActivityName = "Auth0ClientGen.ApiCall";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    private static readonly Meter Meter = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Requests sent to a token endpoint, each attempt counted, retries included.</summary>
    public static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
        "auth0clientgen.token.requests", "{request}", "Requests sent to the token endpoint, retries included.");

    /// <summary>Token lookups answered from the cache.</summary>
    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "auth0clientgen.token.cache.hits", "{lookup}", "Access tokens handed out from the cache.");

    /// <summary>Token lookups that found no usable token and had to wait for the token endpoint.</summary>
    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
        "auth0clientgen.token.cache.misses", "{lookup}", "Access token lookups that found no usable cached token.");

    /// <summary>Tokens replaced, because they reached their renewal time or because an API rejected them.</summary>
    public static readonly Counter<long> Renewals = Meter.CreateCounter<long>(
        "auth0clientgen.token.renewals", "{renewal}", "Access tokens replaced because they expired or were rejected.");

    /// <summary>Retries: of token requests after a transient failure, and of API calls after a rejected token.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "auth0clientgen.retries", "{retry}", "Token requests retried after a transient failure, and API calls retried with a renewed token.");

    /// <summary>Token acquisitions that failed for good, after any retries.</summary>
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "auth0clientgen.token.failures", "{failure}", "Access token requests that failed after every retry.");

    public static void Record(Counter<long> counter, string tagName, string? tagValue)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(tagName, tagValue));
        }
    }

    public static void Record(
        Counter<long> counter,
        string tagName,
        string? tagValue,
        string secondTagName,
        string? secondTagValue)
    {
        if (counter.Enabled)
        {
            counter.Add(
                1,
                new KeyValuePair<string, object?>(tagName, tagValue),
                new KeyValuePair<string, object?>(secondTagName, secondTagValue));
        }
    }
}
