using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// A token endpoint that redirects must never get the client secret re-sent elsewhere. Real handlers on real
/// sockets: a tenant on one loopback port redirects to a second port, which must hear nothing.
/// </summary>
public sealed class TokenEndpointRedirectTests : IAsyncLifetime
{
    private LoopbackServer _elsewhere = null!;
    private LoopbackServer _tenant = null!;

    public async Task InitializeAsync()
    {
        _elsewhere = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(
                $$"""{"access_token":"{{ProviderFixture.AccessToken}}","token_type":"Bearer","expires_in":86400}""");
        });
        _tenant = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(_elsewhere.Origin, "/oauth/token").AbsoluteUri;
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _tenant.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task The_registered_token_endpoint_client_does_not_follow_a_redirect()
    {
        var services = new ServiceCollection();
        services.AddAuth0ApiClient<IOrdersApi>(ConfigureTenant);
        await using var provider = services.BuildServiceProvider();
        var credentials = provider.GetRequiredService<IOrdersApi>().Credentials;

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => credentials.GetAccessTokenAsync(new AccessTokenRequest(FakeApis.OrdersAudience)).AsTask());

        Assert.Equal(1, _tenant.RequestCount);
        Assert.Equal(0, _elsewhere.RequestCount);
        AssertExplainsRedirect(exception);
    }

    [Fact]
    public async Task A_primary_handler_the_application_configures_does_not_follow_a_redirect_either()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        services.AddAuth0ApiClient<IOrdersApi>(ConfigureTenant);
        services.AddHttpClient(Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
        await using var provider = services.BuildServiceProvider();
        var credentials = provider.GetRequiredService<IOrdersApi>().Credentials;

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => credentials.GetAccessTokenAsync(new AccessTokenRequest(FakeApis.OrdersAudience)).AsTask());

        Assert.Equal(0, _elsewhere.RequestCount);
        AssertExplainsRedirect(exception);
    }

    [Fact]
    public async Task A_provider_built_from_options_alone_does_not_follow_a_redirect()
    {
        var provider = new Auth0ClientCredentialsProvider(TenantOptions());

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());

        Assert.Equal(1, _tenant.RequestCount);
        Assert.Equal(0, _elsewhere.RequestCount);
        AssertExplainsRedirect(exception);
    }

    [Fact]
    public async Task An_answer_from_a_redirect_that_a_supplied_client_followed_is_refused()
    {
        var logger = new FakeLogger<Auth0ClientCredentialsProvider>();
        using var followingClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        var provider = new Auth0ClientCredentialsProvider(followingClient, TenantOptions(), logger: logger);

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());

        Assert.Equal(1, _elsewhere.RequestCount);
        Assert.Contains(
            $"redirected the token request to {_elsewhere.Origin.AbsoluteUri}oauth/token,",
            exception.Message);
        Assert.Contains("must not follow redirects", exception.Message);
        Assert.DoesNotContain(ProviderFixture.ClientSecret, exception.ToString());
        Assert.DoesNotContain(ProviderFixture.AccessToken, exception.ToString());
        var record = Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 1007);
        Assert.DoesNotContain(ProviderFixture.AccessToken, record.Message);

        // Nothing from the refused answer was cached: the next call asks again.
        await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());
        Assert.Equal(2, _elsewhere.RequestCount);
    }

    private static void AssertExplainsRedirect(TokenRequestException exception)
    {
        Assert.Equal(HttpStatusCode.TemporaryRedirect, exception.StatusCode);
        Assert.Contains("307", exception.Message);
        Assert.Contains("redirecting to", exception.Message);
        Assert.Contains("never sent on to another address", exception.Message);
        Assert.Contains("Auth0:Domain", exception.Message);
        Assert.DoesNotContain(ProviderFixture.ClientSecret, exception.ToString());
    }

    private void ConfigureTenant(Auth0ClientOptions options)
    {
        options.Domain = _tenant.Domain;
        options.ClientId = ProviderFixture.ClientId;
        options.ClientSecret = ProviderFixture.ClientSecret;
    }

    private Auth0ClientCredentialsOptions TenantOptions()
        => new()
        {
            Domain = _tenant.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientSecret = ProviderFixture.ClientSecret,
            Audience = ProviderFixture.DefaultAudience,
        };
}
