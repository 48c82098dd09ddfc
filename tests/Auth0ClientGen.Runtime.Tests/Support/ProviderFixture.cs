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

    /// <summary>Creates the fixture.</summary>
    /// <param name="respond">Answers each request the provider sends.</param>
    /// <param name="audience">The provider's default audience.</param>
    /// <param name="configure">
    /// Adjusts the options. Retries are off unless this turns them on: their delays run on the fake clock, which
    /// only the retry tests advance.
    /// </param>
    public ProviderFixture(
        Func<RecordedRequest, Task<HttpResponseMessage>> respond,
        string? audience = DefaultAudience,
        Action<Auth0ClientCredentialsOptions>? configure = null)
    {
        Handler = new RecordingHandler(respond);
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = Domain,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Audience = audience,
            TokenRequestRetries = 0,
        };
        configure?.Invoke(options);
        Provider = new Auth0ClientCredentialsProvider(new HttpClient(Handler), options, Time, Logger);
    }

    public ProviderFixture(
        Func<RecordedRequest, HttpResponseMessage> respond,
        string? audience = DefaultAudience,
        Action<Auth0ClientCredentialsOptions>? configure = null)
        : this(request => Task.FromResult(respond(request)), audience, configure)
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeLogger<Auth0ClientCredentialsProvider> Logger { get; } = new();

    public RecordingHandler Handler { get; }

    public Auth0ClientCredentialsProvider Provider { get; }

    public ValueTask<string> GetAsync(string? audience = null)
        => Provider.GetAccessTokenAsync(new AccessTokenRequest(audience));
}
