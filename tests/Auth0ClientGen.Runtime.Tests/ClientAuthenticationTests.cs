using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>The three ways an application proves who it is: secret in the body, Basic header, signed JWT.</summary>
public sealed class ClientAuthenticationTests
{
    private static readonly RSA SigningKey = RSA.Create(2048);

    [Fact]
    public async Task Client_secret_basic_sends_the_credentials_in_a_basic_header_and_not_in_the_body()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Success(ProviderFixture.AccessToken),
            configure: options => options.ClientAuthentication = Auth0ClientAuthentication.ClientSecretBasic);

        await fixture.GetAsync();

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("Basic", request.Authorization?.Scheme);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization!.Parameter!));
        Assert.Equal($"{ProviderFixture.ClientId}:{Uri.EscapeDataString(ProviderFixture.ClientSecret)}", decoded);
        Assert.False(request.Form.ContainsKey("client_secret"));
    }

    [Fact]
    public async Task Private_key_jwt_sends_a_signed_assertion_and_no_secret()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Success(ProviderFixture.AccessToken),
            configure: UsePrivateKey);

        await fixture.GetAsync();

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Null(request.Authorization);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
        var (header, payload) = VerifyAndRead(request.Form["client_assertion"]);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("credential-1", header.GetProperty("kid").GetString());
        Assert.Equal(ProviderFixture.ClientId, payload.GetProperty("iss").GetString());
        Assert.Equal(ProviderFixture.ClientId, payload.GetProperty("sub").GetString());
        Assert.Equal("https://tenant.us.auth0.com/", payload.GetProperty("aud").GetString());
        var issuedAt = payload.GetProperty("iat").GetInt64();
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds(), issuedAt);
        Assert.Equal(issuedAt + 60, payload.GetProperty("exp").GetInt64());
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("jti").GetString()));
    }

    [Fact]
    public async Task Every_token_request_gets_a_new_assertion()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Success(ProviderFixture.AccessToken),
            configure: UsePrivateKey);

        await fixture.GetAsync("https://a.example.com");
        await fixture.GetAsync("https://b.example.com");

        var identifiers = fixture.Handler.Requests
            .Select(request => VerifyAndRead(request.Form["client_assertion"]).Payload.GetProperty("jti").GetString())
            .ToList();
        Assert.Equal(2, identifiers.Distinct().Count());
    }

    [Fact]
    public void A_signing_key_without_a_method_chooses_private_key_jwt_and_needs_no_secret()
    {
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientAssertionSigningKey = SigningKey.ExportPkcs8PrivateKeyPem(),
        };

        var provider = new Auth0ClientCredentialsProvider(options);

        Assert.Contains("ClientAuthentication = PrivateKeyJwt", provider.ToString());
        Assert.DoesNotContain("PRIVATE KEY", options.ToString());
        Assert.Contains("ClientAssertionSigningKey = (set)", options.ToString());
    }

    [Theory]
    [InlineData("not a key at all")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    public void A_key_that_cannot_sign_fails_naming_the_setting_without_quoting_it(string key)
    {
        var pem = key.StartsWith("-----BEGIN PUBLIC", StringComparison.Ordinal)
            ? SigningKey.ExportSubjectPublicKeyInfoPem()
            : key;
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientAssertionSigningKey = pem,
        };

        var exception = Assert.Throws<ArgumentException>(() => new Auth0ClientCredentialsProvider(options));

        Assert.Contains("Auth0:ClientAssertionSigningKey", exception.Message);
        Assert.DoesNotContain(pem.Length > 20 ? pem[20..40] : pem, exception.Message);
    }

    [Fact]
    public void A_short_rsa_key_is_refused()
    {
        using var weak = RSA.Create(1024);
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientAssertionSigningKey = weak.ExportPkcs8PrivateKeyPem(),
        };

        var exception = Assert.Throws<ArgumentException>(() => new Auth0ClientCredentialsProvider(options));

        Assert.Contains("2048", exception.Message);
    }

    [Fact]
    public void Private_key_jwt_without_a_key_names_the_missing_setting()
    {
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientAuthentication = Auth0ClientAuthentication.PrivateKeyJwt,
        };

        var exception = Assert.Throws<ArgumentException>(() => new Auth0ClientCredentialsProvider(options));

        Assert.Contains("Auth0:ClientAssertionSigningKey is missing", exception.Message);
        Assert.DoesNotContain("Auth0:ClientSecret", exception.Message);
    }

    private static void UsePrivateKey(Auth0ClientCredentialsOptions options)
    {
        options.ClientSecret = null;
        options.ClientAssertionSigningKey = SigningKey.ExportPkcs8PrivateKeyPem();
        options.ClientAssertionKeyId = "credential-1";
    }

    /// <summary>Checks the RS256 signature with the public key, then returns the decoded header and payload.</summary>
    private static (JsonElement Header, JsonElement Payload) VerifyAndRead(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.True(SigningKey.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
            Base64UrlDecode(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1));
        return (
            JsonDocument.Parse(Base64UrlDecode(parts[0])).RootElement,
            JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement);
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
