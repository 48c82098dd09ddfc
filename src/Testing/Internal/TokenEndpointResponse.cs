using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// What <c>POST /oauth/token</c> answers: an access token, or an Auth0-shaped <c>{error, error_description}</c>.
/// </summary>
internal sealed class TokenEndpointResponse
{
    private TokenEndpointResponse(int statusCode, JsonObject body, bool issuedAccessToken)
    {
        StatusCode = statusCode;
        Body = body;
        IssuedAccessToken = issuedAccessToken;
    }

    public int StatusCode { get; }

    public JsonObject Body { get; }

    public bool IssuedAccessToken { get; }

    /// <summary>An access token, and with a rotated refresh token its successor, which the client must keep.</summary>
    public static TokenEndpointResponse Success(IssuedAccessToken accessToken, string? refreshToken = null)
    {
        var body = new JsonObject { ["access_token"] = accessToken.Value };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        body["token_type"] = "Bearer";
        body["expires_in"] = accessToken.ExpiresInSeconds;

        // A token with no scope carries no scope claim, and the response leaves the field out to match.
        if (accessToken.Scopes.Count > 0)
        {
            body["scope"] = string.Join(' ', accessToken.Scopes);
        }

        return new TokenEndpointResponse(StatusCodes.Status200OK, body, issuedAccessToken: true);
    }

    public static TokenEndpointResponse Error(int statusCode, string error, string description) =>
        new(statusCode, new JsonObject { ["error"] = error, ["error_description"] = description }, false);

    public static TokenEndpointResponse InvalidRequest(string description) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request", description);

    public static TokenEndpointResponse Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "access_denied", "Unauthorized");

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCode;

        // RFC 6749 section 5.1: token responses must not be cached.
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Body.ToJsonString(), cancellationToken);
    }
}
