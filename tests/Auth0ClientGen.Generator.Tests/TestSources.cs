namespace Auth0ClientGen.Generator.Tests;

/// <summary>Interfaces a user might write, shared by the snapshot, compile and incremental tests.</summary>
internal static class TestSources
{
    public const string ReadmeExample = """
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        public sealed record Order(int Id, string Status);

        [Auth0Api(Audience = "https://orders.example.com")]
        public interface IOrdersApi
        {
            [Get("/orders/{id}")]
            Task<Order> GetOrderAsync(int id, CancellationToken cancellationToken = default);
        }
        """;

    public const string ManagementApiUsers = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Tenant.Management;

        public sealed class User
        {
            [JsonPropertyName("user_id")] public string? UserId { get; set; }
            [JsonPropertyName("email")] public string? Email { get; set; }
        }

        public sealed class CreateUserRequest
        {
            [JsonPropertyName("email")] public string Email { get; set; } = "";
            [JsonPropertyName("connection")] public string Connection { get; set; } = "";
        }

        [Auth0Api(BaseUrl = "https://tenant.example.com")]
        public interface IManagementApi
        {
            [Get("/api/v2/users")]
            Task<List<User>> ListUsersAsync(
                string? q = null,
                int? page = null,
                [AliasAs("per_page")] int? perPage = null,
                [Query, AliasAs("include_totals")] bool includeTotals = false,
                CancellationToken cancellationToken = default);

            [Get("/api/v2/users/{id}")]
            Task<User> GetUserAsync(string id, [Header("X-Correlation-Id")] string? correlationId = null, CancellationToken cancellationToken = default);

            [Post("/api/v2/users")]
            Task<User> CreateUserAsync([Body] CreateUserRequest user, CancellationToken cancellationToken = default);

            [Patch("/api/v2/users/{ID}")]
            Task<User> UpdateUserAsync(string id, [Body] Dictionary<string, object?> changes, CancellationToken cancellationToken = default);

            [Delete("/api/v2/users/{id}")]
            Task DeleteUserAsync(string id, CancellationToken cancellationToken = default);
        }
        """;

    public const string ReturnTypes = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Samples.Messages;

        [Auth0Api]
        internal interface IMessagesApi
        {
            [Get("/api/public")]
            Task<string> GetPublicAsync();

            [Get("/api/private"), AllowAnonymous]
            Task<string> GetWithoutTokenAsync();

            [Put("/api/messages/{messageId}?notify=true")]
            Task<HttpResponseMessage> ReplaceAsync([AliasAs("messageId")] long id, [Body] string text);

            [Delete("/api/messages")]
            Task ClearAsync();
        }
        """;

    public const string ApiResponsesAndStreaming = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop.Feeds;

        public sealed record Order(int Id, string Status);

        [Auth0Api(Audience = "https://orders.example.com")]
        public interface IOrderFeedApi
        {
            [Get("/orders/{id}")]
            Task<ApiResponse<Order>> GetAsync(int id, CancellationToken cancellationToken = default);

            [Get("/orders/count")]
            ValueTask<ApiResponse<int?>> CountAsync();

            [Get("/orders/{id}/notes"), AllowAnonymous]
            Task<ApiResponse<string>> GetNotesAsync(int id);

            [Get("/orders")]
            IAsyncEnumerable<Order> StreamAsync(string? status, CancellationToken cancellationToken = default);

            [Get("/orders/by-item/{item}")]
            IAsyncEnumerable<Order?> StreamByItemAsync(string item, [Query] string? cancellationToken);

            [Get("/values")]
            IAsyncEnumerable<TValue> StreamValuesAsync<TValue>() where TValue : struct;
        }
        """;

    public const string AwkwardNames = """
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Awkward;

        public interface IReadable<T>
        {
            [Get("/items/{id}")]
            Task<T> GetAsync(string id);
        }

