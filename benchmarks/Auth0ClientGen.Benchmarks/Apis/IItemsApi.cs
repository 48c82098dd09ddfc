using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Benchmarks.Apis;

/// <summary>The four request scenarios, declared for Auth0ClientGen.</summary>
[Auth0Api(Audience = Endpoints.Audience, JsonContext = typeof(BenchmarkJsonContext))]
[Headers("Accept: application/json")]
public interface IItemsApi
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
