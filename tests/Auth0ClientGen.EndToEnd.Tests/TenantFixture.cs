using System;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

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

    public HttpClient CreateApiHttpClient() => new() { BaseAddress = Tenant.BaseAddress };
}