        public static class Outer
        {
            [Auth0Api(Audience = "urn:items")]
            public interface IItemsApi : IReadable<int>
            {
                [Post("/items/{request}/{response}")]
                Task<string> @class(string request, string response, string requestUri, [Query] string? @event, CancellationToken token);
            }
        }
        """;

    public const string ValueFormatting = """
        using System;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        public enum Sort { Ascending, Descending }

        [Auth0Api(Audience = "https://reports.example.com", BaseUrl = "https://reports.example.com/v1/")]
        public interface IReportsApi
        {
            [Get("/reports/{day}/{id}")]
            Task<string> GetAsync(
                DateOnly day,
                Guid id,
                DateTimeOffset? since,
                DateTime until,
                decimal minimum,
                double? ratio,
                bool? archived,
                Sort sort,
                char separator,
                [Header("X-Limit")] int limit);
        }
        """;

    public const string BodiesHeadersAndGenerics = """
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Files;

        [Auth0Api(Audience = "https://files.example.com")]
        [Headers("Accept: application/json", "X-Client: files-sdk")]
        public interface IFilesApi
        {
            [Put("/files/{name}.{ext}")]
            [Headers("Content-Type: image/png", "X-Client")]
            ValueTask UploadAsync(string name, string ext, [Body] byte[] bytes);

            [Post("/files/stream")]
            Task<string> UploadStreamAsync([Body] Stream data, [Header("X-Client")] string? client);

            [Post("/files/raw")]
            Task UploadContentAsync([Body] HttpContent content);

            [Get("/files/{name}")]
            Task<Stream> DownloadAsync(string name, CancellationToken cancellationToken);

            [Head("/files/{name}")]
            Task<HttpResponseMessage> ExistsAsync(string name);

            [Options("/files")]
            ValueTask<string> OptionsAsync();

            [Get("/items/{id}")]
            Task<TItem?> GetItemAsync<TItem>(int id) where TItem : class;

            [Post("/items")]
            Task<TResult> CreateItemAsync<TBody, TResult>([Body] TBody request) where TResult : struct;
        }
        """;

    public const string QueryObjectsCollectionsAndRoutes = """
        using System.Collections.Generic;
        using System.Runtime.Serialization;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Search;

        public enum Status
        {
            [JsonStringEnumMemberName("in-progress")] InProgress,
            [EnumMember(Value = "done")] Done,
            Open,
        }

        public sealed class Filter
        {
            public string? Text { get; set; }
            [JsonPropertyName("page_size")] public int PageSize { get; set; }
            [AliasAs("state")] public Status? Status { get; set; }
            public List<string>? Tags { get; set; }
            [JsonIgnore] public string? Secret { get; set; }
        }

        public sealed record Order(int Id, string Region);

        [Auth0Api]
        public interface ISearchApi
        {
            [Get("/search")]
            Task<string> SearchAsync(
                [Query(CollectionFormat.Csv)] int[] ids,
                IEnumerable<Status> statuses,
                [Query("_", "f")] Filter filter,
                [Query] Filter? other);

            [Get("/regions/{order.Region}/orders/{order.Id}")]
            Task<string> GetOrderAsync(Order order);

            [Get("/blobs/{**path}")]
            Task<string> GetBlobAsync(string path, Status status);
        }
        """;

    public const string FormsAndHeaderCollections = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Forms;

        public sealed class SignupForm
        {
            [JsonPropertyName("email")] public string Email { get; set; } = "";
            [AliasAs("plan_code")] public int? Plan { get; set; }
            public List<string>? Interests { get; set; }
        }

        [Auth0Api]
        public interface IFormsApi
        {
            [Post("/signup")]
            Task SignupAsync([Body(BodySerializationMethod.UrlEncoded)] SignupForm form);

            [Post("/oauth/revoke")]
            Task RevokeAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string?> fields);

            [Get("/profile")]
            [Headers("X-Source: sdk")]
            Task<string> GetProfileAsync([HeaderCollection] IDictionary<string, string> headers, [Header("X-Trace")] string? trace);
        }
        """;

    public const string GenericBaseInterfaces = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Catalog;

        public sealed record Product(string Sku, string Name);

