using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// An <see cref="Auth0RefreshTokenProvider"/> wired to an in-memory token endpoint, a store holding a refresh
/// token, a fake clock and a capturing logger.
/// </summary>
internal sealed class RefreshProviderFixture
{
    public const string Domain = "tenant.us.auth0.com";
    public const string ClientId = "spa-client-id";
    public const string ClientSecret = "s3cret-NEVER-print-me";
    public const string DefaultAudience = "https://default.example.com";

    public RefreshProviderFixture(
        Func<RecordedRequest, Task<HttpResponseMessage>>? respond = null,
        string? clientSecret = ClientSecret,
        TimeSpan? renewalMargin = null,
        ICredentialsStore? store = null,
        int retries = 0)
    {
        Store = store ?? new InMemoryCredentialsStore(
            new StoredCredentials { RefreshToken = FakeRefreshTokenEndpoint.InitialRefreshToken });
        Handler = new RecordingHandler(respond ?? Endpoint.RespondAsync);
        Provider = new Auth0RefreshTokenProvider(
            new HttpClient(Handler),
            new Auth0RefreshTokenOptions
            {
                Domain = Domain,
                ClientId = ClientId,
                ClientSecret = clientSecret,
                Audience = DefaultAudience,
                RenewalMargin = renewalMargin,

                // Off unless a test asks: retry delays run on the fake clock, which only retry tests advance.
                TokenRequestRetries = retries,
            },
            Store,
            Time,
            Logger);
    }

    public FakeRefreshTokenEndpoint Endpoint { get; } = new();

    public ICredentialsStore Store { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeLogger<Auth0RefreshTokenProvider> Logger { get; } = new();

    public RecordingHandler Handler { get; }

    public Auth0RefreshTokenProvider Provider { get; }

    public ValueTask<string> GetAsync(string? audience = null, string? scope = null, bool force = false)
        => Provider.GetAccessTokenAsync(new AccessTokenRequest(audience) { Scope = scope, ForceRenewal = force });

    public async Task<StoredCredentials> StoredAsync() => (await Store.GetAsync())!;
}
