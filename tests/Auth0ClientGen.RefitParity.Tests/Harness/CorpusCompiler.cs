using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Auth0ClientGen.Comparison;
using Auth0ClientGen.Generator;
using Auth0ClientGen.RefitParity.Tests.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.RefitParity.Tests.Harness;

/// <summary>Which library turns the corpus interface into a client.</summary>
public enum Side
{
    Refit,
    Auth0ClientGen,
}

/// <summary>
/// Compiles the corpus interface in memory with one library's attributes and source generator, the way a user's
/// project would, and loads the result.
/// </summary>
internal static class CorpusCompiler
{
    public const string CorpusNamespace = "Parity";
    public const string InterfaceName = "IParityApi";
    public const string HeadersInterfaceName = "IParityHeadersApi";

    private static int _compilations;

    // The symbols the SDK defines for a net10.0 project. Refit's generated code registers its client only under
    // NET5_0_OR_GREATER, as a real build of a user's project would have it.
    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        preprocessorSymbols:
        [
            "NET", "NETCOREAPP", "NET10_0",
            .. Enumerable.Range(5, 6).Select(major => $"NET{major}_0_OR_GREATER"),
        ]);

    /// <summary>The name of the interface a corpus method is declared on.</summary>
    public static string NameOf(CorpusInterface corpusInterface)
        => corpusInterface == CorpusInterface.Plain ? InterfaceName : HeadersInterfaceName;

    /// <summary>
    /// Writes the corpus interfaces and the models each side compiles for itself; only the using directive and the
    /// <c>[Auth0Api]</c> attribute differ between the sides.
    /// </summary>
    public static string WriteSource(Side side, IEnumerable<CorpusMethod> methods)
    {
        var source = new StringBuilder()
            .AppendLine("using System;")
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using System.IO;")
            .AppendLine("using System.Net.Http;")
            .AppendLine("using System.Runtime.Serialization;")
            .AppendLine("using System.Text.Json.Serialization;")
            .AppendLine("using System.Threading;")
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine($"using {typeof(Widget).Namespace};")
            .AppendLine(side == Side.Refit ? "using Refit;" : "using Auth0ClientGen;")
            .AppendLine()
            .AppendLine($"namespace {CorpusNamespace};")
            .AppendLine()
            .AppendLine(ParityCorpus.SideModels);

        var byInterface = methods.ToLookup(method => method.Interface);
        foreach (var corpusInterface in Enum.GetValues<CorpusInterface>())
        {
            if (side == Side.Auth0ClientGen)
            {
                source.AppendLine("[Auth0Api(Audience = \"https://api.example.com\")]");
            }

            if (corpusInterface == CorpusInterface.WithHeaders)
            {
                source.AppendLine(ParityCorpus.InterfaceHeaders);
            }

            source.AppendLine($"public interface {NameOf(corpusInterface)}").AppendLine("{");
            foreach (var method in byInterface[corpusInterface])
            {
                source.Append("    ").AppendLine(method.Declaration);
            }

            source.AppendLine("}").AppendLine();
        }

        return source.ToString();
    }

    /// <summary>Compiles, generates and loads one side; throws with every diagnostic unless the build is clean.</summary>
    public static CompiledCorpus Compile(Side side, IEnumerable<CorpusMethod> methods)
    {
        var source = WriteSource(side, methods);
        // Loaded assemblies stay loaded, so every compilation needs a name of its own.
        var assemblyName = $"ParityCorpus{Interlocked.Increment(ref _compilations)}.{side}";
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"ParityCorpus.{side}.cs")],
            References(side),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

        GeneratorDriver driver = side == Side.Refit
            ? RefitGeneratorHost.CreateDriver(ParseOptions, RefitBuildProperties(assemblyName))
            : CSharpGeneratorDriver.Create([new Auth0ApiGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var run = driver.GetRunResult();
        var generated = run.GeneratedTrees.Select(tree => tree.ToString()).ToImmutableArray();
        var problems = run.Results
            .Where(result => result.Exception is not null)
            .Select(result => result.Exception!.ToString())
            .Concat(generatorDiagnostics.Concat(output.GetDiagnostics())
                .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
                .Select(diagnostic => diagnostic.ToString()))
            .ToList();
        if (problems.Count > 0 || generated.Length == 0)
        {
            throw new InvalidOperationException(
                $"The {side} corpus did not build cleanly ({generated.Length} generated files):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems));
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(
                $"The {side} corpus did not emit:{Environment.NewLine}"
                + string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        // The default context, so that Refit can find its generated class by name the way it does in a real app.
        image.Position = 0;
        var assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        var interfaces = Enum.GetValues<CorpusInterface>().ToDictionary(
            corpusInterface => corpusInterface,
            corpusInterface => assembly.GetType($"{CorpusNamespace}.{NameOf(corpusInterface)}", throwOnError: true)!);
        return new CompiledCorpus(side, assembly, interfaces, generated);
    }

    private static IEnumerable<MetadataReference> References(Side side)
    {
        // The test host runs on the framework a user targets, so its assemblies stand in for reference assemblies.
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");

        // Each side sees only its own library, so an attribute can never bind to the other library's namesake.
        var library = side == Side.Refit ? typeof(Refit.RestService).Assembly : typeof(Auth0ApiAttribute).Assembly;
        return framework
            .Append(library.Location)
            .Append(typeof(Widget).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    /// <summary>The MSBuild properties Refit's package shows its generator, set to the package's defaults.</summary>
    private static Dictionary<string, string> RefitBuildProperties(string rootNamespace) => new()
    {
        ["build_property.RefitInternalNamespace"] = rootNamespace,
        ["build_property.RefitGeneratedRequestBuilding"] = "true",
        ["build_property.RefitEmitGeneratedCodeMarkers"] = "true",
    };
}

/// <summary>One side's compiled corpus: the loaded assembly, the interfaces and the generated sources.</summary>
internal sealed record CompiledCorpus(
    Side Side,
    Assembly Assembly,
    IReadOnlyDictionary<CorpusInterface, Type> Interfaces,
    ImmutableArray<string> GeneratedSources);
