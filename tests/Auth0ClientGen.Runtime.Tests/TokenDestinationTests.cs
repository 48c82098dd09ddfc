using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>A token goes only to the base address's host or an allowed host, and never over plain remote http.</summary>
public sealed class TokenDestinationTests
{
    private const string AccessToken = "eyJ.destination-token.NEVER-print-me";

    private readonly RecordingHandler _handler = new(_ => TokenResponses.Api("ok"));
    private readonly CountingCredentials _credentials = new();

    [Theory]
    [InlineData("https://elsewhere.example.com/orders")]
    [InlineData("https://orders.example.com:8443/api/orders")]
    [InlineData("http://orders.example.com/api/orders")]
    [InlineData("https://orders.example.com.evil.example/api/orders")]
    public async Task A_request_that_leaves_the_base_address_host_is_refused_before_a_token_is_requested(string address)
    {
        var client = CreateClient();

        var exception = await Assert.ThrowsAsync<TokenDestinationException>(() => SendAsync(client, address));

        Assert.Equal(0, _credentials.Calls);
        Assert.Empty(_handler.Requests);
        Assert.Equal(new Uri(address).IsDefaultPort ? new Uri(address).Host : new Uri(address).Authority, exception.Host);
        Assert.DoesNotContain("/orders", exception.Message);
    }

    [Fact]
    public async Task A_request_to_the_base_address_host_carries_the_token()
    {
        var client = CreateClient();

        await SendAsync(client, "https://ORDERS.example.com/other/path?q=1");

        Assert.Equal(AccessToken, Assert.Single(_handler.Requests).Authorization?.Parameter);
    }

    [Theory]
    [InlineData("https://files.example.com/upload")]
    [InlineData("https://reports.example.com:8443/r")]
    public async Task Allowed_hosts_receive_the_token(string address)
    {
        var client = CreateClient("files.example.com", "reports.example.com:8443");

        await SendAsync(client, address);

        Assert.Equal(AccessToken, Assert.Single(_handler.Requests).Authorization?.Parameter);
    }

    [Theory]
    [InlineData("https://files.example.com:8443/upload")]
    [InlineData("https://reports.example.com/r")]
    [InlineData("http://files.example.com/upload")]
    public async Task An_allowed_host_matches_only_its_port_and_https(string address)
    {
        var client = CreateClient("files.example.com", "reports.example.com:8443");

        await Assert.ThrowsAsync<TokenDestinationException>(() => SendAsync(client, address));

        Assert.Equal(0, _credentials.Calls);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_plain_http_base_address_outside_loopback_is_refused_and_says_to_use_https()
    {
        var client = CreateClientAt("http://orders.example.com/api/");

        var exception = await Assert.ThrowsAsync<TokenDestinationException>(
            () => SendAsync(client, "http://orders.example.com/api/orders"));

        Assert.Contains("https://", exception.Message);
        Assert.Contains("loopback", exception.Message);
        Assert.Equal(0, _credentials.Calls);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001/")]
    [InlineData("http://localhost:5001/")]
    [InlineData("http://[::1]:5001/")]
    public async Task A_plain_http_loopback_base_address_is_accepted(string baseUrl)
    {
        var client = CreateClientAt(baseUrl);

        await SendAsync(client, new Uri(new Uri(baseUrl), "orders").AbsoluteUri);

        Assert.Equal(AccessToken, Assert.Single(_handler.Requests).Authorization?.Parameter);
    }

    [Fact]
    public async Task A_client_created_without_the_container_is_held_to_its_declared_base_address()
    {
        var client = Auth0ApiClient.Create<IOrdersApi>(new HttpClient(_handler), _credentials);

        await Assert.ThrowsAsync<TokenDestinationException>(
            () => SendAsync(client, "https://elsewhere.example.com/orders"));
        await SendAsync(client, "https://orders.example.com/api/orders");

        Assert.Equal(1, _credentials.Calls);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task A_request_without_a_token_is_not_checked()
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://elsewhere.example.com/public");

        using var response = await GeneratedClientHelpers.SendAsync(client.HttpClient, null, request, default, default);

        Assert.Null(Assert.Single(_handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("https://files.example.com")]
    [InlineData("files.example.com/path")]
    [InlineData("files example.com")]
    [InlineData("")]
    public void An_allowed_host_that_is_not_a_host_fails_validation_naming_its_key(string entry)
    {
        var services = new ServiceCollection();
        services.AddAuth0ApiClient<IOrdersApi>(_ => _credentials, options => options.AllowedHosts = ["ok.example.com", entry]);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOrdersApi>());

        Assert.Contains("Auth0:AllowedHosts:1 is not a host name", exception.Message);
    }

    [Fact]
    public void Allowed_hosts_are_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:AllowedHosts:0"] = "files.example.com",
                ["Auth0:AllowedHosts:1"] = "reports.example.com:8443",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        var builder = services.AddAuth0ApiClient<IOrdersApi>(_ => _credentials);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>().Get(builder.Name);

        Assert.Equal(["files.example.com", "reports.example.com:8443"], options.AllowedHosts);
    }

    private IFakeApi CreateClient(params string[] allowedHosts) => CreateClientAt(null, allowedHosts);

    private IFakeApi CreateClientAt(string? baseUrl, params string[] allowedHosts)
    {
        var services = new ServiceCollection();
        services.AddAuth0ApiClient<IOrdersApi>(_ => _credentials, options =>
            {
                options.BaseUrl = baseUrl;
                options.AllowedHosts = allowedHosts;
            })
            .ConfigurePrimaryHttpMessageHandler(() => _handler);
        return services.BuildServiceProvider().GetRequiredService<IOrdersApi>();
    }

    private static async Task SendAsync(IFakeApi client, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        using var response = await GeneratedClientHelpers.SendAsync(
            client.HttpClient, client.Credentials, request, new AccessTokenRequest(FakeApis.OrdersAudience), default);
    }

    private sealed class CountingCredentials : ICredentialsProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return new ValueTask<string>(AccessToken);
        }
    }
}
