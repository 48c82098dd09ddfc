using System.Linq;
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
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Find [Auth0Api] interfaces and parse each into comparable data plus diagnostics.
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.Auth0ApiAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
                transform: static (context, cancellationToken) => ApiParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedInterfaces);

        // Diagnostics are reported against the compilation's own syntax trees, so #pragma and
        // suppressions apply to them. Only this cheap step re-runs on every edit.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Where(static diagnostics => diagnostics.Count > 0)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(
            diagnostics.Combine(context.CompilationProvider),
            static (context, input) => ReportDiagnostics(context, input.Left, input.Right));

        // Emit one client per interface that could be parsed.
        var clients = parsed
            .Select(static (result, _) => result.Api)
            .Where(static api => api is not null)
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(
            clients,
            static (context, api) => context.AddSource(ClientEmitter.GetHintName(api!), ClientEmitter.Emit(api!)));
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
}
