using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Benchmarks.Generators;

/// <summary>
/// Each generator through CSharpGeneratorDriver on its side of the same corpus (100 interfaces of 10 methods), as the
/// IDE runs it: once on a project just opened, then after an edit to a file no API is in, then after one route
/// changed. Refit's generator is the baseline of each scenario.
/// </summary>
/// <remarks>
/// Each incremental run starts from a driver that has already run on the unedited project, and gets a compilation
/// made from that project's by replacing one file, as the IDE makes one after a keystroke.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    // Built once per process: an in-process run measures every scenario in one process, and each side's setup
    // compiles its corpus twice to check it.
    private static readonly Lazy<Side> RefitSide = new(() => new Side(new GeneratorCorpus(GeneratorSide.Refit)));
    private static readonly Lazy<Side> Auth0ClientGenSide = new(
        () => new Side(new GeneratorCorpus(GeneratorSide.Auth0ClientGen)));

    private Side _refit = null!;
    private Side _auth0ClientGen = null!;

    [GlobalSetup]
    public void Setup()
    {
        _refit = RefitSide.Value;
        _auth0ClientGen = Auth0ClientGenSide.Value;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Cold run")]
    public GeneratorDriver RefitCold() => _refit.Cold();

    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver Auth0ClientGenCold() => _auth0ClientGen.Cold();

    [Benchmark(Baseline = true), BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver RefitUnrelatedEdit() => _refit.UnrelatedEdit();

    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver Auth0ClientGenUnrelatedEdit() => _auth0ClientGen.UnrelatedEdit();

    [Benchmark(Baseline = true), BenchmarkCategory("Route edit")]
    public GeneratorDriver RefitRouteEdit() => _refit.RouteEdit();

    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver Auth0ClientGenRouteEdit() => _auth0ClientGen.RouteEdit();

    private sealed class Side
    {
        private readonly GeneratorCorpus _corpus;
        private readonly CSharpCompilation _compilation;
        private readonly GeneratorDriver _warmDriver;

        public Side(GeneratorCorpus corpus)
        {
            _corpus = corpus;
            _compilation = corpus.CreateCompilation();
            _warmDriver = corpus.RunAndCheck(_compilation);
            corpus.RunAndCheck(_compilation.ReplaceSyntaxTree(corpus.RoutedFile, corpus.RoutedFileEdited));
        }

        public GeneratorDriver Cold() => _corpus.CreateDriver().RunGenerators(_corpus.CreateCompilation());

        public GeneratorDriver UnrelatedEdit()
            => _warmDriver.RunGenerators(
                _compilation.ReplaceSyntaxTree(_corpus.UnrelatedFile, _corpus.UnrelatedFileEdited));

        public GeneratorDriver RouteEdit()
            => _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_corpus.RoutedFile, _corpus.RoutedFileEdited));
    }
}
