using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Emitter;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Auth0ClientGen.Generator.Parser;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator;

/// <summary>
/// Writes an HTTP client class for every interface marked <c>[Auth0Api]</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class Auth0ApiGenerator : IIncrementalGenerator
{
    /// <summary>The parse cache of the pipeline Initialize last made, for tests.</summary>
    internal ParseResultCache? ParseResultCache { get; private set; }

    /// <summary>
    /// Whether the parser reads plain attributes on methods and parameters from syntax instead of binding them.
    /// Only tests turn it off, to check that both ways give the same result.
    /// </summary>
    internal bool ReadAttributesFromSyntax { get; init; } = true;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Find [Auth0Api] interfaces and parse each into comparable data plus diagnostics. The transform runs for
        // every interface after any edit; the cache hands back the last result when the edit cannot have changed it.
        var cache = new ParseResultCache { ReadAttributesFromSyntax = ReadAttributesFromSyntax };
        ParseResultCache = cache;
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.Auth0ApiAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
                transform: (context, cancellationToken) => cache.GetOrParse(context, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedInterfaces);

        // Keep the interfaces that can be implemented.
        var clients = parsed
            .Select(static (result, _) => result.Api)
            .WithTrackingName(TrackingNames.ParsedModels)
            .Where(static api => api is not null)
            .WithTrackingName(TrackingNames.ImplementableModels)
            .Select(static (api, _) => api!)
            .WithTrackingName(TrackingNames.Clients);

        // Two interfaces can map to one client name (Outer.IFooApi and IOuterFooApi both give OuterFooApiClient).
        // Neither is emitted then, and both get a diagnostic. This step sees every client, but its output only
        // changes when the set of clashes does, so the emission below stays cached.
        var clashes = clients
            .Select(static (api, _) => new ClientNameClash(
                api.ClientFullName, api.InterfaceMetadataName, api.InterfaceDisplayName, api.ClientName))
            .WithTrackingName(TrackingNames.ClientNames)
            .Collect()
            .WithTrackingName(TrackingNames.AllClientNames)
            .Select(static (all, _) => all
                .GroupBy(clash => clash.ClientFullName)
                .Where(group => group.Count() > 1)
                .SelectMany(group => group)
                .OrderBy(clash => clash.InterfaceMetadataName, System.StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.ClientNameClashes);

        // Emit one client per interface whose client name is its own.
        context.RegisterSourceOutput(
            clients.Combine(clashes),
            static (context, input) =>
            {
                var (api, clashes) = input;
                if (clashes.Any(clash => clash.ClientFullName == api.ClientFullName))
                {
                    return;
                }

                context.AddSource(ClientEmitter.GetHintName(api), ClientEmitter.Emit(api));
            });

        // Diagnostics are reported against the compilation's own syntax trees, so #pragma and
        // suppressions apply to them. Only this cheap step re-runs on every edit.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.ParsedDiagnostics)
            .Where(static diagnostics => diagnostics.Count > 0)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(
            diagnostics.Combine(context.CompilationProvider),
            static (context, input) => ReportDiagnostics(context, input.Left, input.Right));
        context.RegisterSourceOutput(
            clashes.Combine(context.CompilationProvider),
            static (context, input) => ReportClashes(context, input.Left, input.Right));
    }

    private static void ReportDiagnostics(
        SourceProductionContext context,
        EquatableArray<DiagnosticInfo> diagnostics,
        Compilation compilation)
    {
        foreach (var info in diagnostics)
        {
            var location = info.Location is null
                ? Location.None
                : compilation.SyntaxTrees.FirstOrDefault(tree => tree.FilePath == info.Location.FilePath) is { } tree
                    ? Location.Create(tree, info.Location.Span)
                    : info.Location.ToLocation();
            context.ReportDiagnostic(Diagnostic.Create(info.Descriptor, location, info.MessageArguments.ToObjectArray()));
        }
    }

    private static void ReportClashes(
        SourceProductionContext context,
        EquatableArray<ClientNameClash> clashes,
        Compilation compilation)
    {
        foreach (var clash in clashes)
        {
            var location = compilation.GetTypeByMetadataName(clash.InterfaceMetadataName)?.Locations.FirstOrDefault();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ClientNameTaken,
                location ?? Location.None,
                clash.InterfaceDisplayName,
                clash.ClientName));
        }
    }
}
