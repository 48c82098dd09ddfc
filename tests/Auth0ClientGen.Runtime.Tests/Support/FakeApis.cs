using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>What the hand-written stand-ins for generated clients expose to the tests.</summary>
public interface IFakeApi
{
    HttpClient HttpClient { get; }

    ICredentialsProvider Credentials { get; }

    Task<string> GetAsync(string path, CancellationToken cancellationToken = default);
}

[Auth0Api(Audience = FakeApis.OrdersAudience, BaseUrl = FakeApis.OrdersBaseUrl)]
public interface IOrdersApi : IFakeApi;

[Auth0Api(Audience = FakeApis.OrdersAudience, BaseUrl = "https://shipping.example.com/")]
public interface IShippingApi : IFakeApi;

[Auth0Api(BaseUrl = FakeApis.InventoryBaseUrl)]
public interface IInventoryApi : IFakeApi;

[Auth0Api]
public interface IBillingApi : IFakeApi;

/// <summary>
/// Registers the stand-ins the way generated code does: from a module initializer, with the metadata the
/// attribute declares.
/// </summary>
internal static class FakeApis
{
    public const string OrdersAudience = "https://orders.example.com";
    public const string OrdersBaseUrl = "https://orders.example.com/api/";
    public const string InventoryBaseUrl = "https://inventory.example.com/";

    [ModuleInitializer]
    internal static void Register()
    {
        Register<IOrdersApi>(new Auth0ApiMetadata(OrdersAudience, OrdersBaseUrl), (h, c, m) => new FakeClient(h, c, m));
        Register<IShippingApi>(
            new Auth0ApiMetadata(OrdersAudience, "https://shipping.example.com/"),
            (h, c, m) => new FakeClient(h, c, m));
        Register<IInventoryApi>(new Auth0ApiMetadata(null, InventoryBaseUrl), (h, c, m) => new FakeClient(h, c, m));
        Register<IBillingApi>(new Auth0ApiMetadata(null, null), (h, c, m) => new FakeClient(h, c, m));
    }

    private static void Register<TApi>(
        Auth0ApiMetadata metadata,
        Func<HttpClient, ICredentialsProvider, Auth0ApiMetadata, TApi> create)
        where TApi : class
        => Auth0ApiClient.Register<TApi>(
            (httpClient, credentials) => create(httpClient, credentials, metadata),
            metadata);

    /// <summary>Does what a generated method does: resolve the address, authorize, send, read.</summary>
    private sealed class FakeClient(HttpClient httpClient, ICredentialsProvider credentials, Auth0ApiMetadata metadata)
        : IOrdersApi, IShippingApi, IInventoryApi, IBillingApi
    {
        public HttpClient HttpClient => httpClient;

        public ICredentialsProvider Credentials => credentials;

        public async Task<string> GetAsync(string path, CancellationToken cancellationToken = default)
        {
            var declaredBaseAddress = metadata.BaseUrl is null ? null : new Uri(metadata.BaseUrl);
            var baseAddress = GeneratedClientHelpers.ResolveBaseAddress(httpClient, declaredBaseAddress, "fake");
            using var request = new HttpRequestMessage(
                HttpMethod.Get,
                new RequestUriBuilder(baseAddress).AppendLiteral(path).ToUri());
            using var response = await GeneratedClientHelpers.SendAsync(
                httpClient,
                credentials,
                request,
                new AccessTokenRequest(metadata.Audience),
                cancellationToken);
            return await GeneratedClientHelpers.ReadStringAsync(response, cancellationToken);
        }
    }
}
