#nullable disable

using System.Collections.Generic;
using System.Threading.Tasks;

namespace Auth0ClientGen.GeneratedCodeQuality;

/// <summary>Declared without nullable annotations, as code from before C# 8 is.</summary>
[Auth0Api]
public interface IObliviousApi
{
    /// <summary>Reads an order.</summary>
    /// <param name="id">The order's identifier.</param>
    /// <param name="memo">A filter.</param>
    /// <param name="tag">A header.</param>
    /// <returns>The order.</returns>
    [Get("/orders/{id}")]
    Task<Order> FindAsync(string id, string memo, [Header("X-Tag")] string tag);

    /// <summary>Reads the orders.</summary>
    /// <param name="regions">The regions to match.</param>
    /// <returns>The orders.</returns>
    [Get("/orders")]
    Task<List<Order>> ListAsync(IEnumerable<string> regions);

    /// <summary>Reads the orders one by one.</summary>
    /// <returns>The orders.</returns>
    [Get("/orders/stream")]
    IAsyncEnumerable<Order> StreamAsync();

    /// <summary>Reads any reference type.</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <returns>The value.</returns>
    [Get("/any")]
    Task<T> GetAsync<T>()
        where T : class;
}
