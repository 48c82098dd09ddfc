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
/// Every property binds from the key of its own name in the section, such as <c>Auth0:Domain</c> or
/// <c>Auth0:ClientSecret</c>. The audience declared with <see cref="Auth0ApiAttribute.Audience"/> always wins over
/// <see cref="Auth0CredentialSettings.Audience"/> for its interface. <see cref="ToString"/> never shows the client
/// secret or the signing key.
/// </remarks>
public sealed class Auth0ClientOptions : Auth0CredentialSettings
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Auth0";

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
        => Internal.Auth0Settings.Describe(nameof(Auth0ClientOptions), this, BaseUrl);

    /// <summary>The credential settings alone, for the provider this API's tokens come from.</summary>
    internal Auth0ClientCredentialsOptions ToCredentialsOptions() => new()
    {
        Domain = Domain,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        ClientAuthentication = ClientAuthentication,
        ClientAssertionSigningKey = ClientAssertionSigningKey,
        ClientAssertionSigningAlgorithm = ClientAssertionSigningAlgorithm,
        ClientAssertionKeyId = ClientAssertionKeyId,
        Audience = Audience,
        Organization = Organization,
        RenewalMargin = RenewalMargin,
        TokenRequestRetries = TokenRequestRetries,
        MaxTokenRequestRetryDelay = MaxTokenRequestRetryDelay,
    };
}
