using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Benchmarks.Apis;
using Refit;

// Outside the Auth0ClientGen namespace, so Get, Headers and ApiResponse bind to Refit's types, not ours.
namespace RefitBenchmarkClients;

/// <summary>
/// The same four scenarios declared for Refit, the way its documentation has a bearer token added: the
/// <c>Authorization</c> header is declared and RefitSettings.AuthorizationHeaderValueGetter fills it in.
/// </summary>
[Headers("Accept: application/json", "Authorization: Bearer")]
public interface IRefitItemsApi
{
    [Get("/items/current")]
    Task<Item> GetCurrentAsync(CancellationToken cancellationToken = default);

    [Get("/tenants/{tenant}/items/{id}")]
    Task<Item> FindAsync(
        string tenant,
        int id,
        string status,
        int limit,
        string sort,
        CancellationToken cancellationToken = default);

    [Post("/items")]
    Task<Item> CreateAsync([Body] NewItem item, CancellationToken cancellationToken = default);

    [Get("/items/{id}")]
    Task<ApiResponse<Item>> GetResponseAsync(int id, CancellationToken cancellationToken = default);
}
