using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>The HTTP pipeline a registration returns, start-up validation, and named credentials.</summary>
public sealed class ServiceCollectionPipelineTests
{
    private readonly RecordingHandler _handler = new(request => request.IsTokenRequest
        ? TokenResponses.Success($"token-for-{request.Form["client_id"]}")
        : TokenResponses.Api("ok"));

    [Fact]
    public async Task A_handler_added_through_the_returned_builder_runs_on_every_call()
    {
        var marker = new MarkingHandler();
        var services = new ServiceCollection();
        services.AddAuth0ApiClient<IOrdersApi>(_ => new StaticCredentialsProvider("static-token"))
            .AddHttpMessageHandler(() => marker)
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");
        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");

        Assert.Equal(2, marker.Calls);
        Assert.All(_handler.Requests, request => Assert.Equal("1", request.Marker));
    }

    [Theory]
    [InlineData("Auth0:Domain")]
    [InlineData("Auth0:ClientSecret")]
    public async Task A_missing_setting_fails_the_host_start_naming_its_key(string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = "tenant.us.auth0.com",
            ["Auth0:ClientId"] = "client",
            ["Auth0:ClientSecret"] = ProviderFixture.ClientSecret,
        };
        settings.Remove(key);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAuth0ApiClient<IOrdersApi>();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, exception.Message);
        Assert.DoesNotContain(ProviderFixture.ClientSecret, exception.Message);
    }

    /// <summary>
    /// An API that declares neither audience nor base address needs both from somewhere; without them the host
    /// does not start, rather than the first call failing later.
    /// </summary>
    [Theory]
    [InlineData("Auth0:Audience")]
    [InlineData("Auth0:BaseUrl")]
    public async Task What_the_interface_does_not_declare_must_be_configured_before_the_host_starts(string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = "tenant.us.auth0.com",
            ["Auth0:ClientId"] = "client",
            ["Auth0:ClientSecret"] = ProviderFixture.ClientSecret,
            ["Auth0:Audience"] = "https://billing.example.com",
            ["Auth0:BaseUrl"] = "https://billing.example.com/",
        };
        settings.Remove(key);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAuth0ApiClient<IBillingApi>();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"{key} is missing", exception.Message);
    }

    [Fact]
    public async Task A_base_address_from_ConfigureHttpClient_satisfies_the_start_up_check()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = "tenant.us.auth0.com",
            ["Auth0:ClientId"] = "client",
            ["Auth0:ClientSecret"] = ProviderFixture.ClientSecret,
            ["Auth0:Audience"] = "https://billing.example.com",
        });
        builder.Services.AddAuth0ApiClient<IBillingApi>()
            .ConfigureHttpClient(client => client.BaseAddress = new Uri("https://billing.example.com/"));
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_named_credentials_fail_the_host_start_naming_their_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Credentials:billing:Domain"] = "tenant.us.auth0.com",
            ["Auth0:Credentials:billing:ClientId"] = "billing-client",
        });
        builder.Services.AddAuth0ApiClient<IOrdersApi>("billing");
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Auth0:Credentials:billing:ClientSecret is missing", exception.Message);
    }

    [Fact]
    public async Task Apis_with_different_named_credentials_get_tokens_from_different_applications()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Credentials:orders:Domain"] = "tenant.us.auth0.com",
                ["Auth0:Credentials:orders:ClientId"] = "orders-client",
                ["Auth0:Credentials:orders:ClientSecret"] = ProviderFixture.ClientSecret,
                ["Auth0:Credentials:inventory:Domain"] = "tenant.us.auth0.com",
                ["Auth0:Credentials:inventory:ClientId"] = "inventory-client",
                ["Auth0:Credentials:inventory:ClientSecret"] = ProviderFixture.ClientSecret,
                ["Auth0:Credentials:inventory:Audience"] = "https://inventory.example.com",
            })
            .Build());
        services.AddHttpClient(Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IOrdersApi>("orders").ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IInventoryApi>("inventory").ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IShippingApi>("orders").ConfigurePrimaryHttpMessageHandler(() => _handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");
        await provider.GetRequiredService<IInventoryApi>().GetAsync("/items");
        await provider.GetRequiredService<IShippingApi>().GetAsync("/shipments");

        var tokenRequests = _handler.Requests.Where(request => request.IsTokenRequest).ToList();
        Assert.Equal(["orders-client", "inventory-client"], tokenRequests.Select(request => request.Form["client_id"]));
        Assert.Equal([FakeApis.OrdersAudience, "https://inventory.example.com"], tokenRequests.Select(r => r.Form["audience"]));
        Assert.Equal(
            ["token-for-orders-client", "token-for-inventory-client", "token-for-orders-client"],
            _handler.Requests.Where(request => !request.IsTokenRequest).Select(r => r.Authorization?.Parameter));
    }

    [Fact]
    public async Task Named_credentials_set_in_code_win_over_configuration_whatever_the_order()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Credentials:orders:Domain"] = "tenant.us.auth0.com",
                ["Auth0:Credentials:orders:ClientId"] = "configured-client",
                ["Auth0:Credentials:orders:ClientSecret"] = ProviderFixture.ClientSecret,
            })
            .Build());
        services.AddAuth0ApiClient<IOrdersApi>("orders");
        services.AddAuth0Credentials("orders", options => options.ClientId = "code-client");
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<Auth0ClientCredentialsOptions>>().Get("orders");

        Assert.Equal("code-client", options.ClientId);
        Assert.Equal("tenant.us.auth0.com", options.Domain);
    }

    private sealed class MarkingHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            request.Headers.Add("X-Marker", "1");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
