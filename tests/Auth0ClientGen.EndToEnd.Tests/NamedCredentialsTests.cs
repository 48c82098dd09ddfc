using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Two APIs registered with different named credentials get their tokens as different applications.</summary>
public class NamedCredentialsTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string SecondClientId = "second-m2m-client";
    private const string SecondClientSecret = "second-m2m-secret";

    [Fact]
    public async Task EachApiIsAuthorizedByTheApplicationItsCredentialsName()
    {
        fixture.Tenant.AddClient(SecondClientId, SecondClientSecret);
        fixture.Tenant.Grant(SecondClientId, LocalAuth0Tenant.QuickstartAudience, "read:messages");
        var usersCapture = new CapturingHandler();
        var quickstartCapture = new CapturingHandler { ResponseBody = "{\"message\":\"ok\"}" };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:BaseUrl"] = fixture.Tenant.BaseAddress.ToString(),
                ["Auth0:Credentials:management:Domain"] = fixture.Tenant.Domain,
                ["Auth0:Credentials:management:ClientId"] = LocalAuth0Tenant.DefaultClientId,
                ["Auth0:Credentials:management:ClientSecret"] = LocalAuth0Tenant.DefaultClientSecret,
                ["Auth0:Credentials:management:Audience"] = fixture.Tenant.ManagementApiAudience,
                ["Auth0:Credentials:messages:Domain"] = fixture.Tenant.Domain,
                ["Auth0:Credentials:messages:ClientId"] = SecondClientId,
                ["Auth0:Credentials:messages:ClientSecret"] = SecondClientSecret,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAuth0ApiClient<IUsersApi>("management").ConfigurePrimaryHttpMessageHandler(() => usersCapture);
        services.AddAuth0ApiClient<IQuickstartApi>("messages").ConfigurePrimaryHttpMessageHandler(() => quickstartCapture);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IUsersApi>().ListRawAsync(includeTotals: false, perPage: 1);
        await provider.GetRequiredService<IQuickstartApi>().GetPrivateAsync();

        var usersToken = JwtClaims.ReadBearer(Assert.Single(usersCapture.Requests).Authorization);
        var quickstartToken = JwtClaims.ReadBearer(Assert.Single(quickstartCapture.Requests).Authorization);
        Assert.Equal(LocalAuth0Tenant.DefaultClientId, usersToken.GetProperty("azp").GetString());
        Assert.Equal(fixture.Tenant.ManagementApiAudience, usersToken.GetProperty("aud").GetString());
        Assert.Equal(SecondClientId, quickstartToken.GetProperty("azp").GetString());
        Assert.Equal(LocalAuth0Tenant.QuickstartAudience, quickstartToken.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task TheSecondApplicationsTokenIsAcceptedByTheApi()
    {
        fixture.Tenant.AddClient(SecondClientId, SecondClientSecret);
        fixture.Tenant.Grant(SecondClientId, LocalAuth0Tenant.QuickstartAudience, "read:messages");
        var services = new ServiceCollection();
        services.AddAuth0Credentials("messages", options =>
        {
            options.Domain = fixture.Tenant.Domain;
            options.ClientId = SecondClientId;
            options.ClientSecret = SecondClientSecret;
        });
        services.AddAuth0ApiClient<IQuickstartApi>("messages", options => options.BaseUrl = fixture.Tenant.BaseAddress.ToString());
        await using var provider = services.BuildServiceProvider();

        var message = await provider.GetRequiredService<IQuickstartApi>().GetPrivateAsync();

        Assert.False(string.IsNullOrEmpty(message.Message));
    }
}
