using System;

namespace Auth0ClientGen;

/// <summary>
/// Thrown before an access token is requested when the request would carry it somewhere it does not belong: to
/// a host that is neither the client's base address host nor one of <see cref="Auth0ClientOptions.AllowedHosts"/>,
/// or over plain <c>http://</c> to a host that is not loopback. Nothing is sent.
/// </summary>
/// <remarks>The message names the host, never the path, query string or token.</remarks>
public sealed class TokenDestinationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and what to do about it.</param>
    /// <param name="host">The host the request was going to, with its port when it is not the default one.</param>
    public TokenDestinationException(string message, string host)
        : base(message)
    {
        Host = host;
    }

    /// <summary>The host the request was going to, with its port when it is not the scheme's default one.</summary>
    public string Host { get; }
}
