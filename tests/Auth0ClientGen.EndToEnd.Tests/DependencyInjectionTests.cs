using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>The path most applications take: the Auth0 configuration section and the HttpClient factory.</summary>
public class DependencyInjectionTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private ServiceProvider BuildServices(string clientSecret = LocalAuth0Tenant.DefaultClientSecret)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Domain"] = fixture.Tenant.Domain,
                ["Auth0:ClientId"] = LocalAuth0Tenant.DefaultClientId,
                ["Auth0:ClientSecret"] = clientSecret,
                ["Auth0:Audience"] = fixture.Tenant.ManagementApiAudience,
                ["Auth0:BaseUrl"] = fixture.Tenant.BaseAddress.ToString(),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAuth0ApiClient<IUsersApi>();
        services.AddAuth0ApiClient<IQuickstartApi>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task ClientsFromTheContainerShareOneTokenPerAudience()
    {
        await using var services = BuildServices();
        var before = fixture.Tenant.TokenRequestCount;

        // Typed clients are transient; the credentials provider behind them is shared.
        await services.GetRequiredService<IUsersApi>().ListAsync();
        await services.GetRequiredService<IUsersApi>().ListAsync();
        await services.GetRequiredService<IQuickstartApi>().GetPrivateAsync();
        await services.GetRequiredService<IQuickstartApi>().GetPrivateAsync();

        Assert.Equal(2, fixture.Tenant.TokenRequestCount - before);
    }

    [Fact]
    public async Task TheConfiguredAudienceIsUsedWhenTheInterfaceDeclaresNone()
    {
        await using var services = BuildServices();

        // IUsersApi declares no audience; a token for any other audience would get 401 from the API.
        var users = await services.GetRequiredService<IUsersApi>().ListAsync(perPage: 1);

        Assert.NotNull(users);
    }

    [Fact]
    public async Task AWrongSecretInConfigurationSurfacesAccessDenied()
    {
        await using var services = BuildServices(clientSecret: "not-the-secret");

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => services.GetRequiredService<IUsersApi>().ListAsync());

        Assert.Equal("access_denied", exception.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.DoesNotContain("not-the-secret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AClientCanBeCreatedWithoutTheContainer()
    {
        var users = Auth0ApiClient.Create<IUsersApi>(fixture.CreateApiHttpClient(), fixture.CreateProvider());

        Assert.IsType<UsersApiClient>(users);
        Assert.Equal(LocalAuth0Tenant.QuickstartAudience, Auth0ApiClient.GetMetadata<IQuickstartApi>().Audience);
    }
}
