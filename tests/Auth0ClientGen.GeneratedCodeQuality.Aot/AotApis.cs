using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.GeneratedCodeQuality.Aot;

/// <summary>An order, as the AOT-ready client reads and writes it.</summary>
/// <param name="Id">The order's number.</param>
/// <param name="Region">Where the order is fulfilled.</param>
public sealed record Order(int Id, string Region);

/// <summary>The types the AOT-ready client reads and writes, through System.Text.Json's own source generator.</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<Order>))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class QualityJsonContext : JsonSerializerContext;

/// <summary>Serializes through a source-generated context instead of reflection.</summary>
[Auth0Api(JsonContext = typeof(QualityJsonContext))]
public interface IAotOrdersApi
{
    /// <summary>Reads the orders, or null.</summary>
    /// <returns>The orders, or null.</returns>
    [Get("/orders")]
    Task<List<Order>?> ListAsync();

    /// <summary>Creates an order.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The created order.</returns>
    [Post("/orders")]
    Task<Order> CreateAsync([Body] Order order);

    /// <summary>Reads an order with its status and headers.</summary>
    /// <param name="id">The order's number.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [Get("/orders/{id}")]
    Task<ApiResponse<Order>> GetResponseAsync(int id);

    /// <summary>Reads the orders one by one.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders.</returns>
    [Get("/orders")]
    IAsyncEnumerable<Order> StreamAsync(CancellationToken cancellationToken = default);
}

/// <summary>Names the generated client, so the build fails if the generator did not run.</summary>
internal static class GeneratedClients
{
    /// <summary>The generated client.</summary>
    public static readonly System.Type Client = typeof(AotOrdersApiClient);
}
