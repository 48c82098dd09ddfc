using System;
using System.Collections.Generic;
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
/// Each incremental run starts from the driver and compilation the previous run of its scenario left, and gets a
/// compilation made from that one by replacing one file with a newly parsed version, as the IDE makes one after a
/// keystroke. The parse of that small file is inside the measured time, the same for every contender.
/// </remarks>
[MemoryDiagnoser]

// At least 30 warm-up iterations, not BenchmarkDotNet's 6: the compiler's binding code goes on moving to optimized
// code long after a run's time first looks steady. With the default warm-up, our cold run's measured iterations
// drifted from 64 ms down to 40 ms and Refit's from 99 ms to 85 ms, so the mean mixed warm and still-warming code.
// An explicit --warmupCount (as --quick gives) still wins.
[MinWarmupCount(30)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    // Each generator's output is checked once per process: an in-process run sets up a side once per scenario,
    // and the check compiles the corpus twice.
    private static readonly HashSet<GeneratorSide> Checked = [];

    private Side _side = null!;

    // One setup per side, so a benchmark holds only its own corpus: BenchmarkDotNet collects garbage in full
    // between iterations, and with every side's compilations alive each collection took longer than an iteration.
    [GlobalSetup(Targets = [nameof(RefitCold), nameof(RefitUnrelatedEdit), nameof(RefitRouteEdit)])]
    public void SetupRefit() => _side = CheckedSide(GeneratorSide.Refit);

    [GlobalSetup(Targets =
        [nameof(Auth0ClientGenCold), nameof(Auth0ClientGenUnrelatedEdit), nameof(Auth0ClientGenRouteEdit)])]
    public void SetupAuth0ClientGen() => _side = CheckedSide(GeneratorSide.Auth0ClientGen);

    // Ours with every attribute bound by the compiler, as before the parser read plain ones from syntax.
    [GlobalSetup(Target = nameof(Auth0ClientGenBindingAttributesCold))]
    public void SetupBindingAttributes()
    {
        var corpus = new GeneratorCorpus(GeneratorSide.Auth0ClientGen);
        _side = new Side(corpus, () => corpus.CreateDriver(readAttributesFromSyntax: false));
    }

    // The reference floors read the Auth0ClientGen corpus; they write nothing, so there is nothing to check.
    [GlobalSetup(Targets =
        [nameof(FloorBindMembersCold), nameof(FloorBindMembersUnrelatedEdit), nameof(FloorBindMembersRouteEdit)])]
    public void SetupFloorBindMembers() => _side = FloorSide(FloorWork.BindMembers);

    [GlobalSetup(Targets =
        [
            nameof(FloorBindSignaturesCold),
            nameof(FloorBindSignaturesUnrelatedEdit),
            nameof(FloorBindSignaturesRouteEdit),
        ])]
    public void SetupFloorBindSignatures() => _side = FloorSide(FloorWork.BindSignatures);

    [GlobalSetup(Targets =
        [nameof(FloorMatchOnlyCold), nameof(FloorMatchOnlyUnrelatedEdit), nameof(FloorMatchOnlyRouteEdit)])]
    public void SetupFloorMatchOnly() => _side = FloorSide(FloorWork.MatchOnly);

    // Lets the benchmarks that follow in the same process collect garbage without this side's compilations.
    [GlobalCleanup]
    public void Cleanup() => _side = null!;

    [Benchmark(Baseline = true), BenchmarkCategory("Cold run")]
    public GeneratorDriver RefitCold() => _side.Cold();

    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver Auth0ClientGenCold() => _side.Cold();

    /// <summary>
    /// Reference, not a contender: our generator with its parser binding every attribute, as before it read plain
    /// attributes from syntax.
    /// </summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver Auth0ClientGenBindingAttributesCold() => _side.Cold();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every member, see <see cref="FloorWork.BindMembers"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver FloorBindMembersCold() => _side.Cold();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every signature, see <see cref="FloorWork.BindSignatures"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver FloorBindSignaturesCold() => _side.Cold();

    /// <summary>Reference, not a contender: ForAttributeWithMetadataName's match alone.</summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver FloorMatchOnlyCold() => _side.Cold();

    [Benchmark(Baseline = true), BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver RefitUnrelatedEdit() => _side.UnrelatedEdit();

    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver Auth0ClientGenUnrelatedEdit() => _side.UnrelatedEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every member, see <see cref="FloorWork.BindMembers"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver FloorBindMembersUnrelatedEdit() => _side.UnrelatedEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every signature, see <see cref="FloorWork.BindSignatures"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver FloorBindSignaturesUnrelatedEdit() => _side.UnrelatedEdit();

    /// <summary>Reference, not a contender: ForAttributeWithMetadataName's match alone.</summary>
    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver FloorMatchOnlyUnrelatedEdit() => _side.UnrelatedEdit();

    [Benchmark(Baseline = true), BenchmarkCategory("Route edit")]
    public GeneratorDriver RefitRouteEdit() => _side.RouteEdit();

    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver Auth0ClientGenRouteEdit() => _side.RouteEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every member, see <see cref="FloorWork.BindMembers"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver FloorBindMembersRouteEdit() => _side.RouteEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every signature, see <see cref="FloorWork.BindSignatures"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver FloorBindSignaturesRouteEdit() => _side.RouteEdit();

    /// <summary>Reference, not a contender: ForAttributeWithMetadataName's match alone.</summary>
    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver FloorMatchOnlyRouteEdit() => _side.RouteEdit();

    private static Side CheckedSide(GeneratorSide generator)
    {
        var corpus = new GeneratorCorpus(generator);
        if (!Checked.Contains(generator))
        {
            var compilation = corpus.CreateCompilation();
            corpus.RunAndCheck(compilation);
            corpus.RunAndCheck(compilation.ReplaceSyntaxTree(corpus.RoutedFile, corpus.RoutedFileEdited));
            Checked.Add(generator);
        }

        return new Side(corpus, corpus.CreateDriver);
    }

    private static Side FloorSide(FloorWork work)
        => new(new GeneratorCorpus(GeneratorSide.Auth0ClientGen), () => GeneratorCorpus.CreateFloorDriver(work));

    private sealed class Side
    {
        private readonly GeneratorCorpus _corpus;
        private readonly Func<GeneratorDriver> _createDriver;
        private readonly Typing _unrelatedEdits;
        private readonly Typing _routeEdits;
        private int _version = 2;
        private bool _routeEdited;

        public Side(GeneratorCorpus corpus, Func<GeneratorDriver> createDriver)
        {
            _corpus = corpus;
            _createDriver = createDriver;
            _unrelatedEdits = new Typing(corpus, createDriver, corpus.UnrelatedFile);
            _routeEdits = new Typing(corpus, createDriver, corpus.RoutedFile);
        }

        public GeneratorDriver Cold() => _createDriver().RunGenerators(_corpus.CreateCompilation());

        public GeneratorDriver UnrelatedEdit() => _unrelatedEdits.Edit(_corpus.ParseUnrelatedFile(_version++));

        public GeneratorDriver RouteEdit() => _routeEdits.Edit(_corpus.ParseRoutedFile(_routeEdited = !_routeEdited));
    }

    /// <summary>
    /// One file edited again and again, as while typing: every run starts from the driver and the compilation the
    /// previous run left, and gets that compilation with the file replaced by a newly parsed version.
    /// </summary>
    /// <remarks>
    /// A new tree every time matters: a generator may keep what it learnt from a tree, so giving it the same edited
    /// tree again would measure a run in which nothing changed.
    /// </remarks>
    private sealed class Typing
    {
        private GeneratorDriver _driver;
        private CSharpCompilation _compilation;
        private SyntaxTree _file;

        public Typing(GeneratorCorpus corpus, Func<GeneratorDriver> createDriver, SyntaxTree file)
        {
            _compilation = corpus.CreateCompilation();
            _driver = createDriver().RunGenerators(_compilation);
            _file = file;
        }

        public GeneratorDriver Edit(SyntaxTree edited)
        {
            _compilation = _compilation.ReplaceSyntaxTree(_file, edited);
            _file = edited;
            return _driver = _driver.RunGenerators(_compilation);
        }
    }
}
