using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The OpenID discovery document and the JWKS. The protected API's JwtBearer handlers read both from here, so token
/// validation in this process never reaches past the tenant itself.
/// </summary>
internal static class DiscoveryEndpoints
{
    public static void MapDiscoveryEndpoints(
        this IEndpointRouteBuilder endpoints,
        TenantAddressHolder addresses,
        SigningKey signingKey)
    {
        endpoints.MapGet("/.well-known/openid-configuration", context =>
        {
            var current = addresses.Current;
            var document = new JsonObject
            {
                ["issuer"] = current.Issuer,
                ["token_endpoint"] = current.TokenEndpoint,
                ["jwks_uri"] = current.JwksUri,
                ["grant_types_supported"] = new JsonArray("client_credentials"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post"),
                ["id_token_signing_alg_values_supported"] = new JsonArray(signingKey.Algorithm),
            };
            return WriteJsonAsync(context.Response, document);
        });

        endpoints.MapGet("/.well-known/jwks.json", context =>
            WriteJsonAsync(context.Response, signingKey.ToJsonWebKeySet()));
    }

    private static Task WriteJsonAsync(HttpResponse response, JsonObject body)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(body.ToJsonString(), response.HttpContext.RequestAborted);
    }
}
