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
}
