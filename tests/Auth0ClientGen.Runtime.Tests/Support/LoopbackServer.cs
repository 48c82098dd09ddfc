using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, answering every request with a test-supplied delegate and
/// counting what it receives. For behaviour that only real handlers show, such as following redirects.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _application;
    private int _requestCount;

    private LoopbackServer(WebApplication application, Uri origin)
    {
        _application = application;
        Origin = origin;
    }

    /// <summary>The server's origin, <c>http://127.0.0.1:{port}</c>, without a trailing slash.</summary>
    public Uri Origin { get; }

    /// <summary>What to put in <c>Auth0:Domain</c> to send token requests here.</summary>
    public string Domain => Origin.GetLeftPart(UriPartial.Authority);

    /// <summary>How many requests have arrived so far.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var application = builder.Build();
        LoopbackServer? server = null;
        application.Run(context =>
        {
            Interlocked.Increment(ref server!._requestCount);
            return respond(context);
        });
        await application.StartAsync();

        var address = application.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new LoopbackServer(application, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _application.StopAsync();
        await _application.DisposeAsync();
    }
}
