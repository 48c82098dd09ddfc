using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

public sealed class RefreshTokenTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string UserId = "auth0|user-1";

    private LocalAuth0Tenant Tenant => fixture.Tenant;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Exchange_gives_a_user_access_token_for_the_first_audience_and_a_rotated_refresh_token()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId,
            UserId,
            [LocalAuth0Tenant.QuickstartAudience, Tenant.ManagementApiAudience],
            "read:messages");

        using var response = await Http.PostAsync("oauth/token", RefreshForm(refreshToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(
            ["access_token", "refresh_token", "token_type", "expires_in", "scope"],
            body.EnumerateObject().Select(property => property.Name));
        Assert.Equal("read:messages", body.GetProperty("scope").GetString());
        var successor = body.GetProperty("refresh_token").GetString();
        Assert.False(string.IsNullOrEmpty(successor));
        Assert.NotEqual(refreshToken, successor);
        var accessToken = body.GetProperty("access_token").GetString()!;
        var payload = TenantHttp.ReadPayload(accessToken);
        Assert.Equal(UserId, payload.GetProperty("sub").GetString());
        Assert.Equal(LocalAuth0Tenant.DefaultClientId, payload.GetProperty("azp").GetString());
        Assert.Equal(LocalAuth0Tenant.QuickstartAudience, payload.GetProperty("aud").GetString());
        Assert.Equal("read:messages", payload.GetProperty("scope").GetString());
        Assert.False(payload.TryGetProperty("gty", out _));

        // The protected API accepts the user's token like any other from this tenant.
        using var apiResponse = await TenantHttp.SendAsync(Http, HttpMethod.Get, "api/private-scoped", accessToken);
        Assert.Equal(HttpStatusCode.OK, apiResponse.StatusCode);
    }

    [Fact]
    public async Task Audience_parameter_picks_another_allowed_audience()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId,
            UserId,
            [LocalAuth0Tenant.QuickstartAudience, Tenant.ManagementApiAudience],
            "read:users");

        var body = await ExchangeAsync(RefreshForm(refreshToken, audience: Tenant.ManagementApiAudience));

        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(Tenant.ManagementApiAudience, payload.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Audience_outside_the_refresh_tokens_audiences_is_403_access_denied_and_keeps_the_token()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience]);

        using var response = await Http.PostAsync(
            "oauth/token", RefreshForm(refreshToken, audience: Tenant.ManagementApiAudience));

        await AssertTokenErrorAsync(response, HttpStatusCode.Forbidden, "access_denied");
        await ExchangeAsync(RefreshForm(refreshToken));
    }

    [Theory]
    [InlineData("read:users", "read:users")]
    [InlineData("delete:users read:users read:users", "delete:users read:users")]
    public async Task Scope_parameter_may_narrow_the_granted_scopes(string requested, string expected)
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [Tenant.ManagementApiAudience], "read:users", "delete:users");

        var body = await ExchangeAsync(RefreshForm(refreshToken, scope: requested));

        Assert.Equal(expected, body.GetProperty("scope").GetString());
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(expected, payload.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Scope_beyond_the_granted_scopes_is_400_invalid_scope_and_keeps_the_token()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [Tenant.ManagementApiAudience], "read:users");

        using var response = await Http.PostAsync(
            "oauth/token", RefreshForm(refreshToken, scope: "read:users delete:users"));

        await AssertTokenErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
        await ExchangeAsync(RefreshForm(refreshToken));
        Assert.False(Tenant.IsRefreshTokenFamilyRevoked(refreshToken));
    }

    [Fact]
    public async Task Confidential_client_without_its_secret_or_with_a_wrong_one_is_401()
    {
        var refreshToken = Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience]);

        using var withoutSecret = await Http.PostAsync("oauth/token", RefreshForm(refreshToken, clientSecret: null));
        using var wrongSecret = await Http.PostAsync("oauth/token", RefreshForm(refreshToken, clientSecret: "wrong"));

        await AssertTokenErrorAsync(withoutSecret, HttpStatusCode.Unauthorized, "access_denied", "Unauthorized");
        await AssertTokenErrorAsync(wrongSecret, HttpStatusCode.Unauthorized, "access_denied", "Unauthorized");
        await ExchangeAsync(RefreshForm(refreshToken));
    }

    [Fact]
    public async Task Public_client_exchanges_with_its_client_id_alone_but_may_not_use_client_credentials()
    {
        const string publicClientId = "public-spa-client";
        Tenant.AddPublicClient(publicClientId);
        var refreshToken = Tenant.IssueRefreshToken(
            publicClientId, UserId, [LocalAuth0Tenant.QuickstartAudience], "read:messages");

        var body = await ExchangeAsync(RefreshForm(refreshToken, publicClientId, clientSecret: null));
        using var withSecret = await Http.PostAsync(
            "oauth/token", RefreshForm(body.GetProperty("refresh_token").GetString()!, publicClientId, "invented"));
        using var clientCredentials = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "client_credentials"),
            ("client_id", publicClientId),
            ("audience", LocalAuth0Tenant.QuickstartAudience)));

        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(publicClientId, payload.GetProperty("azp").GetString());
        await AssertTokenErrorAsync(withSecret, HttpStatusCode.Unauthorized, "access_denied");
        await AssertTokenErrorAsync(
            clientCredentials,
            HttpStatusCode.Forbidden,
            "unauthorized_client",
            "Grant type 'client_credentials' not allowed for the client.");
    }

    [Fact]
    public async Task Refresh_token_of_another_client_is_403_invalid_grant()
    {
        Tenant.AddClient("other-client", "other-secret");
        var refreshToken = Tenant.IssueRefreshToken("other-client", UserId, [LocalAuth0Tenant.QuickstartAudience]);

        using var response = await Http.PostAsync("oauth/token", RefreshForm(refreshToken));

        await AssertTokenErrorAsync(
            response, HttpStatusCode.Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
        await ExchangeAsync(RefreshForm(refreshToken, "other-client", "other-secret"));
    }

    [Fact]
    public async Task Unknown_refresh_token_is_403_invalid_grant_and_a_missing_one_is_400()
    {
        using var unknown = await Http.PostAsync("oauth/token", RefreshForm("not-a-refresh-token"));
        using var missing = await Http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "refresh_token"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret)));

        await AssertTokenErrorAsync(
            unknown, HttpStatusCode.Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
        await AssertTokenErrorAsync(
            missing, HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter: refresh_token");
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_its_whole_family()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var first = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience]);
        var unrelated = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience]);
        var second = (await ExchangeAsync(http, RefreshForm(first))).GetProperty("refresh_token").GetString()!;
        var third = (await ExchangeAsync(http, RefreshForm(second))).GetProperty("refresh_token").GetString()!;
        Assert.Equal(0, tenant.RefreshTokenReuseCount);
        Assert.False(tenant.IsRefreshTokenFamilyRevoked(third));

        using var reuse = await http.PostAsync("oauth/token", RefreshForm(first));
        using var successorAfterReuse = await http.PostAsync("oauth/token", RefreshForm(third));

        await AssertTokenErrorAsync(
            reuse, HttpStatusCode.Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
        await AssertTokenErrorAsync(successorAfterReuse, HttpStatusCode.Forbidden, "invalid_grant");
        Assert.Equal(1, tenant.RefreshTokenReuseCount);
        Assert.True(tenant.IsRefreshTokenFamilyRevoked(first));
        Assert.True(tenant.IsRefreshTokenFamilyRevoked(third));
        Assert.False(tenant.IsRefreshTokenFamilyRevoked(unrelated));
        await ExchangeAsync(http, RefreshForm(unrelated));
    }

    [Fact]
    public async Task Reuse_within_the_reuse_interval_succeeds_and_after_it_is_detected()
    {
        var clock = new TenantHttp.ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await LocalAuth0Tenant.StartAsync(new LocalAuth0TenantOptions
        {
            TimeProvider = clock,
            RefreshTokenReuseInterval = TimeSpan.FromSeconds(30),
        });
        using var http = TenantHttp.CreateClient(tenant);
        var refreshToken = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience]);
        var first = await ExchangeAsync(http, RefreshForm(refreshToken));

        clock.Advance(TimeSpan.FromSeconds(29));
        var retry = await ExchangeAsync(http, RefreshForm(refreshToken));
        clock.Advance(TimeSpan.FromSeconds(1));
        using var reuse = await http.PostAsync("oauth/token", RefreshForm(refreshToken));

        Assert.NotEqual(
            first.GetProperty("refresh_token").GetString(), retry.GetProperty("refresh_token").GetString());
        await AssertTokenErrorAsync(reuse, HttpStatusCode.Forbidden, "invalid_grant");
        Assert.Equal(1, tenant.RefreshTokenReuseCount);
        Assert.True(tenant.IsRefreshTokenFamilyRevoked(retry.GetProperty("refresh_token").GetString()!));
    }

    [Fact]
    public async Task Without_rotation_the_same_refresh_token_keeps_working_and_none_is_returned()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync(
            new LocalAuth0TenantOptions { RefreshTokenRotation = false });
        using var http = TenantHttp.CreateClient(tenant);
        var refreshToken = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience], "read:messages");

        for (var exchange = 0; exchange < 3; exchange++)
        {
            var body = await ExchangeAsync(http, RefreshForm(refreshToken));
            Assert.False(body.TryGetProperty("refresh_token", out _));
        }

        Assert.Equal(0, tenant.RefreshTokenReuseCount);
        Assert.False(tenant.IsRefreshTokenFamilyRevoked(refreshToken));
    }

    [Fact]
    public void Issuing_checks_the_client_the_audiences_and_the_scopes()
    {
        Assert.Throws<InvalidOperationException>(() => Tenant.IssueRefreshToken(
            "no-such-client", UserId, [LocalAuth0Tenant.QuickstartAudience]));
        Assert.Throws<InvalidOperationException>(() => Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, ["https://unknown.example/api"]));
        Assert.Throws<ArgumentException>(() => Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, []));
        Assert.Throws<ArgumentException>(() => Tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, UserId, [LocalAuth0Tenant.QuickstartAudience], "two scopes"));
        Assert.Throws<ArgumentException>(() => Tenant.IsRefreshTokenFamilyRevoked("never-issued"));
    }

    private static FormUrlEncodedContent RefreshForm(
        string refreshToken,
        string clientId = LocalAuth0Tenant.DefaultClientId,
        string? clientSecret = LocalAuth0Tenant.DefaultClientSecret,
        string? audience = null,
        string? scope = null)
    {
        var parameters = new List<(string, string)>
        {
            ("grant_type", "refresh_token"),
            ("client_id", clientId),
            ("refresh_token", refreshToken),
        };
        AddIfPresent(parameters, "client_secret", clientSecret);
        AddIfPresent(parameters, "audience", audience);
        AddIfPresent(parameters, "scope", scope);
        return TenantHttp.Form([.. parameters]);
    }

    private static void AddIfPresent(List<(string, string)> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add((name, value));
        }
    }

    private Task<JsonElement> ExchangeAsync(HttpContent form) => ExchangeAsync(Http, form);

    private static async Task<JsonElement> ExchangeAsync(HttpClient http, HttpContent form)
    {
        using var response = await http.PostAsync("oauth/token", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TenantHttp.ReadJsonAsync(response);
    }

    private static Task<JsonElement> AssertTokenErrorAsync(
        HttpResponseMessage response,
        HttpStatusCode statusCode,
        string error,
        string? description = null) =>
        TenantHttp.AssertTokenErrorAsync(response, statusCode, error, description);
}
