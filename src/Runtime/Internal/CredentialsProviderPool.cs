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
    /// <remarks>The options must already have passed validation.</remarks>
    public Auth0ClientCredentialsProvider GetOrCreate(Auth0CredentialSettings options)
    {
        Auth0Settings.TryGetTokenEndpoint(options.Domain!, out var tokenEndpoint, out _);

        // Everything that changes how tokens are requested is part of the key, the secret and signing key
        // included, so that two registrations that disagree each get a provider with their own settings rather
        // than one silently using the other's. Audience and organization are not: each API's defaults are
        // filled in per request by ApiDefaultsCredentialsProvider, and the token cache is keyed by both.
        var key = new ApplicationKey(
            tokenEndpoint.GetLeftPart(UriPartial.Authority),
            options.ClientId!,
            options.ClientSecret,
            Auth0Settings.GetClientAuthentication(options),
            options.ClientAssertionSigningKey,
            options.ClientAssertionSigningAlgorithm,
            options.ClientAssertionKeyId,
            options.RenewalMargin,
            options.TokenRequestRetries,
            options.MaxTokenRequestRetryDelay);
        return _providers.GetOrAdd(key, static (key, services) => Create(key, services), services);
    }

    private static Auth0ClientCredentialsProvider Create(ApplicationKey key, IServiceProvider services)
    {
        var httpClientFactory = services.GetRequiredService<IHttpClientFactory>();
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = key.TokenOrigin,
            ClientId = key.ClientId,
            ClientSecret = key.ClientSecret,
            ClientAuthentication = key.Authentication,
            ClientAssertionSigningKey = key.SigningKey,
            ClientAssertionSigningAlgorithm = key.SigningAlgorithm,
            ClientAssertionKeyId = key.KeyId,
            RenewalMargin = key.RenewalMargin,
            TokenRequestRetries = key.Retries,
            MaxTokenRequestRetryDelay = key.MaxRetryDelay,
        };
        return new Auth0ClientCredentialsProvider(
            () => httpClientFactory.CreateClient(Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName),
            options,
            services.GetService<TimeProvider>(),
            services.GetService<ILoggerFactory>()?.CreateLogger<Auth0ClientCredentialsProvider>())
        {
            // Registered by AddAuth0DistributedTokenCache; absent otherwise.
            DistributedCache = services.GetService<DistributedTokenCache>(),
        };
    }

    private readonly record struct ApplicationKey(
        string TokenOrigin,
        string ClientId,
        string? ClientSecret,
        Auth0ClientAuthentication Authentication,
        string? SigningKey,
        string? SigningAlgorithm,
        string? KeyId,
        TimeSpan? RenewalMargin,
        int? Retries,
        TimeSpan? MaxRetryDelay)
    {
        public override string ToString() => $"{TokenOrigin} {ClientId}";
    }
}
