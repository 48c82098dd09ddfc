using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.GeneratedCodeQuality;

/// <summary>Reads items; the HTTP attributes sit on this generic base.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
public interface IReadableStore<TItem, TKey>
{
    /// <summary>Reads one item.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item.</returns>
    [Get("/items/{key}")]
    Task<TItem> GetAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>Reads the items with the given keys.</summary>
    /// <param name="keys">The keys, or null for all.</param>
    /// <returns>The items.</returns>
    [Get("/items")]
    IAsyncEnumerable<TItem> ListAsync([Query(CollectionFormat.Csv)] IEnumerable<TKey>? keys = null);
}

/// <summary>Writes items.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
[Headers("X-Store: orders")]
public interface IWritableStore<TItem>
{
    /// <summary>Creates an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The created item.</returns>
    [Post("/items")]
    Task<TItem> CreateAsync([Body] TItem item);
}

/// <summary>Declares nothing: every method comes from the generic bases.</summary>
[Auth0Api(Audience = "https://store.example.com")]
public interface IOrderStoreApi : IReadableStore<Order, int>, IWritableStore<Order>
{
}

/// <summary>Generic methods with each kind of constraint.</summary>
[Auth0Api]
public interface IDocumentsApi
{
    /// <summary>Reads a reference type, or null.</summary>
    /// <typeparam name="TDocument">The document type.</typeparam>
    /// <param name="id">The document's identifier.</param>
    /// <returns>The document, or null.</returns>
    [Get("/documents/{id}")]
    Task<TDocument?> FindAsync<TDocument>(string id)
        where TDocument : class;

    /// <summary>Reads a value type.</summary>
    /// <typeparam name="TSize">The size type.</typeparam>
    /// <param name="id">The document's identifier.</param>
    /// <returns>The size.</returns>
    [Get("/documents/{id}/size")]
    Task<TSize> GetSizeAsync<TSize>(string id)
        where TSize : struct;

    /// <summary>Reads a type that can be created.</summary>
    /// <typeparam name="TDocument">The document type.</typeparam>
    /// <returns>The template.</returns>
    [Get("/documents/template")]
    Task<TDocument> GetTemplateAsync<TDocument>()
        where TDocument : new();

    /// <summary>Writes and reads back a reference type that can be created.</summary>
    /// <typeparam name="TDocument">The document type.</typeparam>
    /// <param name="document">The document.</param>
    /// <returns>The stored document.</returns>
    [Post("/documents")]
    Task<TDocument> CreateAsync<TDocument>([Body] TDocument document)
        where TDocument : class, new();

    /// <summary>Reads a nullable value type with an interface constraint.</summary>
    /// <typeparam name="TRevision">The revision type.</typeparam>
    /// <param name="id">The document's identifier.</param>
    /// <returns>The revision, or null.</returns>
    [Get("/documents/{id}/revision")]
    Task<TRevision?> GetRevisionAsync<TRevision>(string id)
        where TRevision : struct, IComparable<TRevision>;

    /// <summary>Reads an unmanaged type.</summary>
    /// <typeparam name="TChecksum">The checksum type.</typeparam>
    /// <param name="id">The document's identifier.</param>
    /// <returns>The checksum.</returns>
    [Get("/documents/{id}/checksum")]
    ValueTask<TChecksum> GetChecksumAsync<TChecksum>(string id)
        where TChecksum : unmanaged;

    /// <summary>Reads non-null documents one by one.</summary>
    /// <typeparam name="TDocument">The document type.</typeparam>
    /// <returns>The documents.</returns>
    [Get("/documents")]
    IAsyncEnumerable<TDocument> ListAsync<TDocument>()
        where TDocument : notnull;

    /// <summary>Writes one type and reads back another derived from it.</summary>
    /// <typeparam name="TBody">The type written.</typeparam>
    /// <typeparam name="TResult">The type read.</typeparam>
    /// <param name="id">The document's identifier.</param>
    /// <param name="document">The document.</param>
    /// <returns>The response, which the caller disposes.</returns>
    [Put("/documents/{id}")]
    Task<ApiResponse<TResult>> ReplaceAsync<TBody, TResult>(string id, [Body] TBody document)
        where TBody : class
        where TResult : TBody;
}

/// <summary>Holds interfaces nested at different depths and accessibilities.</summary>
public static class Platform
{
    /// <summary>An internal container with a public interface inside.</summary>
    internal static class Configuration
    {
        /// <summary>Reads settings.</summary>
        [Auth0Api]
        public interface ISettingsApi
        {
            /// <summary>Reads a setting.</summary>
            /// <param name="key">The setting's name.</param>
            /// <returns>The value.</returns>
            [Get("/settings/{key}")]
            Task<string> GetAsync(string key);
        }
    }

    /// <summary>Records audit entries.</summary>
    [Auth0Api]
    internal interface IAuditApi
    {
        /// <summary>Records an entry.</summary>
        /// <param name="entry">The entry.</param>
        /// <returns>A task that completes when the entry is recorded.</returns>
        [Post("/audit")]
        Task RecordAsync([Body] string entry);
    }
}

/// <summary>A level, sent by its serialized name.</summary>
internal enum Level
{
    /// <summary>The lower level.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("low-level")]
    Low,

    /// <summary>The higher level.</summary>
    High,
}

/// <summary>Keywords as names, and parameters named like what the generated code declares.</summary>
[Auth0Api]
internal interface INamesApi
{
    [Get("/namespaces/{namespace}")]
    Task<string> @namespace(string @namespace, [Query] string? @class);

    [Post("/classes/{class}")]
    Task @class(int @class, [Body] string? @namespace);

    [Post("/requests/{request}/{response}/{content}/{url}")]
    Task<string> EveryNameAsync(
        string request,
        string response,
        string content,
        string url,
        [Header("X-Client")] string? client,
        [Query] string? token,
        [Query] string? requestUri,
        [Query] Level value,
        [Query] string? httpClient,
        [Query] string? credentials,
        [Body] Stream item,
        CancellationToken cancellationToken);

    [Get("/items")]
    Task<string> CollectionsAsync(
        [Query(CollectionFormat.Csv)] int[] item,
        [Query(CollectionFormat.Pipes)] List<string> item1,
        string request1,
        CancellationToken token);

    [Get("/stream/{request}")]
    IAsyncEnumerable<string> StreamAsync(
        string request,
        string item,
        [Query] string? cancellationToken,
        string EnumerateAsync);
}

/// <summary>Has a client the user extends.</summary>
[Auth0Api(BaseUrl = "https://invoices.example.com")]
public interface IInvoicesApi
{
    /// <summary>Reads an invoice.</summary>
    /// <param name="id">The invoice's number.</param>
    /// <returns>The invoice as text.</returns>
    [Get("/invoices/{id}")]
    Task<string> GetAsync(int id);
}

/// <summary>The user's part of the generated client.</summary>
public sealed partial class InvoicesApiClient
{
    /// <summary>Gets what the client calls.</summary>
    public static string Describe() => "invoices";
}
