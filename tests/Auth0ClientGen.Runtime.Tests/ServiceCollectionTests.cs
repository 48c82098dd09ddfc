using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class ServiceCollectionTests
{
    private const string DefaultAudience = "https://default.example.com";

    private readonly RecordingHandler _handler = new(request => request.IsTokenRequest
        ? TokenResponses.Success($"token-for-{request.Form["audience"]}-{request.Form["client_id"]}")
        : TokenResponses.Api("ok"));

    private static Dictionary<string, string?> Configuration => new()
    {
        ["Auth0:Domain"] = "tenant.us.auth0.com",
        ["Auth0:ClientId"] = "configured-client",
        ["Auth0:ClientSecret"] = ProviderFixture.ClientSecret,
        ["Auth0:Audience"] = DefaultAudience,
    };

    private IEnumerable<RecordedRequest> TokenRequests => _handler.Requests.Where(request => request.IsTokenRequest);

    private IEnumerable<RecordedRequest> ApiRequests => _handler.Requests.Where(request => !request.IsTokenRequest);

    [Fact]
    public void Options_are_bound_from_the_Auth0_section_per_api_and_configure_runs_after_binding()
    {
        var configuration = Configuration;
        configuration["Auth0:BaseUrl"] = "https://configured.example.com/";
        var services = CreateServices(configuration);

        var orders = services.AddAuth0ApiClient<IOrdersApi>();
        var inventory = services.AddAuth0ApiClient<IInventoryApi>(options =>
        {
            options.ClientId = "inventory-client";
            options.Audience = "https://inventory.example.com";
        });
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>();
        var ordersOptions = monitor.Get(orders.Name);
        var inventoryOptions = monitor.Get(inventory.Name);

        Assert.Equal(typeof(IOrdersApi).FullName, orders.Name);
        Assert.Equal("tenant.us.auth0.com", ordersOptions.Domain);
        Assert.Equal("configured-client", ordersOptions.ClientId);
        Assert.Equal(ProviderFixture.ClientSecret, ordersOptions.ClientSecret);
        Assert.Equal(DefaultAudience, ordersOptions.Audience);
        Assert.Equal("https://configured.example.com/", ordersOptions.BaseUrl);
        Assert.Equal("tenant.us.auth0.com", inventoryOptions.Domain);
        Assert.Equal("inventory-client", inventoryOptions.ClientId);
        Assert.Equal("https://inventory.example.com", inventoryOptions.Audience);
    }

    [Fact]
    public async Task A_resolved_client_gets_a_token_from_the_configured_tenant_and_sends_it()
    {
        var services = CreateServices(Configuration);
        services.AddAuth0ApiClient<IOrdersApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();

        var body = await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders/42");

        Assert.Equal("ok", body);
        var tokenRequest = Assert.Single(TokenRequests);
        Assert.Equal(new Uri("https://tenant.us.auth0.com/oauth/token"), tokenRequest.RequestUri);
        Assert.Equal("configured-client", tokenRequest.Form["client_id"]);
        Assert.Equal(ProviderFixture.ClientSecret, tokenRequest.Form["client_secret"]);
        var apiRequest = Assert.Single(ApiRequests);
        Assert.Equal("Bearer", apiRequest.Authorization?.Scheme);
        Assert.Equal($"token-for-{FakeApis.OrdersAudience}-configured-client", apiRequest.Authorization?.Parameter);
    }

    [Fact]
    public async Task The_configured_base_url_overrides_the_declared_one()
    {
        var services = CreateServices(Configuration);
        services.AddAuth0ApiClient<IOrdersApi>(options => options.BaseUrl = "https://staging.example.com/v2/")
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IOrdersApi>();

        await client.GetAsync("/orders/42");

        Assert.Equal(new Uri("https://staging.example.com/v2/"), client.HttpClient.BaseAddress);
        Assert.Equal(new Uri("https://staging.example.com/v2/orders/42"), Assert.Single(ApiRequests).RequestUri);
    }

    [Fact]
    public async Task Without_a_configured_base_url_the_declared_one_is_used()
    {
        var services = CreateServices(Configuration);
        services.AddAuth0ApiClient<IOrdersApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IOrdersApi>();

        await client.GetAsync("/orders/42");

        Assert.Null(client.HttpClient.BaseAddress);
        Assert.Equal(new Uri("https://orders.example.com/api/orders/42"), Assert.Single(ApiRequests).RequestUri);
    }

    [Fact]
    public async Task The_declared_audience_wins_and_the_configured_one_is_the_default()
    {
        var services = CreateServices(Configuration);
        services.AddAuth0ApiClient<IOrdersApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IInventoryApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");
        await provider.GetRequiredService<IInventoryApi>().GetAsync("/items");

        Assert.Equal(
            new[] { FakeApis.OrdersAudience, DefaultAudience },
            TokenRequests.Select(request => request.Form["audience"]));
    }

    [Fact]
    public async Task Apis_of_the_same_application_share_one_token_cache()
    {
        var services = CreateServices(Configuration);
        services.AddAuth0ApiClient<IOrdersApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IShippingApi>(options => options.Domain = "https://tenant.us.auth0.com/")
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IInventoryApi>(options => options.ClientId = "inventory-client")
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");
        await provider.GetRequiredService<IShippingApi>().GetAsync("/shipments");
        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");
        await provider.GetRequiredService<IInventoryApi>().GetAsync("/items");
        await provider.GetRequiredService<IInventoryApi>().GetAsync("/items");

        Assert.Equal(
            new[] { "configured-client", "inventory-client" },
            TokenRequests.Select(request => request.Form["client_id"]));
    }

    [Fact]
    public async Task Tokens_expire_on_the_container_time_provider()
    {
        var time = new FakeTimeProvider();
        var services = CreateServices(Configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddAuth0ApiClient<IOrdersApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IOrdersApi>();

        await client.GetAsync("/orders");
        time.Advance(TimeSpan.FromDays(1) - Auth0ClientCredentialsProvider.DefaultRenewalMargin);
        await client.GetAsync("/orders");

        Assert.Equal(2, TokenRequests.Count());
    }

    [Theory]
    [InlineData("Auth0:Domain")]
    [InlineData("Auth0:ClientId")]
    [InlineData("Auth0:ClientSecret")]
    public void A_missing_setting_fails_at_first_resolution_naming_its_key(string key)
    {
        var configuration = Configuration;
        configuration.Remove(key);
        var services = CreateServices(configuration);

        services.AddAuth0ApiClient<IOrdersApi>();
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains(key, exception.Message);
        Assert.Contains(typeof(IOrdersApi).FullName!, exception.Message);
        Assert.DoesNotContain(ProviderFixture.ClientSecret, exception.Message);
    }

    [Fact]
    public void Everything_can_be_set_in_code_without_a_registered_configuration()
    {
        var services = CreateServices(configuration: null);

        services.AddAuth0ApiClient<IOrdersApi>(options =>
        {
            options.Domain = "tenant.us.auth0.com";
            options.ClientId = "code-client";
            options.ClientSecret = ProviderFixture.ClientSecret;
        });
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IOrdersApi>());
    }

    [Fact]
    public void An_api_without_any_audience_fails_at_resolution_naming_the_setting()
    {
        var configuration = Configuration;
        configuration.Remove("Auth0:Audience");
        var services = CreateServices(configuration);

        services.AddAuth0ApiClient<IBillingApi>();
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBillingApi>());

        Assert.Contains("Auth0:Audience", exception.Message);
    }

    [Fact]
    public void A_plain_http_domain_outside_loopback_is_refused()
    {
        var services = CreateServices(Configuration);

        services.AddAuth0ApiClient<IOrdersApi>(options => options.Domain = "http://tenant.us.auth0.com");
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains("HTTPS is required", exception.Message);
    }

    [Fact]
    public void A_base_url_that_is_not_an_absolute_address_is_refused()
    {
        var services = CreateServices(Configuration);

        services.AddAuth0ApiClient<IOrdersApi>(options => options.BaseUrl = "/relative");
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains("Auth0:BaseUrl", exception.Message);
    }

    [Theory]
    [InlineData("https://api.example.com/v2?key=private", "a query string")]
    [InlineData("https://api.example.com/v2#private", "a fragment")]
    [InlineData("https://admin:private@api.example.com/v2/", "user information")]
    public void A_base_url_with_more_than_scheme_host_and_path_is_refused(string baseUrl, string parts)
    {
        var services = CreateServices(Configuration);

        services.AddAuth0ApiClient<IOrdersApi>(options => options.BaseUrl = baseUrl);
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains($"Auth0:BaseUrl has {parts}", exception.Message);
        Assert.DoesNotContain("private", exception.Message);
    }

    [Fact]
    public void Missing_settings_without_a_registered_configuration_say_that_none_was_read()
    {
        var services = CreateServices(configuration: null);

        services.AddAuth0ApiClient<IOrdersApi>();
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains("Auth0:ClientSecret is missing", exception.Message);
        Assert.Contains(
            "No IConfiguration is registered, so the Auth0 configuration section was not read",
            exception.Message);
    }

    [Fact]
    public void Missing_settings_with_a_registered_configuration_do_not_blame_its_absence()
    {
        var configuration = Configuration;
        configuration.Remove("Auth0:ClientSecret");
        var services = CreateServices(configuration);

        services.AddAuth0ApiClient<IOrdersApi>();
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains("Auth0:ClientSecret is missing", exception.Message);
        Assert.DoesNotContain("IConfiguration", exception.Message);
    }

    [Fact]
    public void A_client_without_any_base_address_fails_at_resolution_naming_the_setting()
    {
        var services = CreateServices(Configuration);

        services.AddAuth0ApiClient<IBillingApi>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBillingApi>());

        Assert.Contains(typeof(IBillingApi).FullName!, exception.Message);
        Assert.Contains("Auth0:BaseUrl is missing", exception.Message);
        Assert.DoesNotContain("IConfiguration", exception.Message);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public void A_client_with_a_custom_provider_and_no_base_address_fails_at_resolution_too()
    {
        var services = CreateServices(configuration: null);

        services.AddAuth0ApiClient<IBillingApi>(_ => new StaticCredentialsProvider("static-token"));
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBillingApi>());

        Assert.Contains("Auth0:BaseUrl is missing", exception.Message);
        Assert.Contains("No IConfiguration is registered", exception.Message);
    }

    [Fact]
    public async Task A_base_address_set_with_ConfigureHttpClient_is_enough()
    {
        var services = CreateServices(Configuration);

        services.AddAuth0ApiClient<IBillingApi>()
            .ConfigureHttpClient(client => client.BaseAddress = new Uri("https://billing.example.com/"))
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IBillingApi>().GetAsync("/invoices");

        Assert.Equal(new Uri("https://billing.example.com/invoices"), Assert.Single(ApiRequests).RequestUri);
    }

    [Fact]
    public async Task A_custom_credentials_provider_replaces_the_Auth0_one()
    {
        var services = CreateServices(configuration: null);

        services.AddAuth0ApiClient<IOrdersApi>(_ => new StaticCredentialsProvider("static-token"))
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");

        Assert.Empty(TokenRequests);
        Assert.Equal("static-token", Assert.Single(ApiRequests).Authorization?.Parameter);
    }

    [Fact]
    public async Task A_custom_credentials_provider_is_asked_for_the_declared_or_configured_audience()
    {
        var credentials = new AudienceRecordingProvider();
        var services = CreateServices(configuration: null);
        services.AddSingleton(credentials);

        services.AddAuth0ApiClient<IOrdersApi>(
                serviceProvider => serviceProvider.GetRequiredService<AudienceRecordingProvider>(),
                options => options.Audience = DefaultAudience)
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IInventoryApi>(
                serviceProvider => serviceProvider.GetRequiredService<AudienceRecordingProvider>(),
                options => options.Audience = DefaultAudience)
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        services.AddAuth0ApiClient<IBillingApi>(
                serviceProvider => serviceProvider.GetRequiredService<AudienceRecordingProvider>(),
                options => options.BaseUrl = "https://billing.example.com/")
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IOrdersApi>().GetAsync("/orders");
        await provider.GetRequiredService<IInventoryApi>().GetAsync("/items");
        await provider.GetRequiredService<IBillingApi>().GetAsync("/invoices");

        Assert.Equal(new[] { FakeApis.OrdersAudience, DefaultAudience, null }, credentials.Audiences);
        Assert.Equal(
            new Uri("https://billing.example.com/invoices"),
            ApiRequests.Last().RequestUri);
    }

    private ServiceCollection CreateServices(Dictionary<string, string?>? configuration)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            var built = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
            services.AddSingleton<IConfiguration>(built);
        }

        services.AddHttpClient(Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        return services;
    }

    private sealed class AudienceRecordingProvider : ICredentialsProvider
    {
        public List<string?> Audiences { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(
            AccessTokenRequest request,
            CancellationToken cancellationToken = default)
        {
            Audiences.Add(request.Audience);
            return new ValueTask<string>("custom-token");
        }
    }
}
