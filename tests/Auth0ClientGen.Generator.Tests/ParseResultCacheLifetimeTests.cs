using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The parse cache lives as long as its driver and no longer, and keeps nothing of a file once the compilation has
/// moved on from it: syntax trees outlive drivers in an IDE, so anything a tree kept alive would pile up.
/// </summary>
/// <remarks>
/// Each check sets up in a method of its own that is never inlined, so that no local of the test keeps the objects
/// alive in a debug build.
/// </remarks>
public class ParseResultCacheLifetimeTests
{
    private const string Api = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        [Auth0Api]
        public interface IOrdersApi
        {
            [Get("/orders/{id}")] Task<string> GetAsync(int id);
        }
        """;

    [Fact]
    public void ADroppedDriverLeavesItsCacheCollectableWhileItsTreesLive()
    {
        var compilation = GeneratorHarness.CreateCompilation(Api);
        var cache = RunOnceAndDropTheDriver(compilation);

        Collect();

        Assert.False(cache.IsAlive, "the parse cache of a dropped driver is still reachable from its live syntax trees");
        GC.KeepAlive(compilation);
    }

    [Fact]
    public void AnEditedFileIsNotKeptByTheCache()
    {
        var (driver, oldTree) = RunOnAFileThenOnItsEdit();

        Collect();

        Assert.False(oldTree.IsAlive, "the cache keeps the results, and so the tree, of a file the compilation no longer has");
        GC.KeepAlive(driver);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RunOnceAndDropTheDriver(Compilation compilation)
    {
        var generator = new Auth0ApiGenerator();
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions)
            .RunGenerators(compilation);

        // The run must have used the cache, or the check below would prove nothing.
        Assert.Single(driver.GetRunResult().GeneratedTrees);
        return new WeakReference(generator.ParseResultCache ?? throw new InvalidOperationException("no cache"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (GeneratorDriver Driver, WeakReference OldTree) RunOnAFileThenOnItsEdit()
    {
        var compilation = GeneratorHarness.CreateCompilation(Api);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var oldTree = compilation.SyntaxTrees.Single();
        var editedTree = CSharpSyntaxTree.ParseText(
            Api.Replace("/orders/{id}", "/orders/v2/{id}", StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            oldTree.FilePath);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, editedTree));

        Assert.Contains("/orders/v2/", driver.GetRunResult().GeneratedTrees.Single().ToString(), StringComparison.Ordinal);
        return (driver, new WeakReference(oldTree));
    }

    private static void Collect()
    {
        // Twice, with finalizers in between: a weak table frees its entries from a finalizer.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
