namespace Auth0ClientGen.Generator.Helpers;

/// <summary>Names of the pipeline steps, so tests can check which steps were cached.</summary>
internal static class TrackingNames
{
    public const string ParsedInterfaces = nameof(ParsedInterfaces);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Clients = nameof(Clients);
    public const string ClientNameClashes = nameof(ClientNameClashes);
}
