using System;
using System.Collections.Generic;
using Auth0ClientGen;
using Auth0ClientGen.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Switches on the token cache that the instances of an application share.</summary>
public static class Auth0DistributedTokenCacheExtensions
{
    private const string LoggerCategory = "Auth0ClientGen.DistributedTokenCache";

    /// <summary>
    /// Keeps the client credentials tokens of every <see cref="Auth0ClientCredentialsProvider"/> the container
    /// creates in the application's <see cref="HybridCache"/> as well, encrypted, so that the application's instances
    /// share them; with Redis, instances that miss together request one token between them.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Needs <c>services.AddHybridCache()</c>, with a distributed cache such as
    /// <c>AddStackExchangeRedisCache</c> behind it, and an encryption key: <see cref="Auth0DistributedTokenCacheOptions.EncryptionKey"/>,
    /// else the application's Data Protection (<c>AddDataProtection()</c>, with a key ring the instances share).
    /// The host refuses to start without them (<see cref="OptionsValidationException"/>).
    /// </para>
    /// <para>
    /// When an <see cref="IConnectionMultiplexer"/> is registered, a lease on that Redis lets one instance fetch a
    /// missing token while the others wait for it. Without one, each instance that misses the cache fetches on its
    /// own and shares the result. docs/scaling.md describes the design and its failure modes.
    /// </para>
    /// </remarks>
    /// <param name="services">The services to add to.</param>
    /// <param name="configure">Adjusts the options after they are bound from <c>Auth0:DistributedTokenCache</c>.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddAuth0DistributedTokenCache(
        this IServiceCollection services,
        Action<Auth0DistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<Auth0DistributedTokenCacheOptions>().Configure<IServiceProvider>(
            static (options, serviceProvider) => serviceProvider.GetService<IConfiguration>()
                ?.GetSection(Auth0DistributedTokenCacheOptions.SectionName)
                .Bind(options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<
            IValidateOptions<Auth0DistributedTokenCacheOptions>, DistributedTokenCacheValidator>());
        services.TryAddSingleton(static serviceProvider =>
        {
            // Without a host nothing validated at start-up, so the first provider to be created checks instead.
            var options = serviceProvider.GetRequiredService<IOptions<Auth0DistributedTokenCacheOptions>>().Value;
            var key = AesGcmTokenEntryProtector.ParseKey(options.EncryptionKey);
            TokenEntryProtector protector = key is not null
                ? new AesGcmTokenEntryProtector(key)
                : new DataProtectionTokenEntryProtector(serviceProvider.GetRequiredService<IDataProtectionProvider>());
            var connection = serviceProvider.GetService<IConnectionMultiplexer>();
            return new DistributedTokenCache(
                serviceProvider.GetRequiredService<HybridCache>(),
                protector,
                connection is null ? NoTokenLease.Instance : new RedisTokenLease(connection),
                options,
                serviceProvider.GetService<TimeProvider>(),
                serviceProvider.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory));
        });
        return services;
    }

    /// <summary>Refuses a cache with no store, no encryption, or timings that cannot work.</summary>
    private sealed class DistributedTokenCacheValidator(IServiceProvider serviceProvider)
        : IValidateOptions<Auth0DistributedTokenCacheOptions>
    {
        private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

        public ValidateOptionsResult Validate(string? name, Auth0DistributedTokenCacheOptions options)
        {
            var problems = new List<string>();
            const string Section = Auth0DistributedTokenCacheOptions.SectionName;
            if (serviceProvider.GetService<HybridCache>() is null)
            {
                problems.Add("The distributed token cache needs HybridCache: call services.AddHybridCache(), with"
                    + " services.AddStackExchangeRedisCache(...) for its distributed level.");
            }
            else if (serviceProvider.GetService<IDistributedCache>() is null or MemoryDistributedCache)
            {
                // HybridCache then keeps entries in this process only (it ignores an in-memory IDistributedCache),
                // so the instances would share nothing and the lease would only make them fetch one after another.
                problems.Add("HybridCache has no distributed level, so the instances would share no token: call"
                    + " services.AddStackExchangeRedisCache(...), or register another IDistributedCache that every"
                    + " instance reaches.");
            }

            if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
            {
                if (AesGcmTokenEntryProtector.ParseKey(options.EncryptionKey) is null)
                {
                    problems.Add($"{Section}:EncryptionKey must be 32 bytes (256 bits) encoded in base64.");
                }
            }
            else if (serviceProvider.GetService<IDataProtectionProvider>() is null)
            {
                problems.Add($"The distributed token cache stores tokens encrypted: set {Section}:EncryptionKey to a"
                    + " base64 256-bit key, or register Data Protection (services.AddDataProtection()) with a key"
                    + " ring every instance shares.");
            }

            // The upper bound keeps every deadline and timer the cache sets representable: without it a lease of
            // TimeSpan.MaxValue fails the token request of a waiting instance, and such a timeout every operation.
            if (options.LeaseDuration <= TimeSpan.Zero || options.LeaseDuration > MaxDuration)
            {
                problems.Add($"{Section}:LeaseDuration must be positive and no longer than a day.");
            }

            if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > options.LeaseDuration)
            {
                problems.Add($"{Section}:PollInterval must be positive and no longer than the lease duration.");
            }

            if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > MaxDuration)
            {
                problems.Add($"{Section}:OperationTimeout must be positive and no longer than a day.");
            }

            // Each problem is a whole sentence, so they are joined as sentences, not with the "; " of Fail(IEnumerable).
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(string.Join(" ", problems));
        }
    }
}
