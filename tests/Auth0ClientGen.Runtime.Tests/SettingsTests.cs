using System;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("tenant.us.auth0.com", "https://tenant.us.auth0.com/oauth/token")]
    [InlineData("tenant.us.auth0.com/", "https://tenant.us.auth0.com/oauth/token")]
    [InlineData("  tenant.us.auth0.com  ", "https://tenant.us.auth0.com/oauth/token")]
    [InlineData("https://tenant.us.auth0.com", "https://tenant.us.auth0.com/oauth/token")]
    [InlineData("https://tenant.us.auth0.com/", "https://tenant.us.auth0.com/oauth/token")]
    [InlineData("https://login.example.com:8443", "https://login.example.com:8443/oauth/token")]
    [InlineData("http://127.0.0.1:5001", "http://127.0.0.1:5001/oauth/token")]
    [InlineData("http://127.0.0.1:5001/", "http://127.0.0.1:5001/oauth/token")]
    [InlineData("http://127.42.0.7:8080", "http://127.42.0.7:8080/oauth/token")]
    [InlineData("http://localhost:8080", "http://localhost:8080/oauth/token")]
    [InlineData("http://LocalHost:8080", "http://localhost:8080/oauth/token")]
    [InlineData("http://[::1]:9000", "http://[::1]:9000/oauth/token")]
    public void The_domain_becomes_the_token_endpoint(string domain, string expected)
    {
        var provider = CreateProvider(domain);

        Assert.Equal(new Uri(expected), provider.TokenEndpoint);
    }

    [Fact]
    public async Task The_token_request_goes_to_a_loopback_tenant_over_http()
    {
        var handler = new RecordingHandler(_ => TokenResponses.Success("token"));
        var provider = CreateProvider("http://127.0.0.1:5001", handler);

        await provider.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(new Uri("http://127.0.0.1:5001/oauth/token"), Assert.Single(handler.Requests).RequestUri);
    }

    [Theory]
    [InlineData("http://tenant.us.auth0.com")]
    [InlineData("http://10.0.0.1:8080")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://[::2]")]
    [InlineData("ftp://tenant.us.auth0.com")]
    public void Anything_but_https_is_refused_outside_loopback(string domain)
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateProvider(domain));

        Assert.Contains("Auth0:Domain", exception.Message);
        Assert.Contains("HTTPS is required", exception.Message);
    }

    [Theory]
    [InlineData("https://tenant.us.auth0.com/oauth/token", "without a path")]
    [InlineData("https://tenant.us.auth0.com/?tenant=x", "without a path")]
    [InlineData("https://user:password@tenant.us.auth0.com", "without a path")]
    [InlineData("tenant us auth0 com", "not a valid host name")]
    public void A_domain_that_is_not_an_origin_is_refused(string domain, string reason)
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateProvider(domain));

        Assert.Contains("Auth0:Domain", exception.Message);
        Assert.Contains(reason, exception.Message);
        Assert.DoesNotContain("password", exception.Message);
    }

    [Theory]
    [InlineData(null, "client", "secret", "Auth0:Domain")]
    [InlineData("tenant.us.auth0.com", "", "secret", "Auth0:ClientId")]
    [InlineData("tenant.us.auth0.com", "client", " ", "Auth0:ClientSecret")]
    public void A_missing_setting_is_named_by_its_key(string? domain, string clientId, string clientSecret, string key)
    {
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = domain,
            ClientId = clientId,
            ClientSecret = clientSecret,
        };

        var exception = Assert.Throws<ArgumentException>(
            () => new Auth0ClientCredentialsProvider(new HttpClient(), options));

        Assert.Contains(key, exception.Message);
        Assert.Contains("missing", exception.Message);
    }

    [Fact]
    public void Settings_errors_never_repeat_values()
    {
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = "http://" + ProviderFixture.ClientSecret + ".example.com",
            ClientSecret = ProviderFixture.ClientSecret,
        };

        var exception = Assert.Throws<ArgumentException>(
            () => new Auth0ClientCredentialsProvider(new HttpClient(), options));

        Assert.Contains("Auth0:ClientId", exception.Message);
        Assert.Contains("HTTPS is required", exception.Message);
        Assert.DoesNotContain(ProviderFixture.ClientSecret, exception.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Options_describe_themselves_without_the_secret()
    {
        var credentials = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientSecret = ProviderFixture.ClientSecret,
            Audience = ProviderFixture.DefaultAudience,
        };
        var client = new Auth0ClientOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientSecret = ProviderFixture.ClientSecret,
            BaseUrl = "https://api.example.com/",
        };

        Assert.Equal(
            "Auth0ClientCredentialsOptions { Domain = tenant.us.auth0.com, ClientId = m2m-client-id,"
            + " ClientSecret = (set), Audience = https://default.example.com }",
            credentials.ToString());
        Assert.Equal(
            "Auth0ClientOptions { Domain = tenant.us.auth0.com, ClientId = m2m-client-id, ClientSecret = (set),"
            + " Audience = , BaseUrl = https://api.example.com/ }",
            client.ToString());
        Assert.Contains("ClientSecret = (not set)", new Auth0ClientOptions().ToString());
    }

    private static Auth0ClientCredentialsProvider CreateProvider(string domain, RecordingHandler? handler = null)
        => new(
            new HttpClient(handler ?? new RecordingHandler(_ => TokenResponses.Success("token"))),
            new Auth0ClientCredentialsOptions
            {
                Domain = domain,
                ClientId = ProviderFixture.ClientId,
                ClientSecret = ProviderFixture.ClientSecret,
                Audience = ProviderFixture.DefaultAudience,
            });
}
