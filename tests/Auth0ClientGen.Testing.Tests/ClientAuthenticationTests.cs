using System;
using System.Buffers.Text;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

/// <summary>private_key_jwt and client_secret_basic, beside the client_secret_post that most tests use.</summary>
public sealed class ClientAuthenticationTests : IClassFixture<TenantFixture>
{
    private const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private const string KeyClientId = "private-key-jwt-client";
    private const string KeyId = "key-1";

    // Made once: an RSA key takes long to make, and the tests of a class run one after another.
    private static readonly RSA ClientKey = RSA.Create(2048);
    private static readonly RSA OtherKey = RSA.Create(2048);

    private readonly TenantFixture _fixture;

    public ClientAuthenticationTests(TenantFixture fixture)
    {
        _fixture = fixture;

        // Registering again is harmless: it replaces the client's key with the same key.
        Tenant.AddClient(KeyClientId, ClientKey, KeyId);
        Tenant.Grant(KeyClientId, LocalAuth0Tenant.QuickstartAudience, "read:messages");
    }

    private LocalAuth0Tenant Tenant => _fixture.Tenant;

    private HttpClient Http => _fixture.Http;

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("PS256")]
    public async Task Signed_client_assertion_gets_a_client_credentials_token(string algorithm)
    {
        var assertion = CreateAssertion(algorithm: algorithm);

        using var response = await RequestTokenAsync(assertion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(KeyClientId + "@clients", payload.GetProperty("sub").GetString());
        Assert.Equal("read:messages", payload.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Client_id_may_be_left_out_and_aud_may_be_the_token_endpoint_in_an_array()
    {
        var assertion = CreateAssertion(payload => payload["aud"] = new JsonArray(
            "https://someone-else.example/", Tenant.TokenEndpoint.ToString()));

        using var response = await PostClientCredentialsAsync(
            ("client_assertion_type", JwtBearerType), ("client_assertion", assertion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Replayed_assertion_is_401_invalid_client()
    {
        var assertion = CreateAssertion();
        using var first = await RequestTokenAsync(assertion);

        using var replay = await RequestTokenAsync(assertion);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await TenantHttp.AssertTokenErrorAsync(
            replay,
            HttpStatusCode.Unauthorized,
            "invalid_client",
            "Invalid client_assertion: its jti has already been used.");
    }

    [Theory]
    [InlineData("iss", "someone-else", "iss and sub")]
    [InlineData("sub", "someone-else", "iss and sub")]
    [InlineData("aud", "https://other-tenant.example/", "aud must be")]
    [InlineData("exp", null, "exp is missing")]
    [InlineData("exp", "past", "expired")]
    [InlineData("exp", "far", "at most 5 minutes")]
    [InlineData("jti", null, "jti is missing")]
    public async Task Assertion_with_bad_claims_is_401_invalid_client(string claim, string? value, string reason)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var assertion = CreateAssertion(payload =>
        {
            payload[claim] = value switch
            {
                null => null,
                "past" => now - 10,
                "far" => now + 600,
                _ => value,
            };
            if (value is null)
            {
                payload.Remove(claim);
            }
        });

        using var response = await RequestTokenAsync(assertion);

        var body = await TenantHttp.AssertTokenErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Contains(reason, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assertion_signed_with_another_key_or_naming_another_key_id_is_401_invalid_client()
    {
        using var wrongKey = await RequestTokenAsync(CreateAssertion(signingKey: OtherKey));
        using var wrongKeyId = await RequestTokenAsync(CreateAssertion(keyId: "key-2"));
        using var unsigned = await RequestTokenAsync(CreateAssertion(algorithm: "none"));
        using var notJwt = await RequestTokenAsync("not-a-jwt");

        await TenantHttp.AssertTokenErrorAsync(
            wrongKey, HttpStatusCode.Unauthorized, "invalid_client", "Invalid client_assertion signature.");
        await TenantHttp.AssertTokenErrorAsync(wrongKeyId, HttpStatusCode.Unauthorized, "invalid_client");
        await TenantHttp.AssertTokenErrorAsync(unsigned, HttpStatusCode.Unauthorized, "invalid_client");
        await TenantHttp.AssertTokenErrorAsync(notJwt, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Wrong_assertion_type_or_a_secret_for_a_key_client_is_401_invalid_client()
    {
        using var wrongType = await PostClientCredentialsAsync(
            ("client_id", KeyClientId),
            ("client_assertion_type", "urn:example:saml"),
            ("client_assertion", CreateAssertion()));
        using var secret = await PostClientCredentialsAsync(("client_id", KeyClientId), ("client_secret", "guessed"));

        await TenantHttp.AssertTokenErrorAsync(wrongType, HttpStatusCode.Unauthorized, "invalid_client");
        await TenantHttp.AssertTokenErrorAsync(secret, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Assertion_together_with_a_secret_is_400_invalid_request()
    {
        using var response = await PostClientCredentialsAsync(
            ("client_id", KeyClientId),
            ("client_secret", "also-sent"),
            ("client_assertion_type", JwtBearerType),
            ("client_assertion", CreateAssertion()));

        await TenantHttp.AssertTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Key_client_exchanges_a_refresh_token_with_an_assertion()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            KeyClientId, "auth0|jwt-user", [LocalAuth0Tenant.QuickstartAudience]);

        using var response = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "refresh_token"),
            ("client_id", KeyClientId),
            ("client_assertion_type", JwtBearerType),
            ("client_assertion", CreateAssertion()),
            ("refresh_token", refreshToken)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Client_secret_basic_authenticates_the_refresh_token_grant_too()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, "auth0|basic-user", [LocalAuth0Tenant.QuickstartAudience]);

        using var wrong = await SendWithBasicAsync(refreshToken, LocalAuth0Tenant.DefaultClientSecret + "x");
        using var right = await SendWithBasicAsync(refreshToken, LocalAuth0Tenant.DefaultClientSecret);

        await TenantHttp.AssertTokenErrorAsync(wrong, HttpStatusCode.Unauthorized, "access_denied", "Unauthorized");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    private async Task<HttpResponseMessage> SendWithBasicAsync(string refreshToken, string clientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = TenantHttp.Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(LocalAuth0Tenant.DefaultClientId + ":" + clientSecret)));
        return await Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string assertion) =>
        PostClientCredentialsAsync(
            ("client_id", KeyClientId), ("client_assertion_type", JwtBearerType), ("client_assertion", assertion));

    private Task<HttpResponseMessage> PostClientCredentialsAsync(params (string Name, string Value)[] credentials) =>
        Http.PostAsync("oauth/token", TenantHttp.Form(
        [
            ("grant_type", "client_credentials"),
            ("audience", LocalAuth0Tenant.QuickstartAudience),
            .. credentials,
        ]));

    private string CreateAssertion(
        Action<JsonObject>? editPayload = null,
        string algorithm = "RS256",
        RSA? signingKey = null,
        string keyId = KeyId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT", ["kid"] = keyId };
        var payload = new JsonObject
        {
            ["iss"] = KeyClientId,
            ["sub"] = KeyClientId,
            ["aud"] = Tenant.Issuer,
            ["iat"] = now,
            ["exp"] = now + 60,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        editPayload?.Invoke(payload);

        var signingInput = Encode(header) + "." + Encode(payload);
        var (hash, padding) = algorithm switch
        {
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        };
        var signature = (signingKey ?? ClientKey).SignData(Encoding.ASCII.GetBytes(signingInput), hash, padding);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(JsonObject part) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
