using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The JwtBearer schemes and scope policies of the APIs this process hosts: one scheme per audience, so a token
/// issued for the quickstart API is turned away by the Management API and the other way round.
/// </summary>
internal static class ProtectedApiAuthentication
{
    public const string ManagementApiScheme = "ManagementApi";
    public const string QuickstartApiScheme = "QuickstartApi";

    public static void AddProtectedApiAuthentication(
        this IServiceCollection services,
        TenantAddressHolder addresses,
        HttpClient metadataClient,
        TimeProvider timeProvider,
        IssuedAccessTokens issuedAccessTokens)
    {
        var events = CreateEvents(issuedAccessTokens);

        // These delegates run when a scheme first handles a request; by then the port, and so the issuer, is known.
        services.AddAuthentication()
            .AddJwtBearer(ManagementApiScheme, options => Configure(
                options, addresses.Current, addresses.Current.ManagementApiAudience,
                metadataClient, timeProvider, events))
            .AddJwtBearer(QuickstartApiScheme, options => Configure(
                options, addresses.Current, LocalAuth0Tenant.QuickstartAudience,
                metadataClient, timeProvider, events));

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
    }

    public static AuthorizationPolicy ManagementApiPolicy(string scope) =>
        new AuthorizationPolicyBuilder(ManagementApiScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(scope))
            .Build();

    public static AuthorizationPolicy QuickstartApiPolicy(string? scope = null)
    {
        var builder = new AuthorizationPolicyBuilder(QuickstartApiScheme).RequireAuthenticatedUser();
        if (scope is not null)
        {
            builder.AddRequirements(new ScopeRequirement(scope));
        }

        return builder.Build();
    }

    private static void Configure(
        JwtBearerOptions options,
        TenantAddresses addresses,
        string audience,
        HttpClient metadataClient,
        TimeProvider timeProvider,
        JwtBearerEvents events)
    {
        options.Events = events;
        options.Authority = addresses.Issuer;
        options.MetadataAddress = addresses.MetadataAddress;
        options.Audience = audience;

        // The tenant speaks plain http on loopback only.
        options.RequireHttpsMetadata = false;

        // Our own client, without a proxy, so metadata and keys always come from this tenant and nowhere else.
        options.Backchannel = metadataClient;
        options.MapInboundClaims = false;
        options.TimeProvider = timeProvider;
        options.TokenValidationParameters.ValidAlgorithms = ["RS256"];

        // The token handler reads the system clock for exp and nbf, whatever the scheme's TimeProvider says. With a
        // clock of the caller's own, check the lifetime against it instead, or tokens issued "now" would look stale.
        if (timeProvider != TimeProvider.System)
        {
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                return expires is { } expiresAt
                    && now < expiresAt + parameters.ClockSkew
                    && (notBefore is not { } notBeforeAt || now >= notBeforeAt - parameters.ClockSkew);
            };
        }
    }

    /// <summary>
    /// Turns away tokens that the test revoked, after JwtBearer found them valid otherwise. JwtBearer only describes
    /// failures of its own in the challenge, so the description of a revoked token is set here, to answer as it
    /// answers for an expired one: <c>Bearer error="invalid_token", error_description="..."</c>.
    /// </summary>
    private static JwtBearerEvents CreateEvents(IssuedAccessTokens issuedAccessTokens) => new()
    {
        OnTokenValidated = context =>
        {
            if (issuedAccessTokens.IsRejected(context.Principal?.FindFirst("jti")?.Value))
            {
                context.Fail(new RevokedAccessTokenException());
            }

            return Task.CompletedTask;
        },
        OnChallenge = context =>
        {
            if (context.AuthenticateFailure is RevokedAccessTokenException revoked)
            {
                context.ErrorDescription = revoked.Message;
            }

            return Task.CompletedTask;
        },
    };

    private sealed class RevokedAccessTokenException()
        : SecurityTokenException("The access token was revoked: it was issued before the tenant stopped accepting it.");
}
