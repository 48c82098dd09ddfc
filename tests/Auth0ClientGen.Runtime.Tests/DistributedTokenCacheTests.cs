using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// The distributed token cache without Redis: HybridCache over an in-memory (or broken) distributed cache, a lease
/// kept in memory, and providers that stand for instances, all on one fake clock.
/// </summary>
public sealed class DistributedTokenCacheTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private int _issued;

    [Fact]
    public async Task A_token_fetched_by_one_instance_is_used_by_another_without_a_request()
    {
        var store = CreateStore();
        var (first, firstHandler) = CreateInstance(store);
        var (second, secondHandler) = CreateInstance(store);

        var token = await first.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(token, await second.GetAccessTokenAsync(new AccessTokenRequest(null)));
        Assert.Equal(1, firstHandler.Count);
        Assert.Equal(0, secondHandler.Count);
    }

    [Fact]
    public async Task A_reader_renews_at_the_stored_expiry_less_its_own_margin()
    {
        var store = CreateStore();
        var (first, _) = CreateInstance(store);
        var (second, secondHandler) = CreateInstance(store, margin: TimeSpan.FromMinutes(10));
        await first.GetAccessTokenAsync(new AccessTokenRequest(null));
        await second.GetAccessTokenAsync(new AccessTokenRequest(null));

        // A day-long token: the second instance, with a 10-minute margin, stops using it 10 minutes before expiry.
        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(10));
        await second.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(1, secondHandler.Count);
    }

    [Fact]
    public async Task A_renewal_margin_longer_than_any_date_fetches_on_every_call_as_without_the_cache()
    {
        // Such a margin makes the provider keep no token; the cache must not fail the call working out a lifetime.
        var (instance, handler) = CreateInstance(CreateStore(), margin: TimeSpan.MaxValue);

        var first = await instance.GetAccessTokenAsync(new AccessTokenRequest(null));
        var second = await instance.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.NotEqual(first, second);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task A_corrupt_entry_is_a_miss_logged_once_and_replaced_by_the_fetched_token()
    {
        var store = CreateStore();
        var logger = new FakeLogger();
        var (first, firstHandler) = CreateInstance(store, logger: logger);
        var names = DistributedTokenKeys.For(KeyOf(ProviderFixture.DefaultAudience));
        await store.Cache.SetAsync(names.Entry, Encoding.UTF8.GetBytes("not an encrypted entry"));

        var token = await first.GetAccessTokenAsync(new AccessTokenRequest(null));
        var (second, secondHandler) = CreateInstance(store);

        Assert.Equal(1, firstHandler.Count);

        // Said as what it most often is, instances with different keys, and not as an outage of the cache.
        var warning = Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 1307);
        Assert.Contains("Auth0:DistributedTokenCache:EncryptionKey", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), record => record.Id.Id is 1301 or 1302);
        Assert.Equal(token, await second.GetAccessTokenAsync(new AccessTokenRequest(null)));
        Assert.Equal(0, secondHandler.Count);
    }

    [Fact]
    public async Task An_entry_moved_under_another_key_does_not_decrypt()
    {
        var store = CreateStore();
        var (first, _) = CreateInstance(store);
        await first.GetAccessTokenAsync(new AccessTokenRequest("https://read-only.example"));
        var readOnly = DistributedTokenKeys.For(KeyOf("https://read-only.example"));
        var admin = DistributedTokenKeys.For(KeyOf("https://admin.example"));
        var entry = await store.Cache.GetOrCreateAsync<byte[]?>(
            readOnly.Entry, static _ => ValueTask.FromResult<byte[]?>(null));
        await store.Cache.SetAsync(admin.Entry, entry);

        var (second, secondHandler) = CreateInstance(store);
        await second.GetAccessTokenAsync(new AccessTokenRequest("https://admin.example"));

        Assert.Equal(1, secondHandler.Count);
    }

    [Fact]
    public async Task A_distributed_cache_that_never_answers_times_out_to_a_miss_logged_once()
    {
        var store = CreateStore(new HangingDistributedCache());
        var logger = new FakeLogger();
        var (instance, handler) = CreateInstance(store, logger: logger);

        await _time.RunOnClock(instance.GetAccessTokenAsync(new AccessTokenRequest("https://a.example")).AsTask());
        await _time.RunOnClock(instance.GetAccessTokenAsync(new AccessTokenRequest("https://b.example")).AsTask());

        Assert.Equal(2, handler.Count);
        Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 1301);
    }

    [Fact]
    public async Task A_forced_renewal_fetches_anew_rather_than_rereading_the_rejected_token_and_overwrites_it()
    {
        var store = CreateStore();
        var (first, firstHandler) = CreateInstance(store);
        var rejected = await first.GetAccessTokenAsync(new AccessTokenRequest(null));

        var renewed = await first.GetAccessTokenAsync(new AccessTokenRequest(null) { ForceRenewal = true });
        var (second, _) = CreateInstance(store);

        Assert.NotEqual(rejected, renewed);
        Assert.Equal(2, firstHandler.Count);
        Assert.Equal(renewed, await second.GetAccessTokenAsync(new AccessTokenRequest(null)));
    }

    [Fact]
    public async Task A_forced_renewal_takes_the_token_another_instance_already_renewed()
    {
        var store = CreateStore();
        var (first, firstHandler) = CreateInstance(store);
        var (second, secondHandler) = CreateInstance(store);
        await first.GetAccessTokenAsync(new AccessTokenRequest(null));
        await second.GetAccessTokenAsync(new AccessTokenRequest(null));

        var renewedBySecond = await second.GetAccessTokenAsync(new AccessTokenRequest(null) { ForceRenewal = true });
        var renewedByFirst = await first.GetAccessTokenAsync(new AccessTokenRequest(null) { ForceRenewal = true });

        Assert.Equal(renewedBySecond, renewedByFirst);
        Assert.Equal(1, firstHandler.Count);
        Assert.Equal(1, secondHandler.Count);
    }

    [Fact]
    public async Task The_wait_for_a_holder_that_never_stores_the_token_ends_after_two_lease_durations()
    {
        var lease = new MemoryLease(_time);
        await lease.TryAcquireAsync(DistributedTokenKeys.For(KeyOf(ProviderFixture.DefaultAudience)).Lease, "stuck", TimeSpan.MaxValue);
        var logger = new FakeLogger();
        var (instance, handler) = CreateInstance(CreateStore(), lease, logger: logger);
        var start = _time.GetUtcNow();

        await _time.RunOnClock(instance.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask());

        // At least two lease durations passed. The upper bound is loose: the clock driver keeps advancing while a
        // loaded machine runs the code between two of its steps.
        Assert.Equal(1, handler.Count);
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 1305);
    }

    // With a long wait bound, only the crashed lease's end, and no waiter giving up, can start the fetch. With the
    // default bound: instances that start together begin waiting about when the crashed holder took its lease, so it
    // ends as their first lease duration does; here a little after. The waiter that takes it over must still have
    // time to fetch, and the others to wait for its token, or every one of them fetches.
    [Theory]
    [InlineData(2, 60)]
    [InlineData(6, 5)]
    public async Task When_a_crashed_holders_lease_expires_one_waiter_fetches_and_the_others_take_its_token(
        int crashedLeaseSeconds,
        int leaseSeconds)
    {
        var lease = new MemoryLease(_time);
        await lease.TryAcquireAsync(
            DistributedTokenKeys.For(KeyOf(ProviderFixture.DefaultAudience)).Lease,
            "crashed",
            TimeSpan.FromSeconds(crashedLeaseSeconds));
        var store = CreateStore();
        var instances = Enumerable.Range(0, 4)
            .Select(_ => CreateInstance(store, lease, leaseDuration: TimeSpan.FromSeconds(leaseSeconds)))
            .ToList();

        var tokens = await _time.RunOnClock(Task.WhenAll(instances.Select(
            instance => instance.Provider.GetAccessTokenAsync(new AccessTokenRequest(null)).AsTask())));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, instances.Sum(instance => instance.Handler.Count));
    }

    [Fact]
    public async Task The_holder_releases_its_lease_after_storing_the_token()
    {
        var lease = new MemoryLease(_time);
        var (instance, _) = CreateInstance(CreateStore(), lease);

        await instance.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(1, lease.Acquisitions);
        Assert.Empty(lease.Held);
    }

    [Fact]
    public void Keys_are_namespaced_versioned_hashed_and_cover_every_part_of_the_token_cache_key()
    {
        var key = new TokenCacheKey("https://t.example", "client", "https://api", "a b", "org_1");
        var names = DistributedTokenKeys.For(key);

        Assert.Matches("^auth0clientgen:v1:token:[0-9a-f]{64}$", names.Entry);
        Assert.Equal(names.Entry.Replace(":token:", ":lease:"), names.Lease);
        Assert.Equal("https%3A%2F%2Ft.example|client|https%3A%2F%2Fapi|a%20b|org_1", names.Canonical);
        TokenCacheKey[] others =
        [
            key with { Domain = "https://u.example" },
            key with { ClientId = "other" },
            key with { Audience = "https://api2" },
            key with { Scope = "a" },
            key with { Scope = null },
            key with { Organization = null },

            // A separator inside a part cannot make two keys meet.
            key with { Audience = "https://api|a b", Scope = null },
        ];
        Assert.All(others, other => Assert.NotEqual(names.Entry, DistributedTokenKeys.For(other).Entry));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_entry_decrypts_only_under_its_own_key_and_only_unaltered(bool dataProtection)
    {
        var protector = CreateProtector(dataProtection);
        var token = new DistributedAccessToken(ProviderFixture.AccessToken, _time.GetUtcNow().AddHours(1));

        var entry = protector.Protect(token, "key-a");

        Assert.Equal(token, protector.Unprotect(entry, "key-a"));
        Assert.DoesNotContain(ProviderFixture.AccessToken, Encoding.Latin1.GetString(entry), StringComparison.Ordinal);
        Assert.Null(protector.Unprotect(entry, "key-b"));
        entry[^3] ^= 1;
        Assert.Null(protector.Unprotect(entry, "key-a"));
        Assert.Null(protector.Unprotect([], "key-a"));
    }

    [Fact]
    public void An_entry_does_not_decrypt_with_another_encryption_key()
    {
        var token = new DistributedAccessToken(ProviderFixture.AccessToken, _time.GetUtcNow().AddHours(1));
        var entry = new AesGcmTokenEntryProtector(Key).Protect(token, "key-a");

        Assert.Null(new AesGcmTokenEntryProtector(Key.Reverse().ToArray()).Unprotect(entry, "key-a"));
    }

    [Theory]
    [InlineData(false, false, false, "AddHybridCache")]
    [InlineData(true, false, false, "HybridCache has no distributed level")]
    [InlineData(true, true, false, "EncryptionKey")]
    [InlineData(true, true, true, "32 bytes")]
    public void The_host_refuses_to_start_without_a_store_or_encryption(
        bool hybridCache, bool distributedLevel, bool shortKey, string expected)
    {
        var services = new ServiceCollection();
        if (hybridCache)
        {
            services.AddHybridCache();
        }

        if (distributedLevel)
        {
            services.AddSingleton<IDistributedCache>(new SharedDistributedCache(_time));
        }
        else
        {
            // In memory, so HybridCache does not use it as a distributed level: no better than none.
            services.AddDistributedMemoryCache();
        }

        services.AddAuth0DistributedTokenCache(options =>
            options.EncryptionKey = shortKey ? Convert.ToBase64String(new byte[16]) : null);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<Auth0DistributedTokenCacheOptions>>().Value);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LeaseDuration")]
    [InlineData("OperationTimeout")]
    public void The_host_refuses_to_start_with_a_duration_no_deadline_or_timer_can_hold(string setting)
    {
        // TimeSpan.MaxValue as "no limit": a waiter's deadline cannot be represented, and no timer takes it.
        var services = new ServiceCollection();
        services.AddHybridCache();
        services.AddAuth0DistributedTokenCache(options =>
        {
            options.EncryptionKey = Convert.ToBase64String(Key);
            options.LeaseDuration = setting == "LeaseDuration" ? TimeSpan.MaxValue : options.LeaseDuration;
            options.OperationTimeout = setting == "OperationTimeout" ? TimeSpan.MaxValue : options.OperationTimeout;
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<Auth0DistributedTokenCacheOptions>>().Value);

        Assert.Contains($"{setting} must be positive and no longer than a day", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_Protection_encrypts_when_no_key_is_configured()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDistributedCache>(new SharedDistributedCache(_time));
        services.AddHybridCache();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuth0DistributedTokenCache();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<DistributedTokenCache>());
    }

    private TokenEntryProtector CreateProtector(bool dataProtection)
        => dataProtection
            ? new DataProtectionTokenEntryProtector(new EphemeralDataProtectionProvider())
            : new AesGcmTokenEntryProtector(Key);

    private static TokenCacheKey KeyOf(string audience)
        => new("https://" + ProviderFixture.Domain, ProviderFixture.ClientId, audience, null, null);

    private Store CreateStore(IDistributedCache? distributed = null)
    {
        // Not AddDistributedMemoryCache: HybridCache ignores that one as a distributed level, since it is in memory.
        var services = new ServiceCollection();
        services.AddSingleton(distributed ?? new SharedDistributedCache(_time));
        services.AddHybridCache();
        return new Store(services.BuildServiceProvider().GetRequiredService<HybridCache>());
    }

    /// <summary>One instance: a provider with its own token endpoint, sharing the store, the lease and the clock.</summary>
    private (Auth0ClientCredentialsProvider Provider, RecordingHandler Handler) CreateInstance(
        Store store,
        ITokenLease? lease = null,
        TimeSpan? margin = null,
        FakeLogger? logger = null,
        TimeSpan? leaseDuration = null)
    {
        var handler = new RecordingHandler(_ => TokenResponses.Success(
            $"{ProviderFixture.AccessToken}-{Interlocked.Increment(ref _issued)}"));
        var options = new Auth0ClientCredentialsOptions
        {
            Domain = ProviderFixture.Domain,
            ClientId = ProviderFixture.ClientId,
            ClientSecret = ProviderFixture.ClientSecret,
            Audience = ProviderFixture.DefaultAudience,
            TokenRequestRetries = 0,
            RenewalMargin = margin,
        };
        var provider = new Auth0ClientCredentialsProvider(new HttpClient(handler), options, _time)
        {
            DistributedCache = new DistributedTokenCache(
                store.Cache,
                new AesGcmTokenEntryProtector(Key),
                lease ?? NoTokenLease.Instance,
                new Auth0DistributedTokenCacheOptions { LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(5) },
                _time,
                logger),
        };
        return (provider, handler);
    }

    private sealed record Store(HybridCache Cache);

    /// <summary>A lease kept in memory, expiring by the fake clock, as Redis's would.</summary>
    private sealed class MemoryLease(TimeProvider time) : ITokenLease
    {
        private readonly ConcurrentDictionary<string, (string Holder, DateTimeOffset Until)> _leases = new();
        private int _acquisitions;

        public int Acquisitions => _acquisitions;

        public string[] Held => _leases.Where(pair => pair.Value.Until > time.GetUtcNow()).Select(pair => pair.Key).ToArray();

        public Task<LeaseOutcome> TryAcquireAsync(string name, string holder, TimeSpan duration)
        {
            lock (_leases)
            {
                var now = time.GetUtcNow();
                if (_leases.TryGetValue(name, out var current) && current.Until > now)
                {
                    return Task.FromResult(LeaseOutcome.HeldElsewhere);
                }

                _leases[name] = (holder, duration == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : now + duration);
                Interlocked.Increment(ref _acquisitions);
                return Task.FromResult(LeaseOutcome.Acquired);
            }
        }

        public Task ReleaseAsync(string name, string holder)
        {
            lock (_leases)
            {
                if (_leases.TryGetValue(name, out var current) && current.Holder == holder)
                {
                    _leases.TryRemove(name, out _);
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>What Redis is to the instances, kept in memory; entries expire by the fake clock.</summary>
    private sealed class SharedDistributedCache(TimeProvider time) : IDistributedCache
    {
        private readonly ConcurrentDictionary<string, (byte[] Value, DateTimeOffset Until)> _entries = new();

        public byte[]? Get(string key)
            => _entries.TryGetValue(key, out var entry) && entry.Until > time.GetUtcNow() ? entry.Value : null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => _entries.TryRemove(key, out _);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
            => _entries[key] = (value, options.AbsoluteExpiration
                ?? time.GetUtcNow() + (options.AbsoluteExpirationRelativeToNow ?? TimeSpan.FromDays(1000)));

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }
    }

    /// <summary>A distributed cache whose every operation waits forever, like a server that stopped answering.</summary>
    private sealed class HangingDistributedCache : IDistributedCache
    {
        public byte[]? Get(string key) => throw new TimeoutException();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Hang<byte[]?>();

        public void Refresh(string key) => throw new TimeoutException();

        public Task RefreshAsync(string key, CancellationToken token = default) => Hang<bool>();

        public void Remove(string key) => throw new TimeoutException();

        public Task RemoveAsync(string key, CancellationToken token = default) => Hang<bool>();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new TimeoutException();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
            => Hang<bool>();

        private static Task<T> Hang<T>() => new TaskCompletionSource<T>().Task;
    }
}
