using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

public sealed class ManagementUsersTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string Connection = "Username-Password-Authentication";

    private LocalAuth0Tenant Tenant => fixture.Tenant;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Create_is_201_with_the_user_in_auth0s_field_names()
    {
        var email = UniqueEmail("create");

        using var response = await SendAsync(HttpMethod.Post, "api/v2/users", $$"""
            {"connection":"{{Connection}}","email":"{{email}}","password":"Pa55word!",
             "user_metadata":{"theme":"dark"},"app_metadata":{"plan":"free"} }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await TenantHttp.ReadJsonAsync(response);
        var userId = user.GetProperty("user_id").GetString()!;
        Assert.Matches(new Regex("^auth0\\|[0-9a-f]{24}$"), userId);
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.False(user.GetProperty("email_verified").GetBoolean());
        Assert.Equal(email, user.GetProperty("name").GetString());
        Assert.Equal(email.Split('@')[0], user.GetProperty("nickname").GetString());
        Assert.False(user.GetProperty("blocked").GetBoolean());
        Assert.Equal("dark", user.GetProperty("user_metadata").GetProperty("theme").GetString());
        Assert.Equal("free", user.GetProperty("app_metadata").GetProperty("plan").GetString());
        Assert.False(user.TryGetProperty("password", out _));
        var createdAt = DateTimeOffset.Parse(
            user.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(user.GetProperty("created_at").GetString(), user.GetProperty("updated_at").GetString());
        var identity = Assert.Single(user.GetProperty("identities").EnumerateArray());
        Assert.Equal(Connection, identity.GetProperty("connection").GetString());
        Assert.Equal(userId["auth0|".Length..], identity.GetProperty("user_id").GetString());
        Assert.Equal("auth0", identity.GetProperty("provider").GetString());
        Assert.False(identity.GetProperty("isSocial").GetBoolean());
    }

    [Fact]
    public async Task Create_with_an_email_that_exists_is_409()
    {
        var email = UniqueEmail("duplicate");
        await CreateUserAsync(email);
        var json = $$"""{"connection":"{{Connection}}","email":"{{email.ToUpperInvariant()}}"}""";

        using var response = await SendAsync(HttpMethod.Post, "api/v2/users", json);

        await AssertManagementErrorAsync(
            response, HttpStatusCode.Conflict, "Conflict", "The user already exists.", "auth0_idp_error");
    }

    [Theory]
    [InlineData("""{"email":"missing-connection@example.com"}""", "Missing required property: connection")]
    [InlineData("""{"connection":"Username-Password-Authentication"}""", "Missing required property: email")]
    [InlineData("""{"connection":"c","email":"a@example.com","favourite_colour":"blue"}""", "Additional properties")]
    [InlineData("""{"connection":"c","email":42}""", "Expected type string but found type number")]
    [InlineData("""{"connection":"c","email":"not-an-email"}""", "format email")]
    [InlineData("""["not","an","object"]""", "Expected type object but found type array")]
    public async Task Create_with_an_invalid_body_is_400_invalid_body(string json, string messagePart)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v2/users", json);

        var body = await AssertManagementErrorAsync(
            response, HttpStatusCode.BadRequest, "Bad Request", message: null, "invalid_body");
        Assert.Contains(messagePart, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_with_malformed_json_is_400()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v2/users", "{\"connection\":");

        await AssertManagementErrorAsync(
            response, HttpStatusCode.BadRequest, "Bad Request", "Invalid request payload JSON format", null);
    }

    [Fact]
    public async Task Get_by_escaped_id_is_200_with_the_user()
    {
        var userId = await CreateUserAsync(UniqueEmail("get"));

        using var response = await SendAsync(HttpMethod.Get, "api/v2/users/" + Uri.EscapeDataString(userId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(userId, user.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Get_of_a_missing_user_is_404_inexistent_user()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/v2/users/auth0%7C000000000000000000000000");

        await AssertManagementErrorAsync(
            response, HttpStatusCode.NotFound, "Not Found", "The user does not exist.", "inexistent_user");
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_merges_metadata()
    {
        var email = UniqueEmail("patch");
        using var created = await SendAsync(HttpMethod.Post, "api/v2/users", $$"""
            {"connection":"{{Connection}}","email":"{{email}}","name":"Before",
             "user_metadata":{"keep":1,"drop":2,"change":3} }
            """);
        var userId = (await TenantHttp.ReadJsonAsync(created)).GetProperty("user_id").GetString()!;

        using var response = await SendAsync(HttpMethod.Patch, "api/v2/users/" + Uri.EscapeDataString(userId), """
            {"name":"After","blocked":true,"user_metadata":{"drop":null,"change":"new","add":true}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal("After", user.GetProperty("name").GetString());
        Assert.True(user.GetProperty("blocked").GetBoolean());
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal(
            """{"keep":1,"change":"new","add":true}""",
            user.GetProperty("user_metadata").GetRawText());

        using var fetched = await SendAsync(HttpMethod.Get, "api/v2/users/" + Uri.EscapeDataString(userId));
        Assert.Equal("After", (await TenantHttp.ReadJsonAsync(fetched)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_of_a_missing_user_is_404()
    {
        using var response = await SendAsync(
            HttpMethod.Patch, "api/v2/users/auth0%7C000000000000000000000000", """{"name":"Nobody"}""");

        await AssertManagementErrorAsync(
            response, HttpStatusCode.NotFound, "Not Found", "The user does not exist.", "inexistent_user");
    }

    [Fact]
    public async Task Patch_to_an_email_another_user_has_is_409()
    {
        var takenEmail = UniqueEmail("taken");
        await CreateUserAsync(takenEmail);
        var userId = await CreateUserAsync(UniqueEmail("mover"));

        using var response = await SendAsync(
            HttpMethod.Patch, "api/v2/users/" + Uri.EscapeDataString(userId), $$"""{"email":"{{takenEmail}}"}""");

        await AssertManagementErrorAsync(
            response, HttpStatusCode.Conflict, "Conflict", "The user already exists.", "auth0_idp_error");
    }

    [Fact]
    public async Task Patch_with_an_empty_body_is_400_invalid_body()
    {
        var userId = await CreateUserAsync(UniqueEmail("empty-patch"));

        using var response = await SendAsync(HttpMethod.Patch, "api/v2/users/" + Uri.EscapeDataString(userId), "{}");

        await AssertManagementErrorAsync(response, HttpStatusCode.BadRequest, "Bad Request", null, "invalid_body");
    }

    [Fact]
    public async Task Delete_is_204_and_the_user_is_gone()
    {
        var userId = await CreateUserAsync(UniqueEmail("delete"));
        var path = "api/v2/users/" + Uri.EscapeDataString(userId);

        using var deleted = await SendAsync(HttpMethod.Delete, path);
        using var fetched = await SendAsync(HttpMethod.Get, path);
        using var deletedAgain = await SendAsync(HttpMethod.Delete, path);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task List_without_include_totals_is_a_plain_array()
    {
        var marker = UniqueMarker();
        await CreateUserAsync($"{marker}-a@example.com");
        await CreateUserAsync($"{marker}-b@example.com");

        using var response = await SendAsync(HttpMethod.Get, $"api/v2/users?q={marker}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var users = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, users.ValueKind);
        Assert.Equal(
            [$"{marker}-a@example.com", $"{marker}-b@example.com"],
            users.EnumerateArray().Select(user => user.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task List_pages_are_zero_based_and_include_totals_wraps_them()
    {
        var marker = UniqueMarker();
        for (var index = 0; index < 5; index++)
        {
            await CreateUserAsync($"{marker}-{index}@example.com");
        }

        using var response = await SendAsync(
            HttpMethod.Get, $"api/v2/users?q={marker}&page=1&per_page=2&include_totals=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(
            ["start", "limit", "length", "total", "users"],
            body.EnumerateObject().Select(property => property.Name));
        Assert.Equal(2, body.GetProperty("start").GetInt32());
        Assert.Equal(2, body.GetProperty("limit").GetInt32());
        Assert.Equal(2, body.GetProperty("length").GetInt32());
        Assert.Equal(5, body.GetProperty("total").GetInt32());
        Assert.Equal(
            [$"{marker}-2@example.com", $"{marker}-3@example.com"],
            body.GetProperty("users").EnumerateArray().Select(user => user.GetProperty("email").GetString()));

        using var lastPage = await SendAsync(
            HttpMethod.Get, $"api/v2/users?q={marker}&page=2&per_page=2&include_totals=true");
        var lastBody = await TenantHttp.ReadJsonAsync(lastPage);
        Assert.Equal(1, lastBody.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task List_per_page_defaults_to_50()
    {
        var marker = UniqueMarker();
        await CreateUserAsync($"{marker}@example.com");

        using var response = await SendAsync(HttpMethod.Get, $"api/v2/users?q={marker}&include_totals=true");

        Assert.Equal(50, (await TenantHttp.ReadJsonAsync(response)).GetProperty("limit").GetInt32());
    }

    [Theory]
    [InlineData("per_page=101", "per_page")]
    [InlineData("per_page=-1", "per_page")]
    [InlineData("page=first", "page")]
    [InlineData("include_totals=maybe", "include_totals")]
    [InlineData("q=shoe_size:44", "q")]
    public async Task List_with_an_invalid_query_is_400_invalid_query_string(string query, string parameter)
    {
        using var response = await SendAsync(HttpMethod.Get, "api/v2/users?" + query);

        var body = await AssertManagementErrorAsync(
            response, HttpStatusCode.BadRequest, "Bad Request", null, "invalid_query_string");
        Assert.EndsWith($"on property {parameter}.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Search_matches_fields_exactly_quoted_values_prefixes_and_plain_text()
    {
        var marker = UniqueMarker();
        var alice = await CreateUserAsync($"{marker}-alice@example.com", name: $"Alice {marker}");
        var bob = await CreateUserAsync($"{marker}-bob@example.com", name: $"Bob {marker}");

        Assert.Equal([alice], await SearchAsync($"email:{marker}-alice@example.com"));
        Assert.Equal([bob], await SearchAsync($"email:\"{marker}-BOB@example.com\""));
        Assert.Equal([alice], await SearchAsync($"name:\"Alice {marker}\""));
        Assert.Equal([bob], await SearchAsync($"user_id:\"{bob}\""));
        Assert.Equal([alice, bob], await SearchAsync($"email:{marker}*"));
        Assert.Equal([alice, bob], await SearchAsync(marker));
        Assert.Equal([bob], await SearchAsync($"{marker} AND name:\"Bob {marker}\""));
        Assert.Empty(await SearchAsync($"email:{marker}"));
    }

    [Fact]
    public async Task Each_route_needs_its_own_scope()
    {
        var readOnlyToken = await fixture.GetAccessTokenAsync(Tenant.ManagementApiAudience, "read:users");
        var userId = await CreateUserAsync(UniqueEmail("scoped"));
        var userPath = "api/v2/users/" + Uri.EscapeDataString(userId);

        using var list = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/v2/users", readOnlyToken);
        using var create = await TenantHttp.SendAsync(Http, HttpMethod.Post, "api/v2/users", readOnlyToken,
            TenantHttp.Json($$"""{"connection":"{{Connection}}","email":"{{UniqueEmail("denied")}}"}"""));
        using var update = await TenantHttp.SendAsync(
            Http, HttpMethod.Patch, userPath, readOnlyToken, TenantHttp.Json("""{"name":"x"}"""));
        using var delete = await TenantHttp.SendAsync(Http, HttpMethod.Delete, userPath, readOnlyToken);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await AssertManagementErrorAsync(create, HttpStatusCode.Forbidden, "Forbidden",
            "Insufficient scope, expected any of: create:users", "insufficient_scope");
        await AssertManagementErrorAsync(update, HttpStatusCode.Forbidden, "Forbidden",
            "Insufficient scope, expected any of: update:users", "insufficient_scope");
        await AssertManagementErrorAsync(delete, HttpStatusCode.Forbidden, "Forbidden",
            "Insufficient scope, expected any of: delete:users", "insufficient_scope");
    }

    [Fact]
    public async Task Read_without_read_users_is_403_insufficient_scope()
    {
        var createOnlyToken = await fixture.GetAccessTokenAsync(Tenant.ManagementApiAudience, "create:users");

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/v2/users", createOnlyToken);

        var body = await AssertManagementErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Insufficient scope, expected any of: read:users", "insufficient_scope");
        Assert.Equal(
            ["statusCode", "error", "message", "errorCode"],
            body.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Without_a_token_is_401_with_a_bearer_challenge()
    {
        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/v2/users", accessToken: null);

        await AssertManagementErrorAsync(
            response, HttpStatusCode.Unauthorized, "Unauthorized", "Missing authentication", null);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Quickstart_token_is_401_invalid_token()
    {
        var quickstartToken = await fixture.GetAccessTokenAsync(LocalAuth0Tenant.QuickstartAudience);

        using var response = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/v2/users", quickstartToken);

        var body = await AssertManagementErrorAsync(
            response, HttpStatusCode.Unauthorized, "Unauthorized", "Invalid token", null);
        Assert.Equal(["statusCode", "error", "message"], body.EnumerateObject().Select(property => property.Name));
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    private static string UniqueMarker() => "m" + Guid.NewGuid().ToString("N")[..12];

    private static string UniqueEmail(string label) => $"{label}-{UniqueMarker()}@example.com";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        var accessToken = await fixture.GetAccessTokenAsync(Tenant.ManagementApiAudience);
        return await TenantHttp.SendAsync(
            Http, method, path, accessToken, json is null ? null : TenantHttp.Json(json));
    }

    private async Task<string> CreateUserAsync(string email, string? name = null)
    {
        var nameProperty = name is null ? string.Empty : $",\"name\":\"{name}\"";
        var json = $$"""{"connection":"{{Connection}}","email":"{{email}}"{{nameProperty}}}""";
        using var response = await SendAsync(HttpMethod.Post, "api/v2/users", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await TenantHttp.ReadJsonAsync(response)).GetProperty("user_id").GetString()!;
    }

    private async Task<string[]> SearchAsync(string query)
    {
        using var response = await SendAsync(HttpMethod.Get, "api/v2/users?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var users = await TenantHttp.ReadJsonAsync(response);
        return users.EnumerateArray().Select(user => user.GetProperty("user_id").GetString()!).ToArray();
    }

    private static async Task<JsonElement> AssertManagementErrorAsync(
        HttpResponseMessage response,
        HttpStatusCode statusCode,
        string error,
        string? message,
        string? errorCode)
    {
        Assert.Equal(statusCode, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal((int)statusCode, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (message is not null)
        {
            Assert.Equal(message, body.GetProperty("message").GetString());
        }

        if (errorCode is null)
        {
            Assert.False(body.TryGetProperty("errorCode", out _));
        }
        else
        {
            Assert.Equal(errorCode, body.GetProperty("errorCode").GetString());
        }

        return body;
    }
}