        public sealed record Supplier(int Id, string Name);

        public interface IReadable<TItem, TKey>
        {
            [Get("/items/{key}")]
            Task<TItem> GetAsync(TKey key, CancellationToken cancellationToken = default);

            [Get("/items")]
            IAsyncEnumerable<TItem> ListAsync([Query(CollectionFormat.Csv)] IEnumerable<TKey>? keys = null);
        }

        [Headers("X-Store: catalog")]
        public interface IWritable<TItem>
        {
            [Post("/items")]
            Task<TItem> CreateAsync([Body] TItem item);

            [Delete("/items/{key}")]
            Task DeleteAsync(string key);
        }

        public interface IProductStore : IReadable<Product, string>, IWritable<Product>
        {
        }

        [Auth0Api(Audience = "https://catalog.example.com")]
        public interface IProductsApi : IProductStore
        {
        }

        [Auth0Api(Audience = "https://catalog.example.com")]
        public interface ISuppliersApi : IReadable<Supplier, int>
        {
            [Put("/items/{id}/name")]
            Task RenameAsync(int id, [Body] string name);
        }
        """;

    public const string GenericMethodConstraints = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Documents;

        [Auth0Api]
        public interface IDocumentsApi
        {
            [Get("/documents/{id}")]
            Task<TDocument?> FindAsync<TDocument>(string id) where TDocument : class;

            [Get("/documents/{id}/size")]
            Task<TSize> GetSizeAsync<TSize>(string id) where TSize : struct;

            [Get("/documents/template")]
            Task<TDocument> GetTemplateAsync<TDocument>() where TDocument : new();

            [Post("/documents")]
            Task<TDocument> CreateAsync<TDocument>([Body] TDocument document) where TDocument : class, new();

            [Get("/documents/{id}/revision")]
            Task<TRevision?> GetRevisionAsync<TRevision>(string id) where TRevision : struct, IComparable<TRevision>;

            [Get("/documents/{id}/checksum")]
            ValueTask<TChecksum> GetChecksumAsync<TChecksum>(string id) where TChecksum : unmanaged;

            [Get("/documents")]
            IAsyncEnumerable<TDocument> ListAsync<TDocument>() where TDocument : notnull;

            [Put("/documents/{id}")]
            Task<ApiResponse<TResult>> ReplaceAsync<TBody, TResult>(string id, [Body] TBody document)
                where TBody : class
                where TResult : TBody;
        }
        """;

    public const string KeywordsAndNamesTheGeneratedCodeUses = """
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Keywords;

        public enum Level { Low, High }

        [Auth0Api]
        public interface IKeywordsApi
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
            IAsyncEnumerable<string> StreamAsync(string request, string item, [Query] string? cancellationToken, string EnumerateAsync);

            [Get("/generic/{value}")]
            Task<response> GetAsync<response>(int value) where response : class;
        }
        """;

    public const string SameNameInThreeNamespaces = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Billing;

        [Auth0Api(Audience = "https://billing.example.com")]
        public interface IAccountsApi
        {
            [Get("/billing/accounts/{id}")]
            Task<string> GetAsync(string id);
        }
        """;

    public const string SameNameInAnotherNamespace = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Identity.Admin
        {
            [Auth0Api(Audience = "https://identity.example.com")]
            public interface IAccountsApi
            {
                [Delete("/admin/accounts/{id}")]
                Task DeleteAsync(string id);
            }
        }
        """;

    public const string SameNameInTheGlobalNamespace = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        [Auth0Api]
        internal interface IAccountsApi
        {
            [Get("/accounts")]
            Task<string> ListAsync();
        }
        """;

    public const string NestedAndInternalInterfaces = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Tenancy;

        public static partial class Platform
        {
            internal static class Internal
            {
                [Auth0Api]
                public interface ISettingsApi
                {
                    [Get("/settings/{key}")]
                    Task<string> GetAsync(string key);
                }
            }

            public sealed class Public
            {
                [Auth0Api]
                internal interface IAuditApi
                {
                    [Post("/audit")]
                    Task RecordAsync([Body] string entry);
                }
            }
        }
        """;

