using System;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>One local tenant for the whole test class; each test creates its own clients.</summary>
public sealed class TenantFixture : IAsyncLifetime
{
    public LocalAuth0Tenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync() => Tenant = await LocalAuth0Tenant.StartAsync();

    public async Task DisposeAsync() => await Tenant.DisposeAsync();

    /// <summary>A provider for the default client, with the Management API as its default audience.</summary>
    public Auth0ClientCredentialsProvider CreateProvider(
        string clientId = LocalAuth0Tenant.DefaultClientId,
        string clientSecret = LocalAuth0Tenant.DefaultClientSecret)
        => new(
            new HttpClient(),
            new Auth0ClientCredentialsOptions
            {
                Domain = Tenant.Domain,
                ClientId = clientId,
                ClientSecret = clientSecret,
                Audience = Tenant.ManagementApiAudience,
            });

    /// <summary>
    /// A provider for the default client of <paramref name="tenant"/>, adjusted by <paramref name="configure"/>, whose
    /// token requests go straight to loopback: no proxy, no redirects.
    /// </summary>
    public static Auth0ClientCredentialsProvider CreateProvider(
        LocalAuth0Tenant tenant,
        Action<Auth0ClientCredentialsOptions>? configure = null,
        TimeProvider? time = null,
        ILogger<Auth0ClientCredentialsProvider>? logger = null,
        HttpClient? httpClient = null)
    {
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = tenant.Domain,
            ClientId = LocalAuth0Tenant.DefaultClientId,
            ClientSecret = LocalAuth0Tenant.DefaultClientSecret,
        };
        configure?.Invoke(options);
        httpClient ??= new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        return new Auth0ClientCredentialsProvider(httpClient, options, time, logger);
    }

    public HttpClient CreateApiHttpClient() => new() { BaseAddress = Tenant.BaseAddress };
}
