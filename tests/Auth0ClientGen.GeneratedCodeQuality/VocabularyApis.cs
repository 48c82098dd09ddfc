using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.GeneratedCodeQuality;

/// <summary>Every verb, body kind and return type.</summary>
[Auth0Api(Audience = "https://orders.example.com", BaseUrl = "https://orders.example.com/v1/")]
[Headers("Accept: application/json", "X-Client: quality")]
public interface IOrdersApi
{
    /// <summary>Reads one order as JSON.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order.</returns>
    [Get("/orders/{id}")]
    Task<Order> GetAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Reads one order, or null.</summary>
    /// <param name="id">The order's number.</param>
    /// <returns>The order, or null.</returns>
    [Get("/orders/{id}"), AllowAnonymous]
    ValueTask<Order?> FindAsync(int id);

    /// <summary>Creates an order from JSON.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The created order.</returns>
    [Post("/orders")]
    Task<Order> CreateAsync([Body] Order order);

    /// <summary>Replaces an order's note with text.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="note">The note.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [Put("/orders/{id}/note")]
    [Headers("Content-Type: text/markdown", "X-Client")]
    Task<HttpResponseMessage> ReplaceNoteAsync(int id, [Body] string note);

    /// <summary>Patches an order with JSON.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="changes">The changed fields.</param>
    /// <returns>A task that completes when the order is patched.</returns>
    [Patch("/orders/{id}")]
    ValueTask PatchAsync(int id, [Body] IReadOnlyDictionary<string, string> changes);

    /// <summary>Moves an order, with its number under another name in the route and an explicit JSON body.</summary>
    /// <param name="number">The order's number.</param>
    /// <param name="destination">Where it goes.</param>
    /// <returns>The moved order, with its status and headers.</returns>
    [Post("/orders/{id}/move"), AllowAnonymous]
    Task<ApiResponse<Order>> MoveAsync(
        [AliasAs("id")] long number,
        [Body(BodySerializationMethod.Json)] Order destination);

    /// <summary>Deletes an order.</summary>
    /// <param name="id">The order's number.</param>
    /// <returns>A task that completes when the order is deleted.</returns>
    [Delete("/orders/{id}")]
    Task DeleteAsync(int id);

    /// <summary>Checks that an order exists.</summary>
    /// <param name="id">The order's number.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [Head("/orders/{id}")]
    Task<HttpResponseMessage> ExistsAsync(int id);

    /// <summary>Lists what the orders endpoint allows.</summary>
    /// <returns>The body as text.</returns>
    [Options("/orders")]
    Task<string> OptionsAsync();

    /// <summary>Uploads an attachment as bytes.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="bytes">The attachment.</param>
    /// <returns>A task that completes when the attachment is stored.</returns>
    [Put("/orders/{id}/attachment")]
    Task UploadBytesAsync(int id, [Body] byte[] bytes);

    /// <summary>Uploads an attachment from a stream.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="data">The attachment.</param>
    /// <returns>A task that completes when the attachment is stored.</returns>
    [Put("/orders/{id}/attachment")]
    Task UploadStreamAsync(int id, [Body] Stream data);

    /// <summary>Uploads an attachment as prepared content.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="content">The attachment.</param>
    /// <returns>A task that completes when the attachment is stored.</returns>
    [Put("/orders/{id}/attachment")]
    Task UploadContentAsync(int id, [Body] HttpContent content);

    /// <summary>Downloads an attachment.</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, which the caller disposes.</returns>
    [Get("/orders/{id}/attachment")]
    Task<Stream> DownloadAsync(int id, CancellationToken cancellationToken);

    /// <summary>Reads an order with its status and headers.</summary>
    /// <param name="id">The order's number.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [Get("/orders/{id}")]
    Task<ApiResponse<Order>> GetResponseAsync(int id);

    /// <summary>Reads the order count with its status and headers.</summary>
    /// <returns>The response, which the caller disposes.</returns>
    [Get("/orders/count")]
    ValueTask<ApiResponse<int?>> CountAsync();

    /// <summary>Reads an order's note with its status and headers.</summary>
    /// <param name="id">The order's number.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [Get("/orders/{id}/note")]
    Task<ApiResponse<string>> GetNoteAsync(int id);

