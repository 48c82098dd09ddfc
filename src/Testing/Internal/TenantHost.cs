using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Testing.Internal.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>Builds the tenant's web application: Kestrel on a free loopback port, its endpoints and auth.</summary>
internal static class TenantHost
{
    public static WebApplication Build(
        TenantAddressHolder addresses,
        SigningKey signingKey,
        TokenEndpointHandler tokenEndpoint,
        UserStore userStore,
        HttpClient metadataClient,
        TimeProvider timeProvider,
        IssuedAccessTokens issuedAccessTokens,
        ProtectedApiRequestCounter apiRequestCounter)
    {
        // The empty builder reads no appsettings, no environment and no command line, and adds no logging provider:
        // nothing from the machine can change where the tenant listens, and nothing it does is written to a console.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TenantHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });

        // The default console lifetime would take over Ctrl+C and SIGTERM of the test process that hosts the tenant.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddRouting();
        builder.Services.AddProtectedApiAuthentication(
            addresses, metadataClient, timeProvider, issuedAccessTokens);

        var application = builder.Build();
        application.UseRouting();
        apiRequestCounter.UseCounting(application);
        application.UseAuthentication();
        application.UseAuthorization();
        application.MapPost("/oauth/token", tokenEndpoint.HandleAsync);
        application.MapDiscoveryEndpoints(addresses, signingKey);
        application.MapUsersEndpoints(userStore);
        application.MapQuickstartEndpoints();
        return application;
    }

    /// <summary>The port Kestrel bound; call after the application has started.</summary>
    public static int ReadBoundPort(WebApplication application)
    {
        var server = application.Services.GetRequiredService<IServer>();
        var address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address).Port;
    }

    private sealed class PassiveHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
