using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Decides whether a request may carry the client's access token: only to the base address's scheme, host and
/// port, or to an allowed host, and never over plain http except to loopback.
/// </summary>
/// <param name="declaredBaseAddress">
/// The interface's declared base address, used when the HttpClient has no <see cref="System.Net.Http.HttpClient.BaseAddress"/>.
/// </param>
/// <param name="allowedHosts">Further hosts, each a host name or <c>host:port</c>, already validated.</param>
internal sealed class TokenDestinations(Uri? declaredBaseAddress, IReadOnlyList<string> allowedHosts)
{
    /// <summary>Nothing declared and nothing allowed beyond the HttpClient's own base address.</summary>
    public static readonly TokenDestinations BaseAddressOnly = new(null, []);

    /// <summary>
    /// Throws <see cref="TokenDestinationException"/> when a request to <paramref name="requestUri"/> must not
    /// carry the token.
    /// </summary>
    /// <remarks>
    /// Known shortcoming: a generated client constructed directly (not through DI or <see cref="Auth0ApiClient"/>)
    /// over an HttpClient without a base address has no base address to compare with, so only the http check
    /// applies to it. Closing that needs the generated code to pass its declared base address here.
    /// </remarks>
    public void Ensure(Uri? requestUri, Uri? clientBaseAddress, string apiName, ILogger? logger)
    {
        var target = requestUri is { IsAbsoluteUri: true }
            ? requestUri
            : clientBaseAddress is not null && requestUri is not null ? new Uri(clientBaseAddress, requestUri) : null;
        if (target is null)
        {
            return;
        }

        var baseAddress = clientBaseAddress ?? declaredBaseAddress;
        if (baseAddress is not null && IsInsecure(baseAddress))
        {
            throw Refuse(InsecureMessage(baseAddress, "base address"), baseAddress, apiName, "http", logger);
        }

        if (baseAddress is not null && StartsWithOriginOf(target, baseAddress))
        {
            return;
        }

        if (IsInsecure(target))
        {
            throw Refuse(InsecureMessage(target, "request address"), target, apiName, "http", logger);
        }

        if ((baseAddress is null && allowedHosts.Count == 0) || (baseAddress is not null && SameOrigin(target, baseAddress)))
        {
            return;
        }

        foreach (var allowed in allowedHosts)
        {
            if (MatchesAllowedHost(target, allowed))
            {
                return;
            }
        }

        throw Refuse(
            $"The request of {apiName} goes to {Describe(target)}, which is not the host of the client's base address"
            + $" nor one of {Auth0Settings.AllowedHostsKey}, so the access token was not requested and nothing was"
            + $" sent. If the API really lives there too, add the host to {Auth0Settings.AllowedHostsKey}"
            + " (Auth0ClientOptions.AllowedHosts).",
            target,
            apiName,
            "host",
            logger);
    }

    /// <summary>Whether the two addresses share scheme, host and port.</summary>
    /// <remarks>
    /// Every call of a generated client runs this, so it compares the parts <see cref="Uri"/> already holds rather
    /// than asking for the scheme-and-server text of both addresses, which would build two strings each time.
    /// </remarks>
    public static bool SameOrigin(Uri first, Uri second)
        => first.Port == second.Port
            && string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the request address's text begins with the base address's scheme and authority and a slash, as every
    /// address a generated client builds does. Then both have the same origin, and the base address has passed the
    /// http check already. Reading the text spares parsing the request address's host on every call; any other
    /// spelling is left to the full comparison.
    /// </summary>
    private static bool StartsWithOriginOf(Uri target, Uri baseAddress)
    {
        var origin = baseAddress.AbsoluteUri.AsSpan();
        var authorityStart = origin.IndexOf("://", StringComparison.Ordinal);
        var pathStart = authorityStart < 0 ? -1 : origin[(authorityStart + 3)..].IndexOf('/');
        return pathStart >= 0
            && target.OriginalString.AsSpan().StartsWith(origin[..(authorityStart + 3 + pathStart + 1)], StringComparison.Ordinal);
    }

    /// <summary>"host" or "host:port" as an address shows it, with the port only when it is not the default.</summary>
    public static string Describe(Uri address)
        => address.IsDefaultPort ? address.Host : $"{address.Host}:{address.Port}";

    /// <summary>
    /// Whether an entry of <see cref="Auth0ClientOptions.AllowedHosts"/> is a host name or IP address, with an
    /// optional port, and nothing else.
    /// </summary>
    public static bool TryParseAllowedHost(string entry, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        var text = entry.Trim();
        if (text.Length == 0
            || text.Contains("://", StringComparison.Ordinal)
            || !Uri.TryCreate("https://" + text, UriKind.Absolute, out var parsed)
            || parsed.HostNameType == UriHostNameType.Unknown
            || parsed.PathAndQuery != "/" || text.EndsWith('/')
            || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        host = parsed.IdnHost;

        // A colon after the host (past the brackets of an IPv6 address) means the port was written out.
        var closing = text.LastIndexOf(']');
        if (text.IndexOf(':', closing + 1) >= 0)
        {
            port = parsed.Port;
        }

        return true;
    }

    private static bool MatchesAllowedHost(Uri target, string entry)
        => TryParseAllowedHost(entry, out var host, out var port)
            && string.Equals(target.IdnHost, host, StringComparison.OrdinalIgnoreCase)
            && (port is { } explicitPort ? target.Port == explicitPort : target.IsDefaultPort);

    private static bool IsInsecure(Uri address)
        => address.Scheme == Uri.UriSchemeHttp && !Auth0Settings.IsLoopback(address);

    private static string InsecureMessage(Uri address, string what)
        => $"The {what} {Describe(address)} uses http://, but the access token must travel over HTTPS: it would be"
            + " readable by anyone on the way. Use an https:// base address. Plain http:// is accepted only for"
            + " loopback hosts (127.0.0.0/8, ::1, localhost), such as a local test server.";

    private static TokenDestinationException Refuse(
        string message,
        Uri target,
        string apiName,
        string reason,
        ILogger? logger)
    {
        if (logger is not null)
        {
            Log.TokenDestinationRefused(logger, apiName, Describe(target), reason);
        }

        return new TokenDestinationException(message, Describe(target));
    }
}
