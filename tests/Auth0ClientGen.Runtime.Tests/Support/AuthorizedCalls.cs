using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// One authorized call through <see cref="GeneratedClientHelpers.SendAsync(HttpClient, ICredentialsProvider?, HttpRequestMessage, AccessTokenRequest, System.Threading.CancellationToken)"/>,
/// as a generated client makes it, with or without the per-client wrapper that carries the client's header text.
/// </summary>
internal static class AuthorizedCalls
{
    public static readonly Uri BaseAddress = new("https://api.example.com/");

    /// <summary>The credentials as a client made through DI or <see cref="Auth0ApiClient"/> has them, or as they are.</summary>
    public static ICredentialsProvider Wrap(ICredentialsProvider provider, bool throughTheClientsOwnCache)
        => throughTheClientsOwnCache
            ? new ApiCredentialsProvider(provider, TokenDestinations.BaseAddressOnly, "Shop.IOrdersApi", null, new BearerAuthorization())
            : provider;

    /// <summary>Sends a GET (or a POST with a small JSON body) to <c>/orders</c> through <paramref name="handler"/>.</summary>
    public static async Task SendAsync(RecordingHandler handler, ICredentialsProvider credentials, bool withBody = false)
    {
        using var httpClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(withBody ? HttpMethod.Post : HttpMethod.Get, new Uri(BaseAddress, "orders"))
        {
            Content = withBody ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        };
        using var response = await GeneratedClientHelpers.SendAsync(
            httpClient, credentials, request, new AccessTokenRequest("https://api"), default);
    }
}
