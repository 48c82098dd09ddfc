namespace Auth0ClientGen.Generator.Helpers;

/// <summary>Names of the pipeline steps, so tests can check which steps were cached.</summary>
internal static class TrackingNames
{
    public const string ParsedInterfaces = nameof(ParsedInterfaces);
    public const string ParsedModels = nameof(ParsedModels);
    public const string ImplementableModels = nameof(ImplementableModels);
    public const string ParsedDiagnostics = nameof(ParsedDiagnostics);
    public const string ClientNames = nameof(ClientNames);
    public const string AllClientNames = nameof(AllClientNames);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Clients = nameof(Clients);
    public const string ClientNameClashes = nameof(ClientNameClashes);
}
