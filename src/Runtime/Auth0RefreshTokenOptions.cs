using System;

namespace Auth0ClientGen;

/// <summary>
/// Settings for <see cref="Auth0RefreshTokenProvider"/>: which Auth0 tenant to ask, as which application, and for
/// which audience when a call names none.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never shows <see cref="ClientSecret"/>, so the options can be logged or inspected in a
/// debugger without exposing it.
/// </remarks>
public sealed class Auth0RefreshTokenOptions
{
    /// <summary>
    /// The tenant's domain, such as <c>tenant.us.auth0.com</c> or <c>https://login.example.com</c>. Plain
    /// <c>http://</c> is accepted only for loopback hosts (a local test tenant).
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>The client ID of the application the user logged in with.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The client secret of a confidential application, such as a regular web application. Leave it unset for a
    /// public application (native, single-page or device), which has none.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The API identifier to request tokens for when an <see cref="AccessTokenRequest"/> names no audience.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// How long before an access token's expiry the provider stops handing it out and renews it; 60 seconds when
    /// null. A negative value counts as zero.
    /// </summary>
    public TimeSpan? RenewalMargin { get; set; }

    /// <summary>
    /// How many times a refresh that Auth0 did not process (429 or 503) is sent again; 2 when unset, 0 to turn
    /// retries off, at most 10. Other failures are never retried: under rotation a processed refresh token is spent,
    /// and sending it again would count as reuse.
    /// </summary>
    public int? TokenRequestRetries { get; set; }

    /// <summary>
    /// The longest wait before a retry, 10 seconds when unset. A <c>Retry-After</c> asking for longer ends the
    /// retries at once.
    /// </summary>
    public TimeSpan? MaxTokenRequestRetryDelay { get; set; }

    /// <summary>Describes the options with the client secret left out.</summary>
    public override string ToString()
        => Internal.Auth0Settings.Describe(nameof(Auth0RefreshTokenOptions), Domain, ClientId, ClientSecret, Audience);
}
