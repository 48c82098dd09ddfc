using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Writes errors in the Management API's shape: <c>{"statusCode","error","message","errorCode"}</c>, where
/// <c>error</c> is the reason phrase and <c>errorCode</c> is left out when Auth0 leaves it out.
/// </summary>
internal static class ApiErrors
{
    public static Task WriteAsync(HttpResponse response, int statusCode, string message, string? errorCode = null)
    {
        var body = new JsonObject
        {
            ["statusCode"] = statusCode,
            ["error"] = ReasonPhrases.GetReasonPhrase(statusCode),
            ["message"] = message,
        };
        if (errorCode is not null)
        {
            body["errorCode"] = errorCode;
        }

        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(body.ToJsonString(), response.HttpContext.RequestAborted);
    }
}
