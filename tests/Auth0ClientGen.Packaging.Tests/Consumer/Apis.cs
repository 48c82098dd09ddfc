using System.Text.Json;
using System.Text.Json.Serialization;
using Auth0ClientGen;

namespace Consumer;

// The audience of the quickstart API is fixed, so the interface declares it.
[Auth0Api(Audience = "https://quickstart.example/api", JsonContext = typeof(ConsumerJsonContext))]
public interface IMessagesApi
{
    [Get("/api/public"), AllowAnonymous]
    Task<Message> GetPublicAsync(CancellationToken cancellationToken = default);

    [Get("/api/private-scoped")]
    Task<Message> GetPrivateScopedAsync(CancellationToken cancellationToken = default);
}

// The Management API's audience depends on the tenant, so it comes from Auth0__Audience.
[Auth0Api(JsonContext = typeof(ConsumerJsonContext))]
public interface IUsersApi
{
    [Post("/api/v2/users")]
    Task<User> CreateUserAsync([Body] NewUser user, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{id}")]
    Task<User> GetUserAsync(string id, CancellationToken cancellationToken = default);
}

public sealed record Message([property: JsonPropertyName("message")] string Text);

// Connection, Email and Password rely on the context's camelCase names, as a new user's models would.
public sealed record NewUser(string Connection, string Email, string Password);

public sealed record User([property: JsonPropertyName("user_id")] string UserId, string? Email);

[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(NewUser))]
[JsonSerializable(typeof(User))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class ConsumerJsonContext : JsonSerializerContext;
