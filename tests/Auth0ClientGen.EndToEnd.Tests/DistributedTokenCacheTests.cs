using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;
using Auth0ClientGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Instances of one application, each its own service provider with its own memory cache and Redis connection,
/// sharing one local tenant and one real redis-server.
/// </summary>
public sealed class DistributedTokenCacheTests(TenantFixture tenantFixture, RedisFixture redisFixture, ITestOutputHelper output)
    : IClassFixture<TenantFixture>, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const int InstanceCount = 8;
    private const string Grant = "client_credentials";

    // A test key: 32 bytes, base64. Every instance of one application shares it.
    private static readonly string EncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    // Tokens that expire during a test. The JWT's exp counts whole seconds, so a token can stop working up to a
    // second before expires_in says; the margin keeps the renewal ahead of that, even on a slow first call.
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShortLifetimeMargin = TimeSpan.FromSeconds(2);

    private readonly List<Instance> _instances = [];
    private TimeSpan _tenantTokenLifetime;

    private LocalAuth0Tenant Tenant => tenantFixture.Tenant;

    public async Task InitializeAsync()
    {
        _tenantTokenLifetime = Tenant.TokenLifetime;
        if (redisFixture.Server is { } server)
        {
            await using var admin = await server.ConnectAsync(allowAdmin: true);
            await admin.GetServer(admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        Tenant.TokenLifetime = _tenantTokenLifetime;
    }

    [RedisFact]
    public async Task Eight_instances_starting_cold_together_make_one_token_request()
    {
        var before = Tenant.GetTokenRequestCount(Grant);
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, InstanceCount).Select(_ => Task.Run(async () =>
        {
            var instance = await StartInstanceAsync(redisFixture.Server!);
            await instance.CallAsync();
        })));
        watch.Stop();

        Assert.Equal(1, Tenant.GetTokenRequestCount(Grant) - before);
        output.WriteLine($"{InstanceCount} cold instances with the distributed cache: "
            + $"{Tenant.GetTokenRequestCount(Grant) - before} token request(s), {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Without_the_distributed_cache_each_cold_instance_requests_its_own_token()
    {
        var before = Tenant.GetTokenRequestCount(Grant);
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, InstanceCount).Select(_ => Task.Run(async () =>
        {
            var instance = await StartInstanceAsync(redis: null);
            await instance.CallAsync();
        })));
        watch.Stop();

        Assert.Equal(InstanceCount, Tenant.GetTokenRequestCount(Grant) - before);
        output.WriteLine($"{InstanceCount} cold instances without it: "
            + $"{Tenant.GetTokenRequestCount(Grant) - before} token request(s), {watch.ElapsedMilliseconds} ms");
    }

    [RedisFact]
    public async Task When_Redis_dies_mid_run_every_call_succeeds_and_each_instance_fetches_at_most_once()
    {
        // A server of its own, since this test kills it.
        var server = await RedisServer.StartAsync();
        await using var serverLifetime = server;
        Tenant.TokenLifetime = ShortLifetime;
        var instances = await Task.WhenAll(
            Enumerable.Range(0, InstanceCount).Select(_ => StartInstanceAsync(server, ShortLifetimeMargin)));
        var before = Tenant.GetTokenRequestCount(Grant);
        await Task.WhenAll(instances.Select(instance => instance.CallAsync()));
        Assert.Equal(1, Tenant.GetTokenRequestCount(Grant) - before);

        server.Kill();
        await Task.Delay(ShortLifetime - ShortLifetimeMargin + TimeSpan.FromSeconds(0.2));
        var afterKill = Tenant.GetTokenRequestCount(Grant);
        await Task.WhenAll(instances.SelectMany(instance => Enumerable.Range(0, 3).Select(_ => instance.CallAsync())));
        await Task.WhenAll(instances.Select(instance => instance.CallAsync()));

        var requestsWithoutRedis = Tenant.GetTokenRequestCount(Grant) - afterKill;
        Assert.InRange(requestsWithoutRedis, 1, InstanceCount);
        foreach (var instance in instances)
        {
            // The outage is logged once per instance, however many operations failed.
            Assert.InRange(instance.Logs.Collector.GetSnapshot().Count(record => record.Id.Id == 1301), 0, 1);
        }

        Assert.Contains(instances, instance => instance.Logs.Collector.GetSnapshot().Any(record => record.Id.Id == 1301));
        output.WriteLine($"Token requests by {InstanceCount} instances after Redis died: {requestsWithoutRedis}");
    }

    [RedisFact]
    public async Task The_value_in_Redis_does_not_contain_the_access_token()
    {
        var sentTokens = new ConcurrentQueue<string>();
        var instance = await StartInstanceAsync(redisFixture.Server!, sentTokens: sentTokens);
        await instance.CallAsync();
        var accessToken = Assert.Single(sentTokens.Distinct());

        await using var admin = await redisFixture.Server!.ConnectAsync(allowAdmin: true);
        var database = admin.GetDatabase();
        var keys = admin.GetServer(admin.GetEndPoints()[0]).Keys(pattern: "*").ToList();
        var entryKey = Assert.Single(keys, key => key.ToString().Contains(DistributedTokenKeys.Prefix + "token:"));
        var raw = new StringBuilder();
        foreach (var key in keys)
        {
            raw.Append(key.ToString()).Append('\n');
            if (await database.KeyTypeAsync(key) == RedisType.Hash)
            {
                foreach (var field in await database.HashGetAllAsync(key))
                {
                    raw.Append(field.Name).Append('=').Append(Encoding.Latin1.GetString((byte[])field.Value!)).Append('\n');
                }
            }
            else
            {
                raw.Append(Encoding.Latin1.GetString((byte[])(await database.StringGetAsync(key))!)).Append('\n');
            }
        }

        Assert.True(raw.Length > 100, "The entry was expected to hold the encrypted token.");
        Assert.DoesNotContain(accessToken, raw.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(accessToken.Split('.')[1], raw.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Tenant.ManagementApiAudience, entryKey.ToString(), StringComparison.Ordinal);
        Assert.All(instance.Logs.Collector.GetSnapshot(), record =>
            Assert.DoesNotContain(
                accessToken,
                $"{record.Message} {record.Exception} {string.Join(' ', record.StructuredState?.Select(pair => pair.Value) ?? [])}"));
    }

    [RedisFact]
    public async Task After_expiry_exactly_one_instance_renews_the_shared_token()
    {
        Tenant.TokenLifetime = ShortLifetime;
        var instances = await Task.WhenAll(Enumerable.Range(0, InstanceCount)
            .Select(_ => StartInstanceAsync(redisFixture.Server!, ShortLifetimeMargin)));
        var before = Tenant.GetTokenRequestCount(Grant);
        await Task.WhenAll(instances.Select(instance => instance.CallAsync()));
        Assert.Equal(1, Tenant.GetTokenRequestCount(Grant) - before);

        // Every copy, local and shared, is due for renewal at the same time, since the entry carries the expiry.
        await Task.Delay(ShortLifetime - ShortLifetimeMargin + TimeSpan.FromSeconds(0.2));
        await Task.WhenAll(instances.Select(instance => instance.CallAsync()));

        Assert.Equal(2, Tenant.GetTokenRequestCount(Grant) - before);
    }

    [RedisFact]
    public async Task A_crashed_holder_blocks_the_others_no_longer_than_its_lease_and_one_of_them_fetches()
    {
        // A holder that took the lease and died: the lease outlives it by one second.
        var origin = Tenant.TokenEndpoint.GetLeftPart(UriPartial.Authority);
        var names = DistributedTokenKeys.For(
            new TokenCacheKey(origin, LocalAuth0Tenant.DefaultClientId, Tenant.ManagementApiAudience, null, null));
        await using (var connection = await redisFixture.Server!.ConnectAsync())
        {
            Assert.True(await connection.GetDatabase()
                .StringSetAsync(names.Lease, "crashed-holder", TimeSpan.FromSeconds(1), When.NotExists));
        }

        var instances = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => StartInstanceAsync(redisFixture.Server!)));
        var before = Tenant.GetTokenRequestCount(Grant);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(instances.Select(instance => instance.CallAsync()));
        watch.Stop();

        Assert.Equal(1, Tenant.GetTokenRequestCount(Grant) - before);
        // Had the waiters given up instead (after the 5-second lease duration), each would have fetched.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5));
    }

    [RedisFact]
    public async Task The_lease_is_released_only_by_its_holder()
    {
        await using var connection = await redisFixture.Server!.ConnectAsync();
        var lease = new RedisTokenLease(connection);
        const string Name = DistributedTokenKeys.Prefix + "lease:test";

        Assert.Equal(LeaseOutcome.Acquired, await lease.TryAcquireAsync(Name, "first", TimeSpan.FromSeconds(5)));
        Assert.Equal(LeaseOutcome.HeldElsewhere, await lease.TryAcquireAsync(Name, "second", TimeSpan.FromSeconds(5)));
        await lease.ReleaseAsync(Name, "second");
        Assert.Equal("first", (string?)await connection.GetDatabase().StringGetAsync(Name));

        await lease.ReleaseAsync(Name, "first");
        Assert.False(await connection.GetDatabase().KeyExistsAsync(Name));
        Assert.Equal(LeaseOutcome.Acquired, await lease.TryAcquireAsync(Name, "second", TimeSpan.FromMilliseconds(200)));
        Assert.True((await connection.GetDatabase().KeyTimeToLiveAsync(Name)) <= TimeSpan.FromMilliseconds(200));
    }

    /// <summary>
    /// One instance: the set-up docs/scaling.md shows, with a Redis connection of its own, or none at all for the
    /// comparison without the distributed cache.
    /// </summary>
    private async Task<Instance> StartInstanceAsync(
        RedisServer? redis,
        TimeSpan? renewalMargin = null,
        ConcurrentQueue<string>? sentTokens = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth0:Domain"] = Tenant.Domain,
                ["Auth0:ClientId"] = LocalAuth0Tenant.DefaultClientId,
                ["Auth0:ClientSecret"] = LocalAuth0Tenant.DefaultClientSecret,
                ["Auth0:Audience"] = Tenant.ManagementApiAudience,
                ["Auth0:BaseUrl"] = Tenant.BaseAddress.ToString(),
                ["Auth0:RenewalMargin"] = renewalMargin?.ToString(),
                ["Auth0:DistributedTokenCache:EncryptionKey"] = EncryptionKey,

                // The first operations of a process wait for the JIT, and CI machines are shared: more than the
                // default second. An outage still fails fast, since the connection does not queue commands.
                ["Auth0:DistributedTokenCache:OperationTimeout"] = "00:00:05",
            })
            .Build();
        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        ConnectionMultiplexer? connection = null;
        if (redis is not null)
        {
            // Always the test server's own endpoint: never a default address.
            connection = await redis.ConnectAsync();
            services.AddSingleton<IConnectionMultiplexer>(connection);
            services.AddStackExchangeRedisCache(options =>
                options.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection));
            services.AddHybridCache();
            services.AddAuth0DistributedTokenCache();
        }

        var client = services.AddAuth0ApiClient<IUsersApi>();
        if (sentTokens is not null)
        {
            client.AddHttpMessageHandler(() => new BearerTokenRecorder(sentTokens));
        }

        var instance = new Instance(services.BuildServiceProvider(), connection, logs);
        lock (_instances)
        {
            _instances.Add(instance);
        }

        return instance;
    }

    private sealed class Instance(ServiceProvider services, ConnectionMultiplexer? connection, FakeLoggerProvider logs)
        : IAsyncDisposable
    {
        public FakeLoggerProvider Logs { get; } = logs;

        public Task<List<TenantUser>> CallAsync() => services.GetRequiredService<IUsersApi>().ListAsync(perPage: 1);

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
