using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>A provider wired to an in-memory token endpoint, a fake clock and a capturing logger.</summary>
internal sealed class ProviderFixture
{
    public const string Domain = "tenant.us.auth0.com";
    public const string ClientId = "m2m-client-id";
    public const string ClientSecret = "s3cret-NEVER-print-me";
    public const string DefaultAudience = "https://default.example.com";
    public const string AccessToken = "eyJ.access-token.NEVER-print-me";

    public ProviderFixture(Func<RecordedRequest, Task<HttpResponseMessage>> respond, string? audience = DefaultAudience)
    {
        Handler = new RecordingHandler(respond);
        Provider = new Auth0ClientCredentialsProvider(
            new HttpClient(Handler),
            new Auth0ClientCredentialsOptions
            {
                Domain = Domain,
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                Audience = audience,
            },
            Time,
            Logger);
    }

    public ProviderFixture(Func<RecordedRequest, HttpResponseMessage> respond, string? audience = DefaultAudience)
        : this(request => Task.FromResult(respond(request)), audience)
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeLogger<Auth0ClientCredentialsProvider> Logger { get; } = new();

    public RecordingHandler Handler { get; }

    public Auth0ClientCredentialsProvider Provider { get; }

    public ValueTask<string> GetAsync(string? audience = null)
        => Provider.GetAccessTokenAsync(new AccessTokenRequest(audience));
}
