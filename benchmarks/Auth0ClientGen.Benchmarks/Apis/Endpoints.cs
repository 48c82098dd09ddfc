namespace Auth0ClientGen.Benchmarks.Apis;

/// <summary>
/// The addresses the benchmarks use. Nothing is ever sent to them: every request ends in an in-memory handler, and
/// the reserved .invalid domain could not be resolved if it were.
/// </summary>
public static class Endpoints
{
    public const string BaseAddress = "https://api.bench.invalid/";

    public const string Audience = "https://api.bench.invalid";

    public const string Domain = "tenant.bench.invalid";
}
