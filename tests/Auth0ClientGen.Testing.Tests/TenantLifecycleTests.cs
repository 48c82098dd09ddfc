using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

public sealed class TenantLifecycleTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public void Addresses_are_loopback_http_on_the_bound_port_in_auth0s_shapes()
    {
        var tenant = fixture.Tenant;

        var port = tenant.BaseAddress.Port;
        Assert.NotEqual(0, port);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), tenant.BaseAddress);
        Assert.Equal($"http://127.0.0.1:{port}", tenant.Domain);
        Assert.Equal($"http://127.0.0.1:{port}/", tenant.Issuer);
        Assert.Equal($"http://127.0.0.1:{port}/api/v2/", tenant.ManagementApiAudience);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/oauth/token"), tenant.TokenEndpoint);
    }

    [Fact]
    public async Task Two_tenants_listen_on_different_ports_with_different_signing_keys()
    {
        var first = fixture.Tenant;
        await using var second = await LocalAuth0Tenant.StartAsync();

        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
        Assert.NotEqual(first.SigningKeyId, second.SigningKeyId);
    }

    [Fact]
    public async Task Disposing_stops_the_server_and_may_be_repeated()
    {
        var tenant = await LocalAuth0Tenant.StartAsync();
        var port = tenant.BaseAddress.Port;
        using (var http = TenantHttp.CreateClient(tenant))
        using (var response = await http.GetAsync("api/public"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        tenant.Dispose();
        tenant.Dispose();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(
            async () => await socket.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Counters_count_every_token_request_and_every_issued_token()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        Assert.Equal(0, tenant.TokenRequestCount);
        Assert.Equal(0, tenant.IssuedTokenCount);

        await TenantHttp.GetAccessTokenAsync(http, tenant.ManagementApiAudience);
        await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);
        using (await http.PostAsync("oauth/token", TenantHttp.ClientCredentialsForm("https://unknown.example/")))
        {
        }

        using (await http.PostAsync("oauth/token", TenantHttp.Json("not json")))
        {
        }

        using (await http.GetAsync("api/public"))
        {
        }

        Assert.Equal(4, tenant.TokenRequestCount);
        Assert.Equal(2, tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Per_grant_counters_count_by_grant_type_as_sent_whatever_the_answer()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var refreshToken = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, "auth0|counted", [LocalAuth0Tenant.QuickstartAudience]);

        await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);
        await PostAndDiscardAsync(http, TenantHttp.ClientCredentialsForm("https://unknown.example/"));
        await PostAndDiscardAsync(http, TenantHttp.Form(
            ("grant_type", "refresh_token"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret),
            ("refresh_token", refreshToken)));
        await PostAndDiscardAsync(http, TenantHttp.Form(("grant_type", "password")));
        await PostAndDiscardAsync(http, TenantHttp.Form(("client_id", LocalAuth0Tenant.DefaultClientId)));
        await PostAndDiscardAsync(http, TenantHttp.Json("not json"));

        Assert.Equal(2, tenant.GetTokenRequestCount("client_credentials"));
        Assert.Equal(1, tenant.GetTokenRequestCount("refresh_token"));
        Assert.Equal(1, tenant.GetTokenRequestCount("password"));
        Assert.Equal(2, tenant.GetTokenRequestCount(""));
        Assert.Equal(0, tenant.GetTokenRequestCount("authorization_code"));
        Assert.Equal(0, tenant.GetTokenRequestCount("Client_Credentials"));
        Assert.Equal(6, tenant.TokenRequestCount);
        Assert.Equal(2, tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Without_seeding_the_tenant_knows_no_client_until_one_is_added()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync(
            new LocalAuth0TenantOptions { SeedDefaults = false });
        using var http = TenantHttp.CreateClient(tenant);

        using (var response = await http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(tenant.ManagementApiAudience)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        tenant.AddClient(LocalAuth0Tenant.DefaultClientId, LocalAuth0Tenant.DefaultClientSecret);
        using (var response = await http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(tenant.ManagementApiAudience)))
        {
            var body = await TenantHttp.ReadJsonAsync(response);
            Assert.Equal(
                $"Service not found: {tenant.ManagementApiAudience}",
                body.GetProperty("error_description").GetString());
        }

        tenant.AddApi(tenant.ManagementApiAudience, "read:users");
        tenant.Grant(LocalAuth0Tenant.DefaultClientId, tenant.ManagementApiAudience, "read:users");
        var accessToken = await TenantHttp.GetAccessTokenAsync(http, tenant.ManagementApiAudience);
        using var users = await TenantHttp.SendAsync(http, HttpMethod.Get, "api/v2/users", accessToken);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task Token_lifetime_option_sets_expires_in_and_exp()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync(
            new LocalAuth0TenantOptions { TokenLifetime = TimeSpan.FromMinutes(5) });
        using var http = TenantHttp.CreateClient(tenant);

        using var response = await http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(LocalAuth0Tenant.QuickstartAudience));

        var body = await TenantHttp.ReadJsonAsync(response);
        Assert.Equal(300, body.GetProperty("expires_in").GetInt32());
        var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Token_lifetime_changed_at_run_time_applies_to_the_next_token_of_either_grant()
    {
        await using var tenant = await LocalAuth0Tenant.StartAsync();
        using var http = TenantHttp.CreateClient(tenant);
        var before = await TenantHttp.GetAccessTokenAsync(http, LocalAuth0Tenant.QuickstartAudience);
        var refreshToken = tenant.IssueRefreshToken(
            LocalAuth0Tenant.DefaultClientId, "auth0|lifetime", [LocalAuth0Tenant.QuickstartAudience]);

        tenant.TokenLifetime = TimeSpan.FromSeconds(90.9);
        using var clientCredentials = await http.PostAsync(
            "oauth/token", TenantHttp.ClientCredentialsForm(LocalAuth0Tenant.QuickstartAudience));
        using var refreshed = await http.PostAsync("oauth/token", TenantHttp.Form(
            ("grant_type", "refresh_token"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret),
            ("refresh_token", refreshToken)));

        Assert.Equal(TimeSpan.FromSeconds(90), tenant.TokenLifetime);
        foreach (var response in new[] { clientCredentials, refreshed })
        {
            var body = await TenantHttp.ReadJsonAsync(response);
            Assert.Equal(90, body.GetProperty("expires_in").GetInt32());
            var payload = TenantHttp.ReadPayload(body.GetProperty("access_token").GetString()!);
            Assert.Equal(90, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        }

        var beforePayload = TenantHttp.ReadPayload(before);
        Assert.Equal(86400, beforePayload.GetProperty("exp").GetInt64() - beforePayload.GetProperty("iat").GetInt64());
        Assert.Throws<ArgumentException>(() => tenant.TokenLifetime = TimeSpan.FromMilliseconds(999));
        Assert.Equal(TimeSpan.FromSeconds(90), tenant.TokenLifetime);
    }

    [Fact]
    public async Task Token_lifetime_under_a_second_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LocalAuth0Tenant.StartAsync(
            new LocalAuth0TenantOptions { TokenLifetime = TimeSpan.FromMilliseconds(500) }));
    }

    [Fact]
    public async Task Time_provider_option_drives_iat_user_timestamps_and_the_apis_lifetime_check()
    {
        // Long past: the system clock would call these tokens expired, so a 200 shows the APIs use the tenant clock.
        var now = new DateTimeOffset(2001, 2, 3, 4, 5, 6, 789, TimeSpan.Zero);
        await using var tenant = await LocalAuth0Tenant.StartAsync(
            new LocalAuth0TenantOptions { TimeProvider = new TenantHttp.FixedTimeProvider(now) });
        using var http = TenantHttp.CreateClient(tenant);

        var accessToken = await TenantHttp.GetAccessTokenAsync(http, tenant.ManagementApiAudience);
        using var created = await TenantHttp.SendAsync(
            http,
            HttpMethod.Post,
            "api/v2/users",
            accessToken,
            TenantHttp.Json("""{"connection":"Username-Password-Authentication","email":"clock@example.com"}"""));

        Assert.Equal(now.ToUnixTimeSeconds(), TenantHttp.ReadPayload(accessToken).GetProperty("iat").GetInt64());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await TenantHttp.ReadJsonAsync(created);
        Assert.Equal("2001-02-03T04:05:06.789Z", user.GetProperty("created_at").GetString());
        Assert.Equal("2001-02-03T04:05:06.789Z", user.GetProperty("updated_at").GetString());
    }

    [Fact]
    public void Granting_an_unknown_client_api_or_scope_throws()
    {
        var tenant = fixture.Tenant;

        Assert.Throws<InvalidOperationException>(
            () => tenant.Grant("no-such-client", LocalAuth0Tenant.QuickstartAudience, "read:messages"));
        Assert.Throws<InvalidOperationException>(
            () => tenant.Grant(LocalAuth0Tenant.DefaultClientId, "https://no-such-api.example/", "read:messages"));
        Assert.Throws<ArgumentException>(
            () => tenant.Grant(LocalAuth0Tenant.DefaultClientId, LocalAuth0Tenant.QuickstartAudience, "write:all"));
        Assert.Throws<ArgumentException>(() => tenant.AddApi("https://spaces.example/", "two words"));
    }

    private static async Task PostAndDiscardAsync(HttpClient http, HttpContent content)
    {
        using var response = await http.PostAsync("oauth/token", content);
    }
}
