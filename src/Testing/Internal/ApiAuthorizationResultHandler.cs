using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Lets the default handler challenge or forbid, so JwtBearer still sets the status and its WWW-Authenticate header,
/// then adds the JSON body Auth0's APIs send with a 401 or a 403, and for the quickstart API the challenge of a 403.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _defaultHandler = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        await _defaultHandler.HandleAsync(next, context, policy, authorizeResult);

        if (context.Response.HasStarted)
        {
            return;
        }

        if (authorizeResult.Challenged)
        {
            // Only whether a bearer token was sent decides the message; the token itself is never read here.
            var sentBearerToken = context.Request.Headers.Authorization.ToString()
                .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            var message = sentBearerToken ? "Invalid token" : "Missing authentication";
            await ApiErrors.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, message);
        }
        else if (authorizeResult.Forbidden)
        {
            var acceptedScopes = policy.Requirements.OfType<ScopeRequirement>()
                .SelectMany(requirement => requirement.AcceptedScopes)
                .ToArray();

            // JwtBearer forbids without a challenge. The quickstarts' middleware names the missing scope in one, as
            // RFC 6750 section 3 describes; the Management API does not, and says it in the body alone.
            if (policy.AuthenticationSchemes.Contains(ProtectedApiAuthentication.QuickstartApiScheme))
            {
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', acceptedScopes)}\"";
            }

            await ApiErrors.WriteAsync(
                context.Response,
                StatusCodes.Status403Forbidden,
                "Insufficient scope, expected any of: " + string.Join(',', acceptedScopes),
                "insufficient_scope");
        }
    }
}
