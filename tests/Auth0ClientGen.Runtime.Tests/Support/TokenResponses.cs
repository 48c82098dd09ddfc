using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>Token endpoint answers shaped like Auth0's.</summary>
internal static class TokenResponses
{
    public static HttpResponseMessage Success(string accessToken, int? expiresIn = 86400)
    {
        var body = expiresIn is { } seconds
            ? JsonSerializer.Serialize(new { access_token = accessToken, token_type = "Bearer", expires_in = seconds })
            : JsonSerializer.Serialize(new { access_token = accessToken, token_type = "Bearer" });
        return Json(HttpStatusCode.OK, body);
    }

    public static HttpResponseMessage Error(HttpStatusCode statusCode, string error, string description)
        => Json(statusCode, JsonSerializer.Serialize(new { error, error_description = description }));

    public static HttpResponseMessage Json(HttpStatusCode statusCode, string body)
        => new(statusCode) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(HttpStatusCode statusCode)
        => new(statusCode)
        {
            Content = new StringContent(
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
                Encoding.UTF8,
                "text/html"),
        };

    /// <summary>An API's 401 rejecting the token it was sent: <c>WWW-Authenticate: Bearer error="invalid_token"</c>.</summary>
    public static HttpResponseMessage InvalidToken()
    {
        var rejected = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        rejected.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer", "error=\"invalid_token\""));
        return rejected;
    }

    public static HttpResponseMessage Api(string text)
        => new(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    /// <summary>Answers token requests with <paramref name="accessToken"/> and anything else with "ok".</summary>
    public static HttpResponseMessage TokenOrApi(RecordedRequest request, string accessToken)
        => request.IsTokenRequest ? Success(accessToken) : Api("ok");

    public static Exception Unreachable() => new HttpRequestException("Connection refused (127.0.0.1:9)");
}
