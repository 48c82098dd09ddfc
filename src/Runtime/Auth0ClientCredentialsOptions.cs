namespace Auth0ClientGen;

/// <summary>
/// Settings for <see cref="Auth0ClientCredentialsProvider"/>: which Auth0 tenant to ask, as which application,
/// and for which audience when a call names none.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never shows <see cref="ClientSecret"/>, so the options can be logged or inspected in a
/// debugger without exposing it.
/// </remarks>
public sealed class Auth0ClientCredentialsOptions
{
    /// <summary>
    /// The tenant's domain, such as <c>tenant.us.auth0.com</c> or <c>https://login.example.com</c>. Plain
    /// <c>http://</c> is accepted only for loopback hosts (a local test tenant).
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>The client ID of the Machine to Machine application.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret of the Machine to Machine application.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The API identifier to request tokens for when an <see cref="AccessTokenRequest"/> names no audience.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>Describes the options with the client secret left out.</summary>
    public override string ToString()
        => Internal.Auth0Settings.Describe(
            nameof(Auth0ClientCredentialsOptions), Domain, ClientId, ClientSecret, Audience);
}
