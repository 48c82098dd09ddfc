using System;
using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Holds one <see cref="Auth0ClientCredentialsProvider"/> per application, so API clients registered with the
/// same tenant and client share a token cache instead of each requesting their own tokens.
/// </summary>
internal sealed class CredentialsProviderPool(IServiceProvider services)
{
    private readonly ConcurrentDictionary<ApplicationKey, Auth0ClientCredentialsProvider> _providers = new();

    /// <summary>Returns the provider for the options' tenant and application, creating it on first use.</summary>
    /// <remarks>The settings must already have passed validation.</remarks>
    public Auth0ClientCredentialsProvider GetOrCreate(string domain, string clientId, string clientSecret)
    {
        Auth0Settings.TryGetTokenEndpoint(domain, out var tokenEndpoint, out _);

        // The secret is part of the key so that two registrations that disagree about it each get a provider
        // with their own secret, rather than one silently using the other's.
        var key = new ApplicationKey(tokenEndpoint.AbsoluteUri, clientId, clientSecret);
        return _providers.GetOrAdd(key, static (key, services) => Create(key, services), services);
    }

    private static Auth0ClientCredentialsProvider Create(ApplicationKey key, IServiceProvider services)
    {
        var httpClientFactory = services.GetRequiredService<IHttpClientFactory>();

        // Audience stays unset: each API's default is filled in by DefaultAudienceCredentialsProvider.
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = key.TokenOrigin,
            ClientId = key.ClientId,
            ClientSecret = key.ClientSecret,
        };
        return new Auth0ClientCredentialsProvider(
            () => httpClientFactory.CreateClient(Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName),
            options,
            services.GetService<TimeProvider>(),
            services.GetService<ILoggerFactory>()?.CreateLogger<Auth0ClientCredentialsProvider>());
    }

    private readonly record struct ApplicationKey(string TokenEndpoint, string ClientId, string ClientSecret)
    {
        public string TokenOrigin => new Uri(TokenEndpoint).GetLeftPart(UriPartial.Authority);

        public override string ToString() => $"{TokenEndpoint} {ClientId}";
    }
}
