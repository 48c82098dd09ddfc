using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

// Interfaces compiled by the real generator in this project's build, then called over loopback.

[Auth0Api]
public interface IUsersApi
{
    [Get("/api/v2/users")]
    Task<List<TenantUser>> ListAsync(
        string? q = null,
        int? page = null,
        [AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    [Get("/api/v2/users")]
    Task<string> ListRawAsync([AliasAs("include_totals")] bool includeTotals, [AliasAs("per_page")] int perPage);

    [Get("/api/v2/users/{id}")]
    Task<TenantUser> GetAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/v2/users/{id}")]
    Task<HttpResponseMessage> GetResponseAsync(string id);

    [Get("/api/v2/users/{id}")]
    Task<ApiResponse<TenantUser>> FindAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/v2/users")]
    IAsyncEnumerable<TenantUser> StreamAsync(string? q = null, CancellationToken cancellationToken = default);

    [Post("/api/v2/users")]
    Task<TenantUser> CreateAsync([Body] NewTenantUser user, CancellationToken cancellationToken = default);

    [Patch("/api/v2/users/{id}")]
    Task<TenantUser> UpdateAsync(string id, [Body] Dictionary<string, string> changes);

    [Delete("/api/v2/users/{id}")]
    Task DeleteAsync(string id);
}

[Auth0Api(Audience = LocalAuth0Tenant.QuickstartAudience)]
public interface IQuickstartApi
{
    [Get("/api/public"), AllowAnonymous]
    Task<QuickstartMessage> GetPublicAsync();

    [Get("/api/private")]
    Task<QuickstartMessage> GetPrivateAsync(CancellationToken cancellationToken = default);

    [Get("/api/private"), AllowAnonymous]
    Task<QuickstartMessage> GetPrivateWithoutTokenAsync();

    [Get("/api/private-scoped")]
    Task<string> GetPrivateScopedAsync();
}

public sealed class TenantUser
{
    [JsonPropertyName("user_id")] public string UserId { get; set; } = "";
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class NewTenantUser
{
    [JsonPropertyName("connection")] public string Connection { get; set; } = "Username-Password-Authentication";
    [JsonPropertyName("email")] public string Email { get; set; } = "";

    // The Management API rejects a null name, as Auth0 does, so an unset name is left out.
    [JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }
}

public sealed record QuickstartMessage([property: JsonPropertyName("message")] string Message);