    public const string NullableContexts = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Ledger;

        public sealed class Entry
        {
            public string? Memo { get; set; }
        }

        #nullable enable
        [Auth0Api]
        public interface IAnnotatedApi
        {
            [Get("/entries/{id}")]
            Task<Entry?> FindAsync(string id, string? memo, int? page, [Header("X-Tag")] string? tag);

            [Get("/entries")]
            Task<List<Entry?>> ListAsync(IEnumerable<string?>? memos);

            [Post("/entries")]
            Task<Entry> CreateAsync([Body] Entry? entry);

            [Get("/entries/stream")]
            IAsyncEnumerable<Entry?> StreamAsync();

            [Get("/entries/{id}")]
            Task<ApiResponse<Entry?>> GetResponseAsync(string id);
        }
        #nullable restore

        #nullable disable
        [Auth0Api]
        public interface IObliviousApi
        {
            [Get("/entries/{id}")]
            Task<Entry> FindAsync(string id, string memo, int? page, [Header("X-Tag")] string tag);

            [Get("/entries")]
            Task<List<Entry>> ListAsync(IEnumerable<string> memos);

            [Post("/entries")]
            Task<Entry> CreateAsync([Body] Entry entry);

            [Get("/entries/stream")]
            IAsyncEnumerable<Entry> StreamAsync();

            [Get("/entries/{id}")]
            Task<T> GetAsync<T>(string id) where T : class;
        }
        #nullable restore
        """;

    public const string UserPartialClientClass = """
        using System;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop.Partial;

        /// <summary>The user's part of the generated client.</summary>
        public partial class OrdersApiClient : IDisposable
        {
            public string Describe() => "orders";

            public void Dispose()
            {
            }
        }

        [Auth0Api(BaseUrl = "https://orders.example.com")]
        public interface IOrdersApi
        {
            [Get("/orders/{id}")]
            Task<string> GetAsync(int id);
        }

        partial class InvoicesApiClient
        {
            internal int Calls { get; set; }
        }

        [Auth0Api]
        internal interface IInvoicesApi
        {
            [Get("/invoices/{id}")]
            Task<string> GetAsync(int id);
        }
        """;

    public const string ScopesAndAnonymousCalls = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Scoped;

        [Auth0Api(Audience = "https://api.example.com")]
        [Scopes("read:users")]
        public interface IScopedApi
        {
            [Get("/users")]
            Task<string> ListAsync();

            [Post("/users")]
            [Scopes("create:users", "read:users")]
            Task<string> CreateAsync([Body] string user);

            [Get("/health"), AllowAnonymous]
            Task<string> HealthAsync();
        }
        """;

    public const string MultipartUploads = """
        using System.IO;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Uploads;

        public sealed record Metadata(string Title, int Pages);

        [Auth0Api]
        public interface IUploadsApi
        {
            [Multipart]
            [Post("/folders/{folder}/files")]
            Task<string> UploadAsync(
                string folder,
                StreamPart document,
                [AliasAs("cover")] ByteArrayPart? image,
                Metadata metadata,
                string description,
                int? pages,
                [Query] bool overwrite,
                [Header("X-Upload")] string? uploadId);

            [Multipart("custom-boundary")]
            [Put("/raw")]
            Task UploadRawAsync(Stream data, byte[] checksum);
        }
        """;

    public const string JsonSerializerContextForAot = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Aot;

        public sealed record Order(int Id);

        // Written by hand because the test compiles without System.Text.Json's own source generator.
        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(List<Order>))]
        [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
        public sealed class ShopJsonContext : JsonSerializerContext
        {
            public ShopJsonContext() : base(null) { }
            public static ShopJsonContext Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Auth0Api(JsonContext = typeof(ShopJsonContext))]
        public interface IShopApi
        {
            [Get("/orders")]
            Task<List<Order>?> ListAsync();

            [Post("/orders")]
            Task<Order> CreateAsync([Body] Order order);
        }
        """;
}
