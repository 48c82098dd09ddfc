using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

public sealed class OrganizationTests : IClassFixture<TenantFixture>
{
    private const string ClientId = "org-client";
    private const string ClientSecret = "org-secret";
    private const string AllowedId = "org_allowed123";
    private const string AllowedName = "acme";
    private const string OtherId = "org_other456";

    private readonly TenantFixture _fixture;

    public OrganizationTests(TenantFixture fixture)
    {
        _fixture = fixture;

        // Every call here may be repeated: each test starts from the same setup.
        Tenant.AddClient(ClientId, ClientSecret);
        Tenant.Grant(ClientId, LocalAuth0Tenant.QuickstartAudience, "read:messages");
        Tenant.Grant(ClientId, Tenant.ManagementApiAudience, "read:users");
        Tenant.AddOrganization(AllowedId, AllowedName);
        Tenant.AddOrganization(OtherId, "globex");
        Tenant.AllowOrganization(ClientId, LocalAuth0Tenant.QuickstartAudience, AllowedId);
    }

    private LocalAuth0Tenant Tenant => _fixture.Tenant;

    [Theory]
    [InlineData(AllowedId)]
    [InlineData(AllowedName)]
    public async Task Allowed_organization_by_id_or_name_puts_org_claims_in_the_token(string organization)
    {
        using var response = await RequestTokenAsync(LocalAuth0Tenant.QuickstartAudience, organization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        var accessToken = body.GetProperty("access_token").GetString()!;
        var payload = TenantHttp.ReadPayload(accessToken);
        Assert.Equal(AllowedId, payload.GetProperty("org_id").GetString());
        Assert.Equal(AllowedName, payload.GetProperty("org_name").GetString());
        using var apiResponse = await TenantHttp.SendAsync(_fixture.Http, HttpMethod.Get, "api/private", accessToken);
        Assert.Equal(HttpStatusCode.OK, apiResponse.StatusCode);
    }

    [Fact]
    public async Task Without_organization_the_token_has_no_org_claims()
    {
        using var response = await RequestTokenAsync(LocalAuth0Tenant.QuickstartAudience, organization: null);

        var body = await TenantHttp.ReadJsonAsync(response);
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.False(payload.TryGetProperty("org_id", out _));
        Assert.False(payload.TryGetProperty("org_name", out _));
    }

    [Fact]
    public async Task Unknown_organization_is_403_access_denied()
    {
        using var response = await RequestTokenAsync(LocalAuth0Tenant.QuickstartAudience, "org_nowhere");

        await TenantHttp.AssertTokenErrorAsync(
            response,
            HttpStatusCode.Forbidden,
            "access_denied",
            "The organization \"org_nowhere\" does not exist.");
    }

    [Theory]
    [InlineData(OtherId, false)]
    [InlineData(AllowedId, true)]
    public async Task Organization_not_allowed_for_the_client_and_api_is_403_access_denied(
        string organization,
        bool otherApi)
    {
        var audience = otherApi ? Tenant.ManagementApiAudience : LocalAuth0Tenant.QuickstartAudience;

        using var response = await RequestTokenAsync(audience, organization);

        await TenantHttp.AssertTokenErrorAsync(
            response,
            HttpStatusCode.Forbidden,
            "access_denied",
            $"Client \"{ClientId}\" is not allowed to access \"{audience}\" "
            + $"on behalf of the organization \"{organization}\".");
    }

    [Fact]
    public async Task Revoking_the_grant_forgets_its_organizations()
    {
        const string audience = "https://org-revoke.example/api";
        Tenant.AddApi(audience, "read:things");
        Tenant.Grant(ClientId, audience, "read:things");
        Tenant.AllowOrganization(ClientId, audience, AllowedId);

        Tenant.RevokeGrant(ClientId, audience);
        Tenant.Grant(ClientId, audience, "read:things");
        using var response = await RequestTokenAsync(audience, AllowedId);

        await TenantHttp.AssertTokenErrorAsync(response, HttpStatusCode.Forbidden, "access_denied");
    }

    [Fact]
    public void Setup_mistakes_throw()
    {
        Assert.Throws<ArgumentException>(() => Tenant.AddOrganization("org_copycat", AllowedName));
        Assert.Throws<InvalidOperationException>(
            () => Tenant.AllowOrganization(ClientId, LocalAuth0Tenant.QuickstartAudience, "org_nowhere"));
        Assert.Throws<InvalidOperationException>(
            () => Tenant.AllowOrganization(ClientId, "https://ungranted.example/api", AllowedId));
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string audience, string? organization)
    {
        var parameters = new List<(string, string)>
        {
            ("grant_type", "client_credentials"),
            ("client_id", ClientId),
            ("client_secret", ClientSecret),
            ("audience", audience),
        };
        if (organization is not null)
        {
            parameters.Add(("organization", organization));
        }

        return _fixture.Http.PostAsync("oauth/token", TenantHttp.Form([.. parameters]));
    }
}
