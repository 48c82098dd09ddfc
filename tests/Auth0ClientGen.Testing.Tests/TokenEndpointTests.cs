using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ClientGen.Testing.Tests;

public sealed class TokenEndpointTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private LocalAuth0Tenant Tenant => fixture.Tenant;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Form_body_with_client_secret_post_gets_an_auth0_shaped_token_response()
    {
        using var response = await Http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(Tenant.ManagementApiAudience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(
            ["access_token", "token_type", "expires_in", "scope"],
            body.EnumerateObject().Select(property => property.Name));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(86400, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("read:users create:users update:users delete:users", body.GetProperty("scope").GetString());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task Json_body_gets_a_token()
    {
        var json = JsonSerializer.Serialize(new
        {
            grant_type = "client_credentials",
            client_id = LocalAuth0Tenant.DefaultClientId,
            client_secret = LocalAuth0Tenant.DefaultClientSecret,
            audience = LocalAuth0Tenant.QuickstartAudience,
        });

        using var response = await Http.PostAsync("oauth/token", TenantHttp.Json(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal("read:messages", body.GetProperty("scope").GetString());
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(LocalAuth0Tenant.QuickstartAudience, payload.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Basic_authentication_with_form_encoded_credentials_gets_a_token()
    {
        // Characters that RFC 6749 makes the client form-encode before base64: ':' '+' '/' '=' and a space.
        const string clientId = "basic:client";
        const string clientSecret = "se+cr/et= with space";
        Tenant.AddClient(clientId, clientSecret);
        Tenant.Grant(clientId, LocalAuth0Tenant.QuickstartAudience, "read:messages");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            WebUtility.UrlEncode(clientId) + ":" + WebUtility.UrlEncode(clientSecret)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = TenantHttp.Form(
                ("grant_type", "client_credentials"),
                ("audience", LocalAuth0Tenant.QuickstartAudience)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(clientId + "@clients", payload.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Token_is_an_rs256_jwt_with_auth0_claims_that_validates_against_the_published_jwks()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var accessToken = await fixture.GetAccessTokenAsync(Tenant.ManagementApiAudience);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var discoveryResponse = await Http.GetAsync(".well-known/openid-configuration");
        var discovery = await TenantHttp.ReadJsonAsync(discoveryResponse);
        var jwksJson = await Http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = Tenant.Issuer,
            ValidAudience = Tenant.ManagementApiAudience,
            IssuerSigningKeys = new JsonWebKeySet(jwksJson).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        Assert.True(result.IsValid);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(Tenant.SigningKeyId, token.Kid);
        Assert.Equal(Tenant.Issuer, token.Issuer);
        Assert.Equal(LocalAuth0Tenant.DefaultClientId + "@clients", token.Subject);
        Assert.Equal([Tenant.ManagementApiAudience], token.Audiences);
        Assert.Equal(LocalAuth0Tenant.DefaultClientId, token.GetClaim("azp").Value);
        Assert.Equal("client-credentials", token.GetClaim("gty").Value);
        Assert.Equal("read:users create:users update:users delete:users", token.GetClaim("scope").Value);
        var issuedAt = long.Parse(token.GetClaim("iat").Value, System.Globalization.CultureInfo.InvariantCulture);
        var expires = long.Parse(token.GetClaim("exp").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(issuedAt, before, after);
        Assert.Equal(86400, expires - issuedAt);
    }

    [Theory]
    [InlineData("read:users delete:users", "read:users delete:users")]
    [InlineData("delete:users read:users", "delete:users read:users")]
    [InlineData("read:users read:users", "read:users")]
    public async Task Scope_parameter_narrows_the_token_to_the_requested_scopes(
        string requested,
        string expected)
    {
        using var response = await Http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(Tenant.ManagementApiAudience, requested));

        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(expected, body.GetProperty("scope").GetString());
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(expected, payload.GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("read:messages bogus:scope", "bogus:scope")]
    [InlineData("write:messages", "write:messages")]
    [InlineData("b:scope read:messages a:scope b:scope", "b:scope a:scope")]
    public async Task Requesting_a_scope_that_is_not_granted_is_403_with_auth0s_wording(
        string requested,
        string missing)
    {
        var issuedBefore = Tenant.IssuedTokenCount;

        using var response = await Http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(LocalAuth0Tenant.QuickstartAudience, requested));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.Forbidden, "access_denied", "Client has not been granted scopes: " + missing);
        Assert.Equal(issuedBefore, Tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Wrong_secret_is_401_access_denied()
    {
        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "client_credentials"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", "not-the-secret"),
            ("audience", Tenant.ManagementApiAudience)));

        await AssertTokenErrorAsync(response, HttpStatusCode.Unauthorized, "access_denied", "Unauthorized");
    }

    [Fact]
    public async Task Unknown_client_is_401_access_denied()
    {
        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "client_credentials"),
            ("client_id", "no-such-client"),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret),
            ("audience", Tenant.ManagementApiAudience)));

        await AssertTokenErrorAsync(response, HttpStatusCode.Unauthorized, "access_denied", "Unauthorized");
    }

    [Fact]
    public async Task Client_without_a_grant_for_the_audience_is_403_with_auth0s_wording()
    {
        Tenant.AddClient("ungranted-client", "ungranted-secret");

        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "client_credentials"),
            ("client_id", "ungranted-client"),
            ("client_secret", "ungranted-secret"),
            ("audience", Tenant.ManagementApiAudience)));

        await AssertTokenErrorAsync(
            response,
            HttpStatusCode.Forbidden,
            "access_denied",
            $"Client is not authorized to access \"{Tenant.ManagementApiAudience}\". "
            + "You need to create a \"client-grant\" associated to this API.");
    }

    [Fact]
    public async Task Unknown_audience_is_403_service_not_found()
    {
        using var response = await Http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm("https://unknown.example/api"));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.Forbidden, "access_denied", "Service not found: https://unknown.example/api");
    }

    [Fact]
    public async Task Missing_audience_is_400_invalid_request()
    {
        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "client_credentials"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret)));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter: audience");
    }

    [Fact]
    public async Task Missing_grant_type_is_400_invalid_request()
    {
        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret),
            ("audience", Tenant.ManagementApiAudience)));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter: grant_type");
    }

    [Fact]
    public async Task Unsupported_grant_type_is_400_unsupported_grant_type()
    {
        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "password"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret),
            ("audience", Tenant.ManagementApiAudience)));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.BadRequest, "unsupported_grant_type", "Unsupported grant type: password");
    }

    [Fact]
    public async Task Malformed_json_body_is_400_invalid_request()
    {
        using var response = await Http.PostAsync("oauth/token", TenantHttp.Json("{\"grant_type\":"));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.BadRequest, "invalid_request", "The request body is not valid JSON.");
    }

    [Fact]
    public async Task Body_that_is_neither_form_nor_json_is_400_invalid_request()
    {
        using var response = await Http.PostAsync("oauth/token", new StringContent("grant_type=client_credentials"));

        var body = await AssertTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("application/x-www-form-urlencoded", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Basic_header_and_client_secret_in_the_body_together_are_400_invalid_request()
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            LocalAuth0Tenant.DefaultClientId + ":" + LocalAuth0Tenant.DefaultClientSecret));
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = TenantHttp.ClientCredentialsForm(Tenant.ManagementApiAudience),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        using var response = await Http.SendAsync(request);

        await AssertTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Grants_changed_at_run_time_apply_to_the_next_request()
    {
        const string audience = "https://runtime-grant.example/api";
        Tenant.AddApi(audience, "read:things", "write:things");
        Tenant.AddClient("runtime-client", "runtime-secret");
        var form = () => TenantHttp.Form(
            ("grant_type", "client_credentials"),
            ("client_id", "runtime-client"),
            ("client_secret", "runtime-secret"),
            ("audience", audience));

        using (var denied = await Http.PostAsync("oauth/token", form()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Tenant.Grant("runtime-client", audience, "read:things");
        using (var granted = await Http.PostAsync("oauth/token", form()))
        {
            var body = await TenantHttp.ReadJsonAsync(granted);
            Assert.Equal("read:things", body.GetProperty("scope").GetString());
        }

        Tenant.Grant("runtime-client", audience, "write:things");
        using (var widened = await Http.PostAsync("oauth/token", form()))
        {
            var body = await TenantHttp.ReadJsonAsync(widened);
            Assert.Equal("read:things write:things", body.GetProperty("scope").GetString());
        }

        Assert.True(Tenant.RevokeGrant("runtime-client", audience));
        using (var revoked = await Http.PostAsync("oauth/token", form()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        }
    }

    [Fact]
    public async Task Get_on_the_token_endpoint_is_405()
    {
        using var response = await Http.GetAsync("oauth/token");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static Task<JsonElement> AssertTokenErrorAsync(
        HttpResponseMessage response,
        HttpStatusCode statusCode,
        string error,
        string? description = null) =>
        TenantHttp.AssertTokenErrorAsync(response, statusCode, error, description);
}
