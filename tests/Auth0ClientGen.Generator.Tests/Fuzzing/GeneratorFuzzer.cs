using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Tests.Fuzzing;

/// <summary>What became of one fuzz case.</summary>
internal enum FuzzOutcome
{
    /// <summary>No diagnostic, and the user's code and the generated client compile without error or warning.</summary>
    Clean,

    /// <summary>The generator reported at least one ACG diagnostic.</summary>
    Reported,

    /// <summary>
    /// The user's code does not compile on its own (a syntax error, an unknown type, a duplicate parameter), and
    /// the generated code adds no error of a kind the user's code does not already have. The generator owes no
    /// ACG diagnostic for what the compiler reports.
    /// </summary>
    BrokenInput,

    /// <summary>The generator threw, or the driver reported CS8784 or CS8785.</summary>
    GeneratorFailed,

    /// <summary>The build fails because of the generated code, and no ACG diagnostic says why.</summary>
    SilentlyBroken,
}

internal sealed record FuzzResult(FuzzCase Case, FuzzOutcome Outcome, string Detail)
{
    public bool Failed => Outcome is FuzzOutcome.GeneratorFailed or FuzzOutcome.SilentlyBroken;
}

/// <summary>
/// Runs the generator on fuzz cases. The references and the corpus models are parsed and loaded once; each case
/// adds its own syntax tree to that base compilation and gets a fresh driver, so no case can see another's state.
/// </summary>
internal sealed class GeneratorFuzzer
{
    // The compiler's "generator failed to initialize" and "generator threw" warnings.
    private static readonly string[] GeneratorFailureIds = ["CS8784", "CS8785"];

    private readonly CSharpCompilation _baseCompilation;

    public GeneratorFuzzer(FuzzCorpus corpus)
    {
        // Pointer types are among the mutations, so unsafe code is allowed: an unsafe interface is legal C# and
        // the client must then compile too. Warnings are errors, as in this repository's own builds.
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            allowUnsafe: true);

        // The models are compiled once into a reference, so a case binds only its own code and the client.
        var models = CSharpCompilation.Create(
            "FuzzModels",
            [CSharpSyntaxTree.ParseText(corpus.Models, GeneratorHarness.ParseOptions, path: "CorpusModels.cs")],
            GeneratorHarness.MetadataReferences,
            options);
        using var image = new MemoryStream();
        var emitted = models.Emit(image);
        ModelErrors = emitted.Diagnostics.Where(IsError).ToList();
        _baseCompilation = CSharpCompilation.Create(
            "FuzzAssembly",
            [],
            [.. GeneratorHarness.MetadataReferences, MetadataReference.CreateFromImage(image.ToArray())],
            options);
    }

    /// <summary>The errors of the models alone; none, or every case would count as broken input.</summary>
    public IReadOnlyList<Diagnostic> ModelErrors { get; }

    /// <summary>The case's source added to the base compilation, as <see cref="Run"/> compiles it.</summary>
    public CSharpCompilation CompilationFor(FuzzCase fuzzCase)
        => _baseCompilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(fuzzCase.Source, GeneratorHarness.ParseOptions, path: "Fuzz.cs"));

    public FuzzResult Run(FuzzCase fuzzCase)
    {
        var input = CompilationFor(fuzzCase);
        var driver = CSharpGeneratorDriver.Create(
            [new Auth0ApiGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions);

        Compilation output;
        System.Collections.Immutable.ImmutableArray<Diagnostic> generatorDiagnostics;
        GeneratorDriverRunResult run;
        try
        {
            run = driver.RunGeneratorsAndUpdateCompilation(input, out output, out generatorDiagnostics).GetRunResult();
        }
        catch (Exception exception)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.GeneratorFailed, $"The driver threw: {exception}");
        }

        var thrown = run.Results.Select(result => result.Exception).FirstOrDefault(exception => exception is not null);
        var failure = generatorDiagnostics.Concat(run.Diagnostics)
            .FirstOrDefault(diagnostic => GeneratorFailureIds.Contains(diagnostic.Id));
        if (thrown is not null || failure is not null)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.GeneratorFailed, thrown?.ToString() ?? failure!.ToString());
        }

        var reported = generatorDiagnostics.Where(d => d.Id.StartsWith("ACG", StringComparison.Ordinal)).ToList();
        if (reported.Count > 0)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.Reported, string.Join(", ", reported.Select(d => d.Id).Distinct()));
        }

        var outputErrors = output.GetDiagnostics().Where(IsError).ToList();
        if (outputErrors.Count == 0)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.Clean, "");
        }

        // Only now is the input compiled on its own. An error the generated code did not add is the user's. The
        // client may repeat one of the user's errors where it restates a broken declaration (an unknown type,
        // a pointer outside unsafe code), but it may add no error of another kind.
        var inputErrors = input.GetDiagnostics().Where(IsError).ToList();
        var inputErrorIds = inputErrors.Select(error => error.Id).ToHashSet();
        var inputErrorPlaces = inputErrors.Select(Identify).ToHashSet();
        var added = outputErrors
            .Where(error => !inputErrorPlaces.Contains(Identify(error)) && !inputErrorIds.Contains(error.Id))
            .ToList();
        return added.Count == 0
            ? new FuzzResult(fuzzCase, FuzzOutcome.BrokenInput, string.Join(", ", outputErrors.Select(d => d.Id).Distinct()))
            : new FuzzResult(
                fuzzCase,
                FuzzOutcome.SilentlyBroken,
                string.Join(Environment.NewLine, added.Take(5).Select(error => Describe(error, output))));
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static (string Id, string Path, int Start) Identify(Diagnostic diagnostic)
        => (diagnostic.Id, diagnostic.Location.SourceTree?.FilePath ?? "", diagnostic.Location.SourceSpan.Start);

    private static string Describe(Diagnostic error, Compilation output)
    {
        var tree = error.Location.SourceTree;
        var line = tree is null || !output.SyntaxTrees.Contains(tree)
            ? ""
            : tree.GetText().Lines.GetLineFromPosition(error.Location.SourceSpan.Start).ToString().Trim();
        return $"{error} // {line}";
    }
}
