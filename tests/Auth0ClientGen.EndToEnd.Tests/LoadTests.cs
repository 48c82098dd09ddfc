using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Xunit.Abstractions;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Many callers share one provider and one generated client against the local tenant's protected API, on loopback
/// and the real clock, while short-lived tokens expire again and again. Only counts are asserted: failed calls,
/// token requests, cached tokens, retained memory. Latencies are printed, never asserted. CI runs the small version;
/// <c>ACG_LOAD_FULL=1</c> runs the full one recorded in docs/reliability.md.
/// </summary>
/// <remarks>
/// It runs alone, after the parallel tests: the managed heap is shared by the whole test process, so another
/// test allocating during the run would count as memory this one retained.
/// </remarks>
[Collection(LoadTestsRunAlone.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Callers = 64;
    private const int SmallRunRequests = 2_000;
    private const int FullRunRequests = 20_000;

    // The small run must still see the token expire under load, so it goes on, past its requests, until the
    // provider has renewed this often. The renewals are counted, so the run ends however slow the machine is.
    private const int SmallRunRenewals = 2;

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(2);

    // With the default 60 s margin a 2 s token would be stale on arrival and every call would fetch one. Half a
    // second leaves each token 1.5 s of use, which is what "expires" means below.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMilliseconds(500);

    // What the run may retain once it is over, in the process that hosts the tenant too. After the warm-up, runs
    // of 2,000 requests retained 2 to 10 kB each; a leak of 100 bytes per request outgrows this in either run.
    private const long RetainedMemoryAllowance = 512 * 1024;

    [Fact]
    public async Task Sixty_four_callers_share_renewed_tokens_without_a_failure_or_anything_retained()
    {
        var full = Environment.GetEnvironmentVariable("ACG_LOAD_FULL") == "1";
        var requests = full ? FullRunRequests : SmallRunRequests;
        await using var tenant = await LocalAuth0Tenant.StartAsync(new LocalAuth0TenantOptions { TokenLifetime = TokenLifetime });
        using var tokenClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        var provider = TenantFixture.CreateProvider(tenant, options => options.RenewalMargin = RenewalMargin, httpClient: tokenClient);
        using var apiClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = tenant.BaseAddress,
        };
        var quickstart = Auth0ApiClient.Create<IQuickstartApi>(apiClient, provider);

        // Warm up the JIT, the cache, and the connection and buffer pools, which keep the size the load gave them;
        // the baseline is taken after that. Further runs of the same size then retain a few kilobytes at most.
        await RunAsync(quickstart, SmallRunRequests, tenant);
        var latencies = new long[full ? requests : requests * 50];
        var tokenRequestsBefore = tenant.GetTokenRequestCount("client_credentials");
        var apiRequestsBefore = tenant.ApiRequestCount;
        var cachedBefore = provider.CachedTokenCount;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var started = Stopwatch.GetTimestamp();
        var (sent, failures) = await RunAsync(
            quickstart, requests, tenant, latencies, full ? 0 : tokenRequestsBefore + SmallRunRenewals);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        var tokenRequests = tenant.GetTokenRequestCount("client_credentials") - tokenRequestsBefore;
        var expiries = (int)(elapsed / (TokenLifetime - RenewalMargin));
        var sorted = latencies.Take(sent).Order().ToArray();
        output.WriteLine($"Callers {Callers}, requests {sent}, failures {failures.Count}, token requests {tokenRequests},"
            + $" expiries {expiries}, duration {elapsed.TotalSeconds:F1} s, throughput {sent / elapsed.TotalSeconds:F0}/s");
        output.WriteLine($"Latency p50 {Milliseconds(sorted, 0.50):F2} ms, p99 {Milliseconds(sorted, 0.99):F2} ms,"
            + $" max {Milliseconds(sorted, 1.0):F2} ms");
        output.WriteLine($"Memory before {memoryBefore:N0} B, after {memoryAfter:N0} B,"
            + $" retained {memoryAfter - memoryBefore:N0} B; cached tokens before {cachedBefore}, after {provider.CachedTokenCount}");

        Assert.True(failures.IsEmpty, $"{failures.Count} calls failed; the first: {failures.FirstOrDefault()}");
        Assert.True(sent >= requests, $"Only {sent} requests were sent.");
        Assert.Equal(sent, tenant.ApiRequestCount - apiRequestsBefore);

        // Each token is requested no sooner than 1.5 s after the previous one arrived, and concurrent callers that
        // find it stale share one request: the run can see at most one token per expiry, plus the one it ends with.
        Assert.InRange(tokenRequests, full ? 0 : SmallRunRenewals, expiries + 1);
        // One audience, so one entry at most: none when the last token was already stale as it arrived, which
        // happens when the machine is so busy that a token request outlasts the token's 1.5 s of use.
        Assert.InRange(cachedBefore, 0, 1);
        Assert.InRange(provider.CachedTokenCount, 0, 1);
        Assert.Equal(0, provider.RequestsInFlightCount);
        Assert.InRange(memoryAfter - memoryBefore, long.MinValue, RetainedMemoryAllowance);
    }

    /// <summary>
    /// Sends <paramref name="requests"/> calls from <see cref="Callers"/> callers, then goes on until the tenant has
    /// answered <paramref name="untilTokenRequests"/> token requests or <paramref name="latencies"/> is full.
    /// </summary>
    private static async Task<(int Sent, ConcurrentQueue<Exception> Failures)> RunAsync(
        IQuickstartApi quickstart,
        int requests,
        LocalAuth0Tenant tenant,
        long[]? latencies = null,
        int untilTokenRequests = 0)
    {
        var failures = new ConcurrentQueue<Exception>();
        var maximum = latencies?.Length ?? requests;
        var next = -1;
        var sent = 0;
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < maximum)
            {
                if (index >= requests && tenant.GetTokenRequestCount("client_credentials") >= untilTokenRequests)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    await quickstart.GetPrivateAsync();
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception);
                }

                if (latencies is not null)
                {
                    latencies[index] = Stopwatch.GetTimestamp() - started;
                }

                Interlocked.Increment(ref sent);
            }
        }));
        await Task.WhenAll(callers);
        return (sent, failures);
    }

    private static double Milliseconds(long[] sorted, double percentile)
        => sorted.Length == 0
            ? 0
            : Stopwatch.GetElapsedTime(0, sorted[Math.Min(sorted.Length - 1, (int)(percentile * sorted.Length))]).TotalMilliseconds;
}

/// <summary>Runs <see cref="LoadTests"/> with no other test class in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTestsRunAlone
{
    public const string Name = "Load tests run alone";
}
