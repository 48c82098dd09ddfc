using System.Collections.Generic;

namespace Auth0ClientGen;

/// <summary>
/// Settings for one API client registered with
/// <see cref="Microsoft.Extensions.DependencyInjection.Auth0ServiceCollectionExtensions"/>. They are bound
/// from the <c>Auth0</c> configuration section, then adjusted by the registration's <c>configure</c> delegate.
/// </summary>
/// <remarks>
/// Each API has its own named instance, named after the registration's
/// <see cref="Microsoft.Extensions.DependencyInjection.IHttpClientBuilder.Name"/> (the interface's full name).
/// <see cref="ToString"/> never shows <see cref="ClientSecret"/>.
/// </remarks>
public sealed class Auth0ClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Auth0";

    /// <summary>
    /// The tenant's domain, such as <c>tenant.us.auth0.com</c> or <c>https://login.example.com</c>
    /// (configuration key <c>Auth0:Domain</c>). Plain <c>http://</c> is accepted only for loopback hosts.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>The client ID of the Machine to Machine application (<c>Auth0:ClientId</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret of the Machine to Machine application (<c>Auth0:ClientSecret</c>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The audience used when the interface declares none (<c>Auth0:Audience</c>). An audience declared with
    /// <see cref="Auth0ApiAttribute.Audience"/> always wins for its interface.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The API's base address (<c>Auth0:BaseUrl</c>). When set it becomes the client's
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/> and overrides <see cref="Auth0ApiAttribute.BaseUrl"/>.
    /// It must be an absolute http or https address without a query string, fragment or user information, since
    /// routes are appended to its path.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Hosts besides the base address's host that may receive this API's access token (<c>Auth0:AllowedHosts</c>,
    /// a list). Each entry is a host name or IP address, optionally with a port (<c>api.example.com:8443</c>);
    /// without a port only the scheme's default port matches. A request to any other host fails with
    /// <see cref="TokenDestinationException"/> before a token is requested.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = new List<string>();

    /// <summary>Describes the options with the client secret left out.</summary>
    public override string ToString()
        => Internal.Auth0Settings.Describe(
            nameof(Auth0ClientOptions), Domain, ClientId, ClientSecret, Audience, BaseUrl);
}
