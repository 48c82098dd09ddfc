using System.Threading.Tasks;
using Auth0ClientGen.Benchmarks.Apis;
using Auth0ClientGen.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace Auth0ClientGen.Benchmarks.Tokens;

/// <summary>The cost of a token the cache already holds: what every API call pays before it is sent.</summary>
[MemoryDiagnoser]
public class WarmTokenBenchmarks
{
    private static readonly AccessTokenRequest Request = new(Endpoints.Audience);

    private TokenEndpointStub _tokenEndpoint = null!;
    private Auth0ClientCredentialsProvider _provider = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tokenEndpoint = new TokenEndpointStub();
        _provider = _tokenEndpoint.CreateProvider();
        _provider.GetAccessTokenAsync(Request).AsTask().GetAwaiter().GetResult();
        _tokenEndpoint.ExpectRequestsAndReset(1);
    }

    [GlobalCleanup]
    public void Cleanup() => _tokenEndpoint.ExpectRequestsAndReset(0);

    [Benchmark]
    public ValueTask<string> WarmCache() => _provider.GetAccessTokenAsync(Request);
}

/// <summary>
/// A thousand callers asking a fresh provider for the same token at once. The token endpoint holds its answer
/// until every caller is waiting, so all of them miss the cache, and exactly one token request may be made.
/// </summary>
/// <remarks>
/// The callers are started one after another on one thread and all wait at once; each invocation needs a fresh
/// provider, so every invocation is its own iteration.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class ColdTokenBurstBenchmarks
{
    public const int Callers = 1000;

    private static readonly AccessTokenRequest Request = new(Endpoints.Audience);

    private readonly ValueTask<string>[] _calls = new ValueTask<string>[Callers];
    private TokenEndpointStub _tokenEndpoint = null!;
    private Auth0ClientCredentialsProvider _provider = null!;

    [GlobalSetup]
    public void Setup() => _tokenEndpoint = new TokenEndpointStub();

    [IterationSetup]
    public void CreateProvider()
    {
        _provider = _tokenEndpoint.CreateProvider();
        _tokenEndpoint.Close();
    }

    [IterationCleanup]
    public void CheckOneTokenRequest() => _tokenEndpoint.ExpectRequestsAndReset(1);

    [Benchmark]
    public async Task<string> ColdBurst()
    {
        for (var caller = 0; caller < Callers; caller++)
        {
            _calls[caller] = _provider.GetAccessTokenAsync(Request);
        }

        _tokenEndpoint.Open();
        var last = string.Empty;
        for (var caller = 0; caller < Callers; caller++)
        {
            last = await _calls[caller];
        }

        return last;
    }
}
