using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Testing.Tests;

/// <summary>One started tenant and an HTTP client aimed at it, shared by the tests of a class.</summary>
public sealed class TenantFixture : IAsyncLifetime
{
    public LocalAuth0Tenant Tenant { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tenant = await LocalAuth0Tenant.StartAsync();
        Http = TenantHttp.CreateClient(Tenant);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Tenant.DisposeAsync();
    }

    /// <summary>Gets an access token for the default client, failing the test if none is issued.</summary>
    public Task<string> GetAccessTokenAsync(string audience, string? scope = null) =>
        TenantHttp.GetAccessTokenAsync(Http, audience, scope);
}

/// <summary>Small HTTP helpers the test classes share.</summary>
internal static class TenantHttp
{
    /// <summary>A client that never goes through a proxy, so every request stays on loopback.</summary>
    public static HttpClient CreateClient(LocalAuth0Tenant tenant) =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = tenant.BaseAddress };

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] parameters)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in parameters)
        {
            pairs.Add(new KeyValuePair<string, string>(name, value));
        }

        return new FormUrlEncodedContent(pairs);
    }

    public static FormUrlEncodedContent ClientCredentialsForm(string audience, string? scope = null)
    {
        var parameters = new List<(string, string)>
        {
            ("grant_type", "client_credentials"),
            ("client_id", LocalAuth0Tenant.DefaultClientId),
            ("client_secret", LocalAuth0Tenant.DefaultClientSecret),
            ("audience", audience),
        };
        if (scope is not null)
        {
            parameters.Add(("scope", scope));
        }

        return Form([.. parameters]);
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// Gets an access token with no scope for the audience, from a client granted the API with no scopes: the
    /// tenant refuses a request for a scope the client was not granted, so asking for one cannot give this.
    /// </summary>
    public static async Task<string> GetAccessTokenWithoutScopeAsync(
        HttpClient http,
        LocalAuth0Tenant tenant,
        string audience)
    {
        var clientId = "scopeless-" + Guid.NewGuid().ToString("N");
        tenant.AddClient(clientId, clientId + "-secret");
        tenant.Grant(clientId, audience);
        using var response = await http.PostAsync("oauth/token", Form(
            ("grant_type", "client_credentials"),
            ("client_id", clientId),
            ("client_secret", clientId + "-secret"),
            ("audience", audience)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(body.TryGetProperty("scope", out _));
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<string> GetAccessTokenAsync(HttpClient http, string audience, string? scope = null)
    {
        using var response = await http.PostAsync("oauth/token", ClientCredentialsForm(audience, scope));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        HttpMethod method,
        string path,
        string? accessToken,
        HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an Auth0-shaped token endpoint error: <c>error</c> and <c>error_description</c> only.</summary>
    public static async Task<JsonElement> AssertTokenErrorAsync(
        HttpResponseMessage response,
        System.Net.HttpStatusCode statusCode,
        string error,
        string? description = null)
    {
        Assert.Equal(statusCode, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(["error", "error_description"], body.EnumerateObject().Select(property => property.Name));
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (description is not null)
        {
            Assert.Equal(description, body.GetProperty("error_description").GetString());
        }

        return body;
    }

    /// <summary>Decodes the payload of a JWT without checking it; for tests that only look at claims.</summary>
    public static JsonElement ReadPayload(string accessToken)
    {
        var payload = accessToken.Split('.')[1];
        using var document = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
        return document.RootElement.Clone();
    }

    /// <summary>A fixed point in time, for tests of the tenant's clock option.</summary>
    public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A clock that moves only when a test moves it.</summary>
    public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() =>
            new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
