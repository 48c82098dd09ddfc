using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>No token or secret reaches a message, a log record or a ToString.</summary>
public sealed class RefreshTokenRedactionTests
{
    private const string Orders = "https://orders.example.com";

    private static readonly string[] Secrets =
    [
        RefreshProviderFixture.ClientSecret,
        FakeRefreshTokenEndpoint.InitialRefreshToken,
        "rt-1-NEVER-print-me",
        "at-1-",
        "id-token-NEVER-print-me",
    ];

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "invalid_grant")]
    [InlineData(HttpStatusCode.Forbidden, "unauthorized_client")]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData(HttpStatusCode.InternalServerError, "server_error")]
    public async Task An_endpoint_that_echoes_the_refresh_token_and_secret_cannot_put_them_into_exceptions_or_logs(
        HttpStatusCode statusCode,
        string error)
    {
        var echo = $"bad {FakeRefreshTokenEndpoint.InitialRefreshToken} for {RefreshProviderFixture.ClientSecret}";
        var fixture = new RefreshProviderFixture(_ => Task.FromResult(TokenResponses.Error(statusCode, error, echo)));

        var exception = await Assert.ThrowsAnyAsync<TokenRequestException>(() => fixture.GetAsync(Orders).AsTask());

        AssertFree(exception.ToString());
        AssertFree(exception.ErrorDescription);
        Assert.Contains("[redacted]", exception.ErrorDescription);
        AssertLogsFree(fixture);
    }

    [Fact]
    public async Task A_whole_session_logged_at_trace_shows_no_token_or_secret()
    {
        var fixture = new RefreshProviderFixture();

        await fixture.GetAsync(Orders, "read:orders");
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await fixture.Provider.GetCredentialsAsync(audience: Orders, scope: "read:orders");
        await fixture.Provider.RenewAsync(audience: Orders);
        await fixture.Provider.ClearAsync();
        await Assert.ThrowsAsync<CredentialsRequiredException>(() => fixture.GetAsync(Orders).AsTask());

        var records = fixture.Logger.Collector.GetSnapshot();
        Assert.Contains(records, record => record.Level == LogLevel.Debug);
        Assert.Contains(records, record => record.Id.Id == 1201);
        Assert.Contains(records, record => record.Id.Id == 1202);
        Assert.Contains(records, record => record.Id.Id == 1209);
        AssertLogsFree(fixture);
    }

    [Fact]
    public void Credentials_options_stores_and_the_provider_print_no_token_or_secret()
    {
        var expiresAt = new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero);
        var credentials = new Auth0Credentials
        {
            AccessToken = "at-1-access",
            ExpiresAt = expiresAt,
            Audience = Orders,
            Scope = "read:orders",
            RefreshToken = "rt-1-NEVER-print-me",
            IdToken = "id-token-NEVER-print-me",
        };
        var accessToken = new StoredAccessToken(Orders, "read:orders", "at-1-access", expiresAt);
        var stored = new StoredCredentials { RefreshToken = "rt-1-NEVER-print-me", IdToken = "id-token-NEVER-print-me" }
            .WithAccessToken(accessToken);
        var options = new Auth0RefreshTokenOptions
        {
            Domain = RefreshProviderFixture.Domain,
            ClientId = RefreshProviderFixture.ClientId,
            ClientSecret = RefreshProviderFixture.ClientSecret,
        };
        var fixture = new RefreshProviderFixture(store: new InMemoryCredentialsStore(stored));

        var printed = new[]
        {
            credentials.ToString(), accessToken.ToString(), stored.ToString(), options.ToString(),
            fixture.Store.ToString()!, fixture.Provider.ToString(),
        };

        Assert.All(printed, AssertFree);
        Assert.Contains("AccessToken = (set)", credentials.ToString());
        Assert.Contains("RefreshToken = (set)", credentials.ToString());
        Assert.Contains(Orders, credentials.ToString());
        Assert.Contains("ClientSecret = (set)", options.ToString());
        Assert.Contains("AccessTokens = 1", stored.ToString());
    }

    private static void AssertLogsFree(RefreshProviderFixture fixture)
    {
        foreach (var record in fixture.Logger.Collector.GetSnapshot())
        {
            AssertFree(record.Message);
            AssertFree(record.Exception?.ToString());
            foreach (var (_, value) in record.StructuredState ?? new List<KeyValuePair<string, string?>>())
            {
                AssertFree(value);
            }
        }
    }

    private static void AssertFree(string? text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.Ordinal);
        }
    }
}
