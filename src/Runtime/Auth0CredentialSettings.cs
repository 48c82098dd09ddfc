using System;

namespace Auth0ClientGen;

/// <summary>
/// The settings every Auth0 credentials consumer shares: which tenant to ask, as which application, how the
/// application proves who it is, and what to request by default. <see cref="Auth0ClientCredentialsOptions"/>
/// configures a provider directly; <see cref="Auth0ClientOptions"/> configures one API registered with
/// dependency injection, from the <c>Auth0</c> configuration section.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> of the derived types never shows <see cref="ClientSecret"/> or
/// <see cref="ClientAssertionSigningKey"/>, so options can be logged or inspected in a debugger without exposing
/// them.
/// </remarks>
public abstract class Auth0CredentialSettings
{
    // Only this library's option types derive from it; the validation knows every property.
    private protected Auth0CredentialSettings()
    {
    }

    /// <summary>
    /// The tenant's domain, such as <c>tenant.us.auth0.com</c> or <c>https://login.example.com</c>. Plain
    /// <c>http://</c> is accepted only for loopback hosts (a local test tenant).
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>The client ID of the Machine to Machine application.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The client secret of the Machine to Machine application. Not needed when the application authenticates with
    /// <see cref="ClientAssertionSigningKey"/>.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// How the application authenticates at the token endpoint. When unset: with a private key JWT if
    /// <see cref="ClientAssertionSigningKey"/> is set, otherwise with the client secret in the request body.
    /// </summary>
    public Auth0ClientAuthentication? ClientAuthentication { get; set; }

    /// <summary>
    /// The RSA private key, in PEM form, that signs client assertions for <c>private_key_jwt</c> authentication.
    /// Its public key must be registered with the application in Auth0.
    /// </summary>
    public string? ClientAssertionSigningKey { get; set; }

    /// <summary>The algorithm of client assertions: <c>RS256</c> (the default), <c>RS384</c> or <c>PS256</c>.</summary>
    public string? ClientAssertionSigningAlgorithm { get; set; }

    /// <summary>
    /// The <c>kid</c> put in client assertions, such as the credential ID Auth0 shows for the registered key;
    /// Auth0 finds the key without it, so it is optional.
    /// </summary>
    public string? ClientAssertionKeyId { get; set; }

    /// <summary>
    /// The API identifier to request tokens for when an <see cref="AccessTokenRequest"/> names no audience.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The Auth0 organization (its ID, <c>org_…</c>, or its name) to request tokens for when an
    /// <see cref="AccessTokenRequest"/> names none. Tokens are cached per organization.
    /// </summary>
    public string? Organization { get; set; }

    /// <summary>
    /// How long before its expiry a token stops being handed out and is renewed; 60 seconds when unset. A negative
    /// value counts as zero.
    /// </summary>
    public TimeSpan? RenewalMargin { get; set; }

    /// <summary>
    /// How many times a token request that failed transiently (a 5xx or 429 answer, a timeout, a connection that
    /// could not be opened) is sent again; 2 when unset, 0 to turn retries off, at most 10.
    /// </summary>
    public int? TokenRequestRetries { get; set; }

    /// <summary>
    /// The longest wait before a retry, 10 seconds when unset. A <c>Retry-After</c> asking for longer ends the
    /// retries at once, with the rate-limit exception, rather than holding every waiting call.
    /// </summary>
    public TimeSpan? MaxTokenRequestRetryDelay { get; set; }
}

/// <summary>How an application proves its identity to Auth0's token endpoint.</summary>
public enum Auth0ClientAuthentication
{
    /// <summary>The client secret in the form body (<c>client_secret_post</c>), Auth0's default.</summary>
    ClientSecretPost,

    /// <summary>The client ID and secret in an HTTP Basic <c>Authorization</c> header (<c>client_secret_basic</c>).</summary>
    ClientSecretBasic,

    /// <summary>A JWT signed with the application's private key (<c>private_key_jwt</c>); no secret is sent.</summary>
    PrivateKeyJwt,
}
