using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Auth0ClientGen.Internal;

/// <summary>
/// The HTTP handler for the token endpoint. It never follows redirects: a followed redirect would send the token
/// request, and the client secret in it, on to whatever address the redirect names.
/// </summary>
internal static class TokenEndpointHandler
{
    /// <summary>
    /// How long a connection is reused. It bounds how long a DNS change of the tenant goes unnoticed by a handler
    /// that lives as long as its provider; two minutes matches the handler lifetime of <c>IHttpClientFactory</c>.
    /// </summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    public static SocketsHttpHandler Create()
        => new() { AllowAutoRedirect = false, PooledConnectionLifetime = PooledConnectionLifetime };

    /// <summary>
    /// Turns redirects off on the handler types that have the switch. Other handlers are left as they are; a
    /// redirect they follow is still caught afterwards, by the provider, which then refuses the answer.
    /// </summary>
    public static void RefuseRedirects(HttpMessageHandler handler)
    {
        // Only changed when on: a handler that has already sent requests throws on any change.
        switch (handler)
        {
            case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler { AllowAutoRedirect: true } client:
                client.AllowAutoRedirect = false;
                break;
        }
    }
}

/// <summary>
/// Gives the token endpoint's <c>IHttpClientFactory</c> client a handler that does not follow redirects. It runs
/// after every other configuration of that client, whatever the order of registration, so it can put its default
/// handler first (a primary handler the application configures still replaces it) and refuse redirects last (on
/// the application's handler too).
/// </summary>
internal sealed class TokenEndpointHttpClientSetup : IPostConfigureOptions<HttpClientFactoryOptions>
{
    public void PostConfigure(string? name, HttpClientFactoryOptions options)
    {
        if (name != Auth0ServiceCollectionExtensions.TokenEndpointHttpClientName)
        {
            return;
        }

        options.HttpMessageHandlerBuilderActions.Insert(0, static builder =>
            builder.PrimaryHandler = TokenEndpointHandler.Create());
        options.HttpMessageHandlerBuilderActions.Add(static builder =>
            TokenEndpointHandler.RefuseRedirects(builder.PrimaryHandler));
    }
}
