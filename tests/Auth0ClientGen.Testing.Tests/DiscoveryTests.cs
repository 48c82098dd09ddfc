using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

public sealed class DiscoveryTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private LocalAuth0Tenant Tenant => fixture.Tenant;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Openid_configuration_points_at_this_tenant()
    {
        using var response = await Http.GetAsync(".well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(Tenant.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(Tenant.TokenEndpoint.AbsoluteUri, document.GetProperty("token_endpoint").GetString());
        Assert.Equal(Tenant.JwksUri.AbsoluteUri, document.GetProperty("jwks_uri").GetString());
        Assert.Equal(
            ["client_credentials"],
            document.GetProperty("grant_types_supported").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task Jwks_publishes_the_public_rsa_signing_key_and_no_private_part()
    {
        using var response = await Http.GetAsync(".well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = Assert.Single((await TenantHttp.ReadJsonAsync(response)).GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal(Tenant.SigningKeyId, key.GetProperty("kid").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal(256, System.Buffers.Text.Base64Url.DecodeFromChars(key.GetProperty("n").GetString()).Length);
        Assert.False(key.TryGetProperty("d", out _));
        Assert.False(key.TryGetProperty("p", out _));
    }
}
