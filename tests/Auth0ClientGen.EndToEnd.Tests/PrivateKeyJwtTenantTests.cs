using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Clients that authenticate with private_key_jwt against the local tenant, which checks each assertion's signature,
/// claims and key id as Auth0 does.
/// </summary>
public sealed class PrivateKeyJwtTenantTests : IClassFixture<TenantFixture>, IDisposable
{
    private const string ClientId = "jwt-m2m-client";
    private const string KeyId = "jwt-key-1";

    private readonly TenantFixture _fixture;
    private readonly RSA _key = RSA.Create(2048);

    public PrivateKeyJwtTenantTests(TenantFixture fixture)
    {
        _fixture = fixture;

        // Each test registers its own key, which replaces the one before.
        fixture.Tenant.AddClient(ClientId, _key, KeyId);
        fixture.Tenant.Grant(ClientId, LocalAuth0Tenant.QuickstartAudience, "read:messages");
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task A_client_signing_its_assertions_gets_tokens_the_api_accepts()
    {
        var recorder = new TokenRequestRecorder();
        var provider = new Auth0ClientCredentialsProvider(new HttpClient(recorder), Options(_key, KeyId));
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(_fixture.CreateApiHttpClient(), provider);

        var token = await provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience));
        var scoped = await quickstart.GetPrivateScopedAsync();

        Assert.Equal(ClientId, JwtClaims.Read(token).GetString("azp"));
        Assert.Contains("read:messages", scoped);
        var body = Assert.Single(recorder.Bodies);
        Assert.Contains("client_assertion=", body);
        Assert.DoesNotContain("client_secret", body);
    }

    [Fact]
    public async Task The_signing_key_and_key_id_from_configuration_authenticate_a_registered_client()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Domain"] = _fixture.Tenant.Domain,
                ["Auth0:ClientId"] = ClientId,
                ["Auth0:ClientAssertionSigningKey"] = _key.ExportPkcs8PrivateKeyPem(),
                ["Auth0:ClientAssertionKeyId"] = KeyId,
                ["Auth0:BaseUrl"] = _fixture.Tenant.BaseAddress.ToString(),
            })
            .Build());
        services.AddAuth0ApiClient<IQuickstartApi>();
        await using var container = services.BuildServiceProvider();
        var before = _fixture.Tenant.IssuedTokenCount;

        var message = await container.GetRequiredService<IQuickstartApi>().GetPrivateScopedAsync();

        Assert.Contains("read:messages", message);
        Assert.Equal(1, _fixture.Tenant.IssuedTokenCount - before);
    }

    [Fact]
    public async Task A_key_id_the_tenant_does_not_know_is_refused()
    {
        var provider = new Auth0ClientCredentialsProvider(new HttpClient(new TokenRequestRecorder()), Options(_key, "other-key"));

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience)).AsTask());

        Assert.Equal("invalid_client", exception.Error);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_invalid_client_and_neither_key_nor_assertion_is_told()
    {
        using var wrongKey = RSA.Create(2048);
        var recorder = new TokenRequestRecorder();
        var logger = new FakeLogger<Auth0ClientCredentialsProvider>();
        logger.ControlLevel(LogLevel.Trace, enabled: true);
        var options = Options(wrongKey, KeyId);
        var provider = new Auth0ClientCredentialsProvider(new HttpClient(recorder), options, logger: logger);

        var exception = await Assert.ThrowsAsync<TokenRequestException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience)).AsTask());

        Assert.Equal("invalid_client", exception.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Contains("did not accept the application's credentials", exception.Message);
        var assertion = Assert.Single(recorder.Bodies.Select(ReadAssertion));
        Assert.Contains(logger.Collector.GetSnapshot(), record => record.Id.Id == 1004);

        // The key's PEM, each line of its base64 body, the assertion and its signature.
        var pem = options.ClientAssertionSigningKey!;
        var secrets = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal))
            .Append(pem)
            .Append(assertion)
            .Append(assertion.Split('.')[2]);
        SecretFreeText.AssertNoSecret(exception, logger.Collector.GetSnapshot(), secrets);
        Assert.DoesNotContain(pem, options.ToString());
        Assert.DoesNotContain(pem, provider.ToString());
    }

    private Auth0ClientCredentialsOptions Options(RSA key, string keyId) => new()
    {
        Domain = _fixture.Tenant.Domain,
        ClientId = ClientId,
        ClientAssertionSigningKey = key.ExportPkcs8PrivateKeyPem(),
        ClientAssertionKeyId = keyId,
    };

    private static string ReadAssertion(string body)
    {
        var field = body.Split('&').Single(pair => pair.StartsWith("client_assertion=", StringComparison.Ordinal));
        return Uri.UnescapeDataString(field["client_assertion=".Length..]);
    }
}
