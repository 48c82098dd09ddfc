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
/// Each incremental run starts from the driver and compilation the previous run of its scenario left, and gets a
/// compilation made from that one by replacing one file with a newly parsed version, as the IDE makes one after a
/// keystroke. The parse of that small file is inside the measured time, the same for every contender.
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

    // The reference floors read the Auth0ClientGen corpus; they write nothing, so there is nothing to check.
    private static readonly Lazy<Side> BindingFloorSide = new(
        () => new Side(
            new GeneratorCorpus(GeneratorSide.Auth0ClientGen),
            () => GeneratorCorpus.CreateFloorDriver(FloorWork.BindMembers)));
    // Ours with every attribute bound by the compiler, as before the parser read plain ones from syntax.
    private static readonly Lazy<Side> BoundAttributesSide = new(() =>
    {
        var corpus = new GeneratorCorpus(GeneratorSide.Auth0ClientGen);
        return new Side(corpus, () => corpus.CreateDriver(readAttributesFromSyntax: false));
    });
    private static readonly Lazy<Side> SignatureFloorSide = new(
        () => new Side(
            new GeneratorCorpus(GeneratorSide.Auth0ClientGen),
            () => GeneratorCorpus.CreateFloorDriver(FloorWork.BindSignatures)));
    private static readonly Lazy<Side> MatchFloorSide = new(
        () => new Side(
            new GeneratorCorpus(GeneratorSide.Auth0ClientGen),
            () => GeneratorCorpus.CreateFloorDriver(FloorWork.MatchOnly)));

    private Side _refit = null!;
    private Side _auth0ClientGen = null!;
    private Side _bindingFloor = null!;
    private Side _signatureFloor = null!;
    private Side _boundAttributes = null!;
    private Side _matchFloor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _refit = RefitSide.Value;
        _auth0ClientGen = Auth0ClientGenSide.Value;
        _bindingFloor = BindingFloorSide.Value;
        _signatureFloor = SignatureFloorSide.Value;
        _boundAttributes = BoundAttributesSide.Value;
        _matchFloor = MatchFloorSide.Value;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Cold run")]
    public GeneratorDriver RefitCold() => _refit.Cold();

    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver Auth0ClientGenCold() => _auth0ClientGen.Cold();

    /// <summary>
    /// Reference, not a contender: our generator with its parser binding every attribute, as before it read plain
    /// attributes from syntax.
    /// </summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver Auth0ClientGenBindingAttributesCold() => _boundAttributes.Cold();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every member, see <see cref="FloorWork.BindMembers"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver FloorBindMembersCold() => _bindingFloor.Cold();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every signature, see <see cref="FloorWork.BindSignatures"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver FloorBindSignaturesCold() => _signatureFloor.Cold();

    /// <summary>Reference, not a contender: ForAttributeWithMetadataName's match alone.</summary>
    [Benchmark, BenchmarkCategory("Cold run")]
    public GeneratorDriver FloorMatchOnlyCold() => _matchFloor.Cold();

    [Benchmark(Baseline = true), BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver RefitUnrelatedEdit() => _refit.UnrelatedEdit();

    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver Auth0ClientGenUnrelatedEdit() => _auth0ClientGen.UnrelatedEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every member, see <see cref="FloorWork.BindMembers"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver FloorBindMembersUnrelatedEdit() => _bindingFloor.UnrelatedEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every signature, see <see cref="FloorWork.BindSignatures"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver FloorBindSignaturesUnrelatedEdit() => _signatureFloor.UnrelatedEdit();

    /// <summary>Reference, not a contender: ForAttributeWithMetadataName's match alone.</summary>
    [Benchmark, BenchmarkCategory("Unrelated edit")]
    public GeneratorDriver FloorMatchOnlyUnrelatedEdit() => _matchFloor.UnrelatedEdit();

    [Benchmark(Baseline = true), BenchmarkCategory("Route edit")]
    public GeneratorDriver RefitRouteEdit() => _refit.RouteEdit();

    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver Auth0ClientGenRouteEdit() => _auth0ClientGen.RouteEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every member, see <see cref="FloorWork.BindMembers"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver FloorBindMembersRouteEdit() => _bindingFloor.RouteEdit();

    /// <summary>
    /// Reference, not a contender: the match and the binding of every signature, see <see cref="FloorWork.BindSignatures"/>.
    /// </summary>
    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver FloorBindSignaturesRouteEdit() => _signatureFloor.RouteEdit();

    /// <summary>Reference, not a contender: ForAttributeWithMetadataName's match alone.</summary>
    [Benchmark, BenchmarkCategory("Route edit")]
    public GeneratorDriver FloorMatchOnlyRouteEdit() => _matchFloor.RouteEdit();

    private sealed class Side
    {
        private readonly GeneratorCorpus _corpus;
        private readonly Func<GeneratorDriver> _createDriver;
        private readonly Typing _unrelatedEdits;
        private readonly Typing _routeEdits;
        private int _version = 2;
        private bool _routeEdited;

        public Side(GeneratorCorpus corpus)
            : this(corpus, corpus.CreateDriver)
        {
            var compilation = corpus.CreateCompilation();
            corpus.RunAndCheck(compilation);
            corpus.RunAndCheck(compilation.ReplaceSyntaxTree(corpus.RoutedFile, corpus.RoutedFileEdited));
        }

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
