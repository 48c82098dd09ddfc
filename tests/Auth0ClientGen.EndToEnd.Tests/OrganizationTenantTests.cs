using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Client credentials tokens on behalf of Auth0 organizations, issued and checked by the local tenant.</summary>
public sealed class OrganizationTenantTests : IClassFixture<TenantFixture>
{
    private const string Alpha = "org_alpha";
    private const string Beta = "org_beta";
    private const string NotAllowed = "org_gamma";

    private readonly TenantFixture _fixture;

    public OrganizationTenantTests(TenantFixture fixture)
    {
        _fixture = fixture;

        // Adding an organization again renames it to the same name, so every test may set them up.
        fixture.Tenant.AddOrganization(Alpha, "alpha");
        fixture.Tenant.AddOrganization(Beta, "beta");
        fixture.Tenant.AddOrganization(NotAllowed, "gamma");
        fixture.Tenant.AllowOrganization(LocalAuth0Tenant.DefaultClientId, LocalAuth0Tenant.QuickstartAudience, Alpha);
        fixture.Tenant.AllowOrganization(LocalAuth0Tenant.DefaultClientId, LocalAuth0Tenant.QuickstartAudience, Beta);
    }

    private LocalAuth0Tenant Tenant => _fixture.Tenant;

    [Fact]
    public async Task Two_organizations_get_two_tokens_and_each_is_reused_for_its_own_organization()
    {
        var provider = _fixture.CreateProvider();
        var before = Tenant.GetTokenRequestCount("client_credentials");

        var alpha = await provider.GetAccessTokenAsync(ForOrganization(Alpha));
        var beta = await provider.GetAccessTokenAsync(ForOrganization(Beta));
        var alphaAgain = await provider.GetAccessTokenAsync(ForOrganization(Alpha));
        var betaAgain = await provider.GetAccessTokenAsync(ForOrganization(Beta));

        Assert.Equal(Alpha, JwtClaims.Read(alpha).GetString("org_id"));
        Assert.Equal(Beta, JwtClaims.Read(beta).GetString("org_id"));
        Assert.Equal(alpha, alphaAgain);
        Assert.Equal(beta, betaAgain);
        Assert.Equal(2, Tenant.GetTokenRequestCount("client_credentials") - before);
    }

    [Fact]
    public async Task A_token_without_an_organization_is_never_handed_to_a_call_for_one()
    {
        var provider = _fixture.CreateProvider();

        var plain = await provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience));
        var alpha = await provider.GetAccessTokenAsync(ForOrganization(Alpha));

        Assert.Null(JwtClaims.Read(plain).GetString("org_id"));
        Assert.Equal(Alpha, JwtClaims.Read(alpha).GetString("org_id"));
    }

    [Fact]
    public async Task The_configured_organization_is_requested_and_its_token_is_accepted_by_the_api()
    {
        var provider = TenantFixture.CreateProvider(Tenant, options => options.Organization = Beta);
        var recorder = new BearerTokenRecorder { InnerHandler = new SocketsHttpHandler { UseProxy = false } };
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(
            new HttpClient(recorder) { BaseAddress = Tenant.BaseAddress }, provider);

        var message = await quickstart.GetPrivateAsync();
        var direct = await provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience));

        Assert.False(string.IsNullOrEmpty(message.Message));
        var sent = Assert.Single(recorder.Tokens);
        Assert.Equal(Beta, JwtClaims.Read(sent).GetString("org_id"));
        Assert.Equal("beta", JwtClaims.Read(sent).GetString("org_name"));
        Assert.Equal(sent, direct);
    }

    [Fact]
    public async Task The_organization_from_configuration_is_requested_by_a_registered_client()
    {
        var recorder = new BearerTokenRecorder();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Domain"] = Tenant.Domain,
                ["Auth0:ClientId"] = LocalAuth0Tenant.DefaultClientId,
                ["Auth0:ClientSecret"] = LocalAuth0Tenant.DefaultClientSecret,
                ["Auth0:Organization"] = Alpha,
                ["Auth0:BaseUrl"] = Tenant.BaseAddress.ToString(),
            })
            .Build());
        services.AddAuth0ApiClient<IQuickstartApi>().AddHttpMessageHandler(() => recorder);
        await using var container = services.BuildServiceProvider();
        var before = Tenant.GetTokenRequestCount("client_credentials");

        await container.GetRequiredService<IQuickstartApi>().GetPrivateAsync();
        await container.GetRequiredService<IQuickstartApi>().GetPrivateAsync();

        Assert.Equal(2, recorder.Tokens.Count);
        Assert.Single(recorder.Tokens.Distinct());
        Assert.All(recorder.Tokens, token => Assert.Equal(Alpha, JwtClaims.Read(token).GetString("org_id")));
        Assert.Equal(1, Tenant.GetTokenRequestCount("client_credentials") - before);
    }

    [Fact]
    public async Task An_organization_the_client_is_not_allowed_for_is_refused_with_access_denied()
    {
        var provider = _fixture.CreateProvider();

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(ForOrganization(NotAllowed)).AsTask());

        Assert.Equal("access_denied", exception.Error);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Contains(LocalAuth0Tenant.QuickstartAudience, exception.Message);
        Assert.Contains($"organization \"{NotAllowed}\"", exception.Message);
        Assert.Contains("Check the organization ID (Auth0:Organization", exception.Message);
        Assert.DoesNotContain("Authorize the application for this API", exception.Message);
        Assert.DoesNotContain(LocalAuth0Tenant.DefaultClientSecret, exception.Message);
    }

    private static AccessTokenRequest ForOrganization(string organization)
        => new(LocalAuth0Tenant.QuickstartAudience) { Organization = organization };
}
