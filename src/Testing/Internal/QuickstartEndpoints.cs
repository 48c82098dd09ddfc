using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The three endpoints of Auth0's API quickstarts, guarding <see cref="LocalAuth0Tenant.QuickstartAudience"/>:
/// one open, one that needs any valid token, and one that also needs <c>read:messages</c>.
/// </summary>
internal static class QuickstartEndpoints
{
    public static void MapQuickstartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/public", context =>
            WriteMessageAsync(context, "This endpoint is public: no access token needed."));

        endpoints.MapGet("/api/private", context =>
                WriteMessageAsync(context, "This endpoint is private: the access token is valid."))
            .RequireAuthorization(ProtectedApiAuthentication.QuickstartApiPolicy());

        endpoints.MapGet("/api/private-scoped", context =>
                WriteMessageAsync(context, "This endpoint is private and scoped: the access token has read:messages."))
            .RequireAuthorization(ProtectedApiAuthentication.QuickstartApiPolicy("read:messages"));
    }

    private static Task WriteMessageAsync(HttpContext context, string message)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new JsonObject { ["message"] = message };
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
