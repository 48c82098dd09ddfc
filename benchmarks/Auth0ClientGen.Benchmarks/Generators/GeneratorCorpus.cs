using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Auth0ClientGen.Comparison;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Benchmarks.Generators;

/// <summary>Which generator a corpus is written for.</summary>
public enum GeneratorSide
{
    Refit,
    Auth0ClientGen,
}

/// <summary>
/// A project of <see cref="Interfaces"/> API interfaces with <see cref="MethodsPerInterface"/> methods each, one
/// file per interface, plus a models file and a file unrelated to any API. Both sides get the same declarations;
/// only the using directive and Auth0ClientGen's <c>[Auth0Api]</c> differ.
/// </summary>
public sealed class GeneratorCorpus
{
    public const int Interfaces = 100;

    public const int MethodsPerInterface = 10;

    /// <summary>The interface whose route the route edit changes.</summary>
    private const int EditedInterface = Interfaces / 2;

    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        preprocessorSymbols:
            ["NET", "NETCOREAPP", .. Enumerable.Range(5, 6).Select(major => $"NET{major}_0_OR_GREATER")]);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;

    public GeneratorCorpus(GeneratorSide side)
    {
        Side = side;
        var trees = new List<SyntaxTree>
        {
            Parse("Models.cs", ModelsSource()),
        };
        UnrelatedFile = Parse("Unrelated.cs", UnrelatedSource(1));
        UnrelatedFileEdited = Parse("Unrelated.cs", UnrelatedSource(2));
        trees.Add(UnrelatedFile);
        for (var index = 0; index < Interfaces; index++)
        {
            trees.Add(Parse($"Api{index}.cs", InterfaceSource(side, index, editedRoute: false)));
        }

        _trees = [.. trees];
        RoutedFile = _trees[2 + EditedInterface];
        RoutedFileEdited = Parse($"Api{EditedInterface}.cs", InterfaceSource(side, EditedInterface, editedRoute: true));
        _references = [.. References(side)];
    }

    public GeneratorSide Side { get; }

    public SyntaxTree UnrelatedFile { get; }

    public SyntaxTree UnrelatedFileEdited { get; }

    public SyntaxTree RoutedFile { get; }

    public SyntaxTree RoutedFileEdited { get; }

    /// <summary>A newly parsed <c>Unrelated.cs</c> whose method returns <paramref name="version"/>, as after a keystroke.</summary>
    public SyntaxTree ParseUnrelatedFile(int version) => Parse("Unrelated.cs", UnrelatedSource(version));

    /// <summary>A newly parsed copy of the file the route edit changes, with the route edited or as it was.</summary>
    public SyntaxTree ParseRoutedFile(bool edited)
        => Parse($"Api{EditedInterface}.cs", InterfaceSource(Side, EditedInterface, editedRoute: edited));

    /// <summary>A new compilation of the corpus, which has bound nothing yet, as after opening the project.</summary>
    public CSharpCompilation CreateCompilation()
        => CSharpCompilation.Create($"GeneratorCorpus.{Side}", _trees, _references, CompilationOptions);

    /// <summary>A driver for this side's generator that has run on nothing yet.</summary>
    public GeneratorDriver CreateDriver() => CreateDriver(readAttributesFromSyntax: true);

    /// <summary>
    /// A driver for this side's generator; for ours, <paramref name="readAttributesFromSyntax"/> false makes its parser
    /// bind every attribute, as it did before it read plain ones from syntax.
    /// </summary>
    public GeneratorDriver CreateDriver(bool readAttributesFromSyntax)
        => Side == GeneratorSide.Refit
            ? RefitGeneratorHost.CreateDriver(ParseOptions, new Dictionary<string, string>
            {
                ["build_property.RefitInternalNamespace"] = "GeneratorCorpus",
                ["build_property.RefitGeneratedRequestBuilding"] = "true",
            })
            : CSharpGeneratorDriver.Create(
                [new Generator.Auth0ApiGenerator { ReadAttributesFromSyntax = readAttributesFromSyntax }.AsSourceGenerator()],
                parseOptions: ParseOptions);

    /// <summary>A driver for a reference floor, <see cref="BindingFloorGenerator"/>, on our corpus.</summary>
    public static GeneratorDriver CreateFloorDriver(FloorWork work)
        => CSharpGeneratorDriver.Create(
            [new BindingFloorGenerator(work).AsSourceGenerator()],
            parseOptions: ParseOptions);

    /// <summary>
    /// Runs the generator once and compiles what it wrote, throwing unless both are free of errors and a client
    /// was written for every interface: a benchmark of a generator that failed would measure nothing.
    /// </summary>
    public GeneratorDriver RunAndCheck(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var run = driver.GetRunResult();
        var errors = run.Results
            .Where(result => result.Exception is not null)
            .Select(result => result.Exception!.Message)
            .Concat(diagnostics.Concat(output.GetDiagnostics())
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Take(10)
                .Select(diagnostic => diagnostic.ToString()))
            .ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {Side} corpus did not build:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        var generated = string.Concat(run.GeneratedTrees.Select(tree => tree.ToString()));
        var clients = Enumerable.Range(0, Interfaces)
            .Count(index => generated.Contains($"IResource{index}Api", StringComparison.Ordinal));
        if (clients < Interfaces)
        {
            throw new InvalidOperationException($"The {Side} generator wrote {clients} clients, not {Interfaces}.");
        }

        return driver;
    }

    private static SyntaxTree Parse(string path, string source)
        => CSharpSyntaxTree.ParseText(source, ParseOptions, path: path, encoding: Encoding.UTF8);

    private static string ModelsSource() => """
        using System;
        using System.Collections.Generic;

        namespace GeneratorCorpus;

        public sealed class Resource
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public List<string> Tags { get; set; } = new();
            public DateTimeOffset CreatedAt { get; set; }
        }
        """;

    private static string UnrelatedSource(int version) => $$"""
        namespace GeneratorCorpus;

        public static class Unrelated
        {
            public static int Answer() => {{version}};
        }
        """;

    /// <summary>Ten methods in six shapes: route values, query values, bodies, no result, and ApiResponse.</summary>
    private static string InterfaceSource(GeneratorSide side, int index, bool editedRoute)
    {
        var source = new StringBuilder()
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using System.Threading;")
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine(side == GeneratorSide.Refit ? "using Refit;" : "using Auth0ClientGen;")
            .AppendLine()
            .AppendLine("namespace GeneratorCorpus;")
            .AppendLine();
        if (side == GeneratorSide.Auth0ClientGen)
        {
            source.AppendLine($"[Auth0Api(Audience = \"https://api{index}.example.com\")]");
        }

        source.AppendLine($"public interface IResource{index}Api").AppendLine("{");
        for (var method = 0; method < MethodsPerInterface; method++)
        {
            var path = $"/resources{index}/v{method}";
            var declaration = (method % 6) switch
            {
                0 => $"[Get(\"{path}/{{id}}\")] Task<Resource> Get{method}Async(int id, CancellationToken cancellationToken = default);",
                1 => $"[Get(\"{path}\")] Task<List<Resource>> List{method}Async(string? status, int? limit, CancellationToken cancellationToken = default);",
                2 => $"[Post(\"{path}\")] Task<Resource> Create{method}Async([Body] Resource resource, CancellationToken cancellationToken = default);",
                3 => $"[Put(\"{path}/{{id}}\")] Task Update{method}Async(int id, [Body] Resource resource, CancellationToken cancellationToken = default);",
                4 => $"[Delete(\"{path}/{{id}}\")] Task Delete{method}Async(int id, CancellationToken cancellationToken = default);",
                _ => $"[Get(\"{path}/tenants/{{tenant}}/{{id}}\")] Task<ApiResponse<Resource>> Find{method}Async(string tenant, int id, string? sort, CancellationToken cancellationToken = default);",
            };
            if (editedRoute && method == 3)
            {
                declaration = declaration.Replace("/{id}", "/items/{id}", StringComparison.Ordinal);
            }

            source.Append("    ").AppendLine(declaration);
        }

        return source.AppendLine("}").ToString();
    }

    private static IEnumerable<MetadataReference> References(GeneratorSide side)
    {
        // This process runs on the framework a user's project targets, so its assemblies stand in for the
        // reference assemblies a build would use.
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");

        // Each side sees only its own library, so an attribute can never bind to the other's namesake.
        var library = side == GeneratorSide.Refit
            ? typeof(Refit.RestService).Assembly
            : typeof(Auth0ApiAttribute).Assembly;
        return framework.Append(library.Location).Select(path => MetadataReference.CreateFromFile(path));
    }
}
