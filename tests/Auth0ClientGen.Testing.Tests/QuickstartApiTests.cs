using System;
using System.Buffers.Text;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

public sealed class QuickstartApiTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private LocalAuth0Tenant Tenant => fixture.Tenant;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Public_endpoint_answers_without_a_token()
    {
        using var response = await Http.GetAsync("api/public");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("api/private")]
    [InlineData("api/private-scoped")]
    public async Task Private_endpoints_without_a_token_are_401_with_a_bearer_challenge(string path)
    {
        using var response = await Http.GetAsync(path);

        var body = await AssertUnauthorizedAsync(response, "Missing authentication");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(3, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task Private_endpoint_accepts_a_quickstart_token()
    {
        var accessToken = await fixture.GetAccessTokenAsync(LocalAuth0Tenant.QuickstartAudience);

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private", accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Private_scoped_endpoint_accepts_a_token_with_read_messages()
    {
        var accessToken = await fixture.GetAccessTokenAsync(LocalAuth0Tenant.QuickstartAudience, "read:messages");

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private-scoped", accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Private_scoped_endpoint_without_read_messages_is_403_insufficient_scope()
    {
        var accessToken = await TenantHttp.GetAccessTokenWithoutScopeAsync(
            Http, Tenant, LocalAuth0Tenant.QuickstartAudience);

        using var privateResponse = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private", accessToken);
        using var scopedResponse = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private-scoped", accessToken);

        Assert.Equal(HttpStatusCode.OK, privateResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scopedResponse.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(scopedResponse);
        Assert.Equal(403, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("Forbidden", body.GetProperty("error").GetString());
        Assert.Equal("Insufficient scope, expected any of: read:messages", body.GetProperty("message").GetString());
        Assert.Equal("insufficient_scope", body.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Token_for_another_audience_is_401_invalid_token()
    {
        var accessToken = await fixture.GetAccessTokenAsync(Tenant.ManagementApiAudience);

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private", accessToken);

        await AssertUnauthorizedAsync(response, "Invalid token");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Token_with_a_tampered_signature_is_401_invalid_token()
    {
        var accessToken = await fixture.GetAccessTokenAsync(LocalAuth0Tenant.QuickstartAudience);
        var parts = accessToken.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        var tampered = $"{parts[0]}.{parts[1]}.{new string(signature)}";

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private", tampered);

        await AssertUnauthorizedAsync(response, "Invalid token");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Token_with_a_tampered_payload_is_401_invalid_token()
    {
        var accessToken = await TenantHttp.GetAccessTokenWithoutScopeAsync(
            Http, Tenant, LocalAuth0Tenant.QuickstartAudience);
        var parts = accessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var widened = payload.Replace("\"gty\"", "\"scope\":\"read:messages\",\"gty\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(widened))}.{parts[2]}";

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private-scoped", forged);

        await AssertUnauthorizedAsync(response, "Invalid token");
    }

    [Fact]
    public async Task Token_from_another_tenant_is_401_invalid_token()
    {
        await using var otherTenant = await LocalAuth0Tenant.StartAsync();
        using var otherHttp = TenantHttp.CreateClient(otherTenant);
        var foreignToken = await TenantHttp.GetAccessTokenAsync(otherHttp, LocalAuth0Tenant.QuickstartAudience);

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private", foreignToken);

        await AssertUnauthorizedAsync(response, "Invalid token");
    }

    private static async Task<JsonElement> AssertUnauthorizedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(401, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("Unauthorized", body.GetProperty("error").GetString());
        Assert.Equal(message, body.GetProperty("message").GetString());
        return body;
    }
}
