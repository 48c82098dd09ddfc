using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// What <c>POST /oauth/token</c> answers: an access token, or an Auth0-shaped <c>{error, error_description}</c>; or,
/// when a fault is injected, whatever body the fault makes up.
/// </summary>
internal sealed class TokenEndpointResponse
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly List<KeyValuePair<string, string>> _headers = [];

    private TokenEndpointResponse(
        int statusCode,
        JsonObject? body,
        string contentType,
        string? content,
        bool issuedAccessToken)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Content = content;
        IssuedAccessToken = issuedAccessToken;
    }

    public int StatusCode { get; }

    /// <summary>The JSON body; faults that keep the issued token but break the response change it in place.</summary>
    public JsonObject? Body { get; }

    public string ContentType { get; }

    /// <summary>A body sent as is, for faults whose body is not the JSON object it should be.</summary>
    public string? Content { get; }

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

        return new TokenEndpointResponse(StatusCodes.Status200OK, body, JsonContentType, null, true);
    }

    public static TokenEndpointResponse Json(int statusCode, JsonObject body) =>
        new(statusCode, body, JsonContentType, null, false);

    public static TokenEndpointResponse Raw(int statusCode, string contentType, string content) =>
        new(statusCode, null, contentType, content, false);

    public static TokenEndpointResponse Error(int statusCode, string error, string description) =>
        Json(statusCode, new JsonObject { ["error"] = error, ["error_description"] = description });

    public static TokenEndpointResponse InvalidRequest(string description) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request", description);

    /// <summary>Auth0's 403 for a client that authenticated but may not have what it asked for.</summary>
    public static TokenEndpointResponse AccessDenied(string description) =>
        Error(StatusCodes.Status403Forbidden, "access_denied", description);

    public static TokenEndpointResponse Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "access_denied", "Unauthorized");

    public TokenEndpointResponse WithHeader(string name, string value)
    {
        _headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCode;

        // RFC 6749 section 5.1: token responses must not be cached.
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        foreach (var (name, value) in _headers)
        {
            response.Headers.Append(name, value);
        }

        response.ContentType = ContentType;
        await response.WriteAsync(Body?.ToJsonString() ?? Content ?? string.Empty, cancellationToken);
    }
}
