using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen;

namespace ConsoleSample;

/// <summary>
/// The users endpoints of the Auth0 Management API v2. The audience is not declared here because it depends
/// on the tenant (<c>https://{domain}/api/v2/</c>); it comes from configuration instead.
/// </summary>
[Auth0Api]
public interface IManagementApi
{
    [Get("/api/v2/users")]
    Task<List<User>> ListUsersAsync(
        string? q = null,
        int? page = null,
        [AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{id}")]
    Task<User> GetUserAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/v2/users")]
    Task<User> CreateUserAsync([Body] CreateUser user, CancellationToken cancellationToken = default);

    [Patch("/api/v2/users/{id}")]
    Task<User> UpdateUserAsync(string id, [Body] UpdateUser changes, CancellationToken cancellationToken = default);

    [Delete("/api/v2/users/{id}")]
    Task DeleteUserAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>The API from Auth0's backend quickstarts: one public, one private and one scoped endpoint.</summary>
[Auth0Api(Audience = "https://quickstart.example/api")]
public interface IMessagesApi
{
    [Get("/api/public"), AllowAnonymous]
    Task<Message> GetPublicAsync(CancellationToken cancellationToken = default);

    [Get("/api/private")]
    Task<Message> GetPrivateAsync(CancellationToken cancellationToken = default);

    [Get("/api/private-scoped")]
    Task<Message> GetPrivateScopedAsync(CancellationToken cancellationToken = default);
}

public sealed record Message([property: JsonPropertyName("message")] string Text);

public sealed class User
{
    [JsonPropertyName("user_id")] public string UserId { get; set; } = "";
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
}

public sealed class CreateUser
{
    [JsonPropertyName("connection")] public required string Connection { get; init; }
    [JsonPropertyName("email")] public required string Email { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}

public sealed class UpdateUser
{
    [JsonPropertyName("name")] public string? Name { get; init; }
}