    /// <summary>Reads the orders one by one as they arrive.</summary>
    /// <param name="state">The state to match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders.</returns>
    [Get("/orders")]
    IAsyncEnumerable<Order> StreamAsync(OrderState? state = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the orders one by one, with gaps.</summary>
    /// <returns>The orders, null where the array holds null.</returns>
    [Get("/orders")]
    IAsyncEnumerable<Order?> StreamWithGapsAsync();
}

/// <summary>Query strings, routes, headers and forms.</summary>
[Auth0Api(Audience = "https://search.example.com")]
public interface ISearchApi
{
    /// <summary>Searches with collections and flattened objects.</summary>
    /// <param name="ids">Sent comma-separated.</param>
    /// <param name="states">Sent one pair each.</param>
    /// <param name="labels">Sent pipe-separated.</param>
    /// <param name="words">Sent space-separated.</param>
    /// <param name="codes">Sent tab-separated.</param>
    /// <param name="filter">Flattened with a prefix.</param>
    /// <param name="other">Flattened without one.</param>
    /// <returns>The body as text.</returns>
    [Get("/search?kind=all")]
    Task<string> SearchAsync(
        [Query(CollectionFormat.Csv)] int[] ids,
        IEnumerable<OrderState> states,
        [Query(CollectionFormat.Pipes)] IReadOnlyList<string>? labels,
        [Query(CollectionFormat.Ssv)] IReadOnlyCollection<string> words,
        [Query(CollectionFormat.Tsv)] long[] codes,
        [Query("_", "f")] OrderFilter filter,
        [Query] OrderFilter? other);

    /// <summary>Sends every kind of simple value.</summary>
    /// <param name="day">A date.</param>
    /// <param name="time">A time of day.</param>
    /// <param name="since">An instant.</param>
    /// <param name="until">A local date and time.</param>
    /// <param name="span">A duration.</param>
    /// <param name="key">An identifier.</param>
    /// <param name="address">An address.</param>
    /// <param name="amount">A decimal.</param>
    /// <param name="ratio">A double.</param>
    /// <param name="archived">A Boolean.</param>
    /// <param name="separator">A character.</param>
    /// <param name="state">An enum.</param>
    /// <param name="limit">A nullable number.</param>
    /// <param name="page">A number, under another name.</param>
    /// <param name="requestId">A header.</param>
    /// <param name="notBefore">A nullable instant, as a header.</param>
    /// <returns>The body as text.</returns>
    [Get("/values/{day}/{time}/{key}")]
    Task<string> ValuesAsync(
        DateOnly day,
        TimeOnly time,
        DateTimeOffset since,
        DateTime until,
        TimeSpan span,
        Guid key,
        Uri? address,
        decimal amount,
        double? ratio,
        bool archived,
        char separator,
        OrderState state,
        long? limit,
        [AliasAs("page_number")] int page,
        [Header("X-Request-Id")] string? requestId,
        [Header("X-Not-Before")] DateTimeOffset? notBefore);

    /// <summary>Reads through property placeholders and a catch-all.</summary>
    /// <param name="order">Supplies the region and number.</param>
    /// <param name="path">Keeps its slashes.</param>
    /// <returns>The body as text.</returns>
    [Get("/regions/{order.Region}/orders/{order.Id}/files/{**path}")]
    Task<string> GetFileAsync(Order order, string path);

    /// <summary>Sends a form from an object.</summary>
    /// <param name="form">The fields.</param>
    /// <returns>A task that completes when the form is accepted.</returns>
    [Post("/signup")]
    Task SignupAsync([Body(BodySerializationMethod.UrlEncoded)] SignupForm form);

    /// <summary>Sends a form from a dictionary.</summary>
    /// <param name="fields">The fields.</param>
    /// <returns>A task that completes when the form is accepted.</returns>
    [Post("/revoke")]
    Task RevokeAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string?> fields);

    /// <summary>Sends a set of headers.</summary>
    /// <param name="headers">The headers.</param>
    /// <param name="trace">One more header.</param>
    /// <returns>The body as text.</returns>
    [Get("/profile")]
    Task<string> GetProfileAsync(
        [HeaderCollection] IDictionary<string, string> headers,
        [Header("X-Trace")] string? trace);
}
