using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>Met when the access token's <c>scope</c> claim holds any one of <see cref="AcceptedScopes"/>.</summary>
internal sealed class ScopeRequirement(params string[] acceptedScopes) : IAuthorizationRequirement
{
    public IReadOnlyList<string> AcceptedScopes { get; } = acceptedScopes;
}

/// <summary>
/// Checks <see cref="ScopeRequirement"/>. Auth0 puts the scopes in one space-separated <c>scope</c> claim, which
/// JwtBearer keeps as is because inbound claim mapping is off.
/// </summary>
internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var tokenScopes = context.User.FindAll("scope")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (tokenScopes.Any(scope => requirement.AcceptedScopes.Contains(scope, StringComparer.Ordinal)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
