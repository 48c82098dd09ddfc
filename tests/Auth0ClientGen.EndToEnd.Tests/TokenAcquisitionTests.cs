using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Token acquisition against the real local tenant: single flight, client authentication, no leaks.</summary>
public sealed class TokenAcquisitionTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task A_thousand_concurrent_callers_on_a_cold_cache_cause_exactly_one_token_request()
    {
        var provider = fixture.CreateProvider();
        var before = fixture.Tenant.TokenRequestCount;
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await provider.GetAccessTokenAsync(new AccessTokenRequest(LocalAuth0Tenant.QuickstartAudience));
            }))
            .ToArray();
        start.Set();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, fixture.Tenant.TokenRequestCount - before);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task Client_secret_basic_is_accepted_by_the_tenant()
    {
        var provider = new Auth0ClientCredentialsProvider(
            new HttpClient(),
            new Auth0ClientCredentialsOptions
            {
                Domain = fixture.Tenant.Domain,
                ClientId = LocalAuth0Tenant.DefaultClientId,
                ClientSecret = LocalAuth0Tenant.DefaultClientSecret,
                ClientAuthentication = Auth0ClientAuthentication.ClientSecretBasic,
            });
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(fixture.CreateApiHttpClient(), provider);

        var message = await quickstart.GetPrivateAsync();

        Assert.False(string.IsNullOrEmpty(message.Message));
    }

    [Fact]
    public async Task Logs_captured_at_trace_hold_no_secret_and_no_token()
    {
        var sentTokens = new ConcurrentQueue<string>();
        await using var services = BuildServices(LocalAuth0Tenant.DefaultClientSecret, sentTokens);
        await using var refused = BuildServices("wrong-secret-NEVER-logged", sentTokens);

        await services.GetRequiredService<IUsersApi>().ListAsync(perPage: 1);
        await services.GetRequiredService<IQuickstartApi>().GetPrivateAsync();
        await Assert.ThrowsAsync<TokenRequestException>(() => refused.GetRequiredService<IUsersApi>().ListAsync());

        var records = services.GetFakeLogCollector().GetSnapshot()
            .Concat(refused.GetFakeLogCollector().GetSnapshot())
            .ToList();
        Assert.NotEmpty(sentTokens);
        Assert.Contains(records, record => record.Id.Id == 1001);
        Assert.Contains(records, record => record.Id.Id == 1004);
        Assert.Contains(records, record => record.Id.Id == 1151);
        SecretFreeText.AssertNoSecret(
            exception: null,
            records,
            sentTokens
                .Append(LocalAuth0Tenant.DefaultClientSecret)
                .Append("wrong-secret-NEVER-logged")
                .Append(BasicCredentials(LocalAuth0Tenant.DefaultClientSecret))
                .Append(BasicCredentials("wrong-secret-NEVER-logged")));
    }

    private static string BasicCredentials(string secret)
        => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{LocalAuth0Tenant.DefaultClientId}:{secret}"));

    private ServiceProvider BuildServices(string clientSecret, ConcurrentQueue<string> sentTokens)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Domain"] = fixture.Tenant.Domain,
                ["Auth0:ClientId"] = LocalAuth0Tenant.DefaultClientId,
                ["Auth0:ClientSecret"] = clientSecret,
                ["Auth0:ClientAuthentication"] = "ClientSecretBasic",
                ["Auth0:Audience"] = fixture.Tenant.ManagementApiAudience,
                ["Auth0:BaseUrl"] = fixture.Tenant.BaseAddress.ToString(),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);

        // Everything at Trace. The token endpoint gets Basic credentials, so a logged header would show them.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddAuth0ApiClient<IUsersApi>()
            .AddHttpMessageHandler(() => new BearerTokenRecorder(sentTokens));
        services.AddAuth0ApiClient<IQuickstartApi>()
            .AddHttpMessageHandler(() => new BearerTokenRecorder(sentTokens));
        return services.BuildServiceProvider();
    }
}
