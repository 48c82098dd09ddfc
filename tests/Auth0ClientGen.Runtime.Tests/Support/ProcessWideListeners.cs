namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// Test classes that start a MeterListener or ActivityListener, or that measure allocations. The runtime's meter and
/// activity source are static, so a listener started by one test sees every other test's measurements, and its
/// callbacks allocate on the thread that records them. Running these classes alone, after the parallel ones,
/// keeps an allocation test from counting another test's listener and a listener from seeing other tests' calls.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideListeners
{
    public const string Name = "Process-wide listeners";
}
