using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Gives one API's <c>IHttpClientFactory</c> client an <see cref="AuthorizationRedirectHandler"/> and turns
/// redirects off on its primary handler. It runs after every other configuration of that client, whatever the
/// order of registration, so the application's own primary handler is covered too and the redirect handler sits
/// innermost, next to it.
/// </summary>
internal sealed class ApiHttpClientSetup(string clientName) : IPostConfigureOptions<HttpClientFactoryOptions>
{
    public string ClientName => clientName;

    public void PostConfigure(string? name, HttpClientFactoryOptions options)
    {
        if (name != clientName)
        {
            return;
        }

        options.HttpMessageHandlerBuilderActions.Add(static builder =>
        {
            // Known shortcoming: a primary handler other than SocketsHttpHandler or HttpClientHandler that
            // follows redirects by itself does so before this handler sees them, and keeps its own rules.
            TokenEndpointHandler.RefuseRedirects(builder.PrimaryHandler);
            var logger = builder.Services.GetService<ILoggerFactory>()?.CreateLogger<AuthorizationRedirectHandler>();
            builder.AdditionalHandlers.Add(new AuthorizationRedirectHandler(logger));
        });
    }
}
