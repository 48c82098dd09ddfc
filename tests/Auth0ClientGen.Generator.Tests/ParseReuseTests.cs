using System;
using System.Collections.Generic;
using System.Linq;
using Auth0ClientGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The parser's result for an interface is reused after an edit that cannot change it, and parsed again after
/// every kind of edit that can, with the same output and diagnostics as a new driver gives.
/// </summary>
public class ParseReuseTests
{
    private const string UnrelatedFile = """
        namespace Shop;
        public static class Unrelated { public static int Value => 1; }
        """;

    [Theory]
    [MemberData(nameof(IncrementalTests.Inputs), MemberType = typeof(IncrementalTests))]
    public void AnEditToAFileNoApiReachesReusesEveryParsedInterface(string input)
    {
        var compilation = GeneratorHarness.CreateCompilation(input, UnrelatedFile);
        var (driver, cache) = CreateDriver(compilation);
        var before = ParsedResults(driver);
        var reusedBefore = cache.ReusedCount;

        var edited = Replace(compilation, "Source1.cs", UnrelatedFile.Replace("=> 1", "=> 2"));
        var after = ParsedResults(driver.RunGenerators(edited));

        // The transform runs again for every interface. The driver keeps the object it had whenever the new result
        // is equal to it, so the objects alone cannot tell a reused result from one parsed again; the cache can.
        Assert.NotEmpty(before);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before.Count, cache.ReusedCount - reusedBefore);
    }

    [Fact]
    public void AMethodBodyEditInAFileDeclaringAnUnrelatedTypeReusesTheResult()
    {
        string[] sources = [Api, Models, UnrelatedFile];
        var compilation = GeneratorHarness.CreateCompilation(sources);
        var (driver, cache) = CreateDriver(compilation);
        var reusedBefore = cache.ReusedCount;

        var edited = Replace(compilation, "Source2.cs", UnrelatedFile.Replace("=> 1", "=> 1 + 1"));
        driver.RunGenerators(edited);

        Assert.Equal(1, cache.ReusedCount - reusedBefore);
    }

    [Fact]
    public void MovingTheFileOfAPartOfThePartialInterfaceParsesItAgain()
    {
        // The compiler lists a partial type's members in the order of its files in the compilation, and so does the
        // client: the same trees in another order are a change.
        var compilation = GeneratorHarness.CreateCompilation(PartialApi, PartialApiPart, UnrelatedFile);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = compilation.SyntaxTrees.First();
        var moved = compilation.RemoveSyntaxTrees(first).AddSyntaxTrees(first);

        var incremental = driver.RunGenerators(moved);

        Assert.Equal(Describe(GeneratorHarness.CreateDriver().RunGenerators(moved)), Describe(incremental));
        Assert.NotEqual(Describe(driver), Describe(incremental));
    }

    private const string PartialApi = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        [Auth0Api]
        public partial interface ISearchApi
        {
            [Get("/search")] Task<string> SearchAsync();
        }
        """;

    private const string PartialApiPart = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        public partial interface ISearchApi
        {
            [Delete("/search/{id}")] Task DeleteAsync(int id);
        }
        """;

    private const string Api = """
        using System.Threading.Tasks;
        using Auth0ClientGen;
        using Shop.Models;

        namespace Shop;

        [Auth0Api]
        public interface ISearchApi
        {
            [Get(Routes.Search)]
            Task<Result> SearchAsync([Query] Filter filter, Status status);
        }
        """;

    private const string Models = """
        using System.Text.Json.Serialization;

        namespace Shop.Models;

        public sealed partial class Filter
        {
            public string? Text { get; set; }
        }

        public sealed class Result
        {
            public int Count { get; set; }
        }

        public enum Status
        {
            Open,
            Closed,
        }

        public static class Routes
        {
            public const string Search = "/search";
        }
        """;

    // The AOT sample split in two: the context and its model in one file, the interface in another.
    private static readonly string AotSample = TestSources.JsonSerializerContextForAot;
    private static readonly string JsonContext = AotSample[..AotSample.IndexOf("[Auth0Api", StringComparison.Ordinal)];
    private static readonly string JsonApi
        = AotSample[..AotSample.IndexOf("public sealed record", StringComparison.Ordinal)]
        + AotSample[AotSample.IndexOf("[Auth0Api", StringComparison.Ordinal)..];

    private const string DerivedApi = """
        using Auth0ClientGen;

        namespace Shop;

        [Auth0Api]
        public interface IItemsApi : IReadItems
        {
        }
        """;

    private const string BaseApi = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        public interface IReadItems
        {
            [Get("/items/{id}")] Task<string> GetAsync(int id);
        }
        """;

    /// <summary>Edits that change what the parser reads, each made in a file other than the interface's.</summary>
    public static TheoryData<string> DependentEdits => new(Edits.Keys);

    private const string PartialClientClass = "namespace Shop;\npublic partial class SearchApiClient { }\n";

    // Each gives the compilation the driver last ran on, and the edited one.
    private static readonly Dictionary<string, Func<Compilation, (Compilation Before, Compilation After)>> Edits = new()
    {
        ["a property added to a query object"] = compilation => (compilation, Replace(
            compilation,
            "Source1.cs",
            Models.Replace("public string? Text { get; set; }", "public string? Text { get; set; }\n    public int Page { get; set; }"))),
        ["a partial part with a property added in a new file"] = compilation => (compilation, Add(compilation, """
            namespace Shop.Models;
            public sealed partial class Filter { public int Page { get; set; } }
            """)),
        ["a constant in an attribute argument changed"] = compilation => (compilation, Replace(
            compilation, "Source1.cs", Models.Replace("\"/search\"", "\"/v2/search\""))),
        ["an enum member renamed for the wire"] = compilation => (compilation, Replace(
            compilation,
            "Source1.cs",
            Models.Replace("    Closed,", "    [JsonStringEnumMemberName(\"closed-for-good\")] Closed,"))),
        ["a type that shadows a referenced name added"] = compilation => (compilation, Add(compilation, """
            namespace Shop;
            public sealed class Result { public string? Text { get; set; } }
            """)),
        ["a global using that changes what a name binds to"] = compilation => (compilation, Add(compilation, """
            global using Result = Shop.Models.Filter;
            """)),
        ["a class with the client's name added"] = compilation => (compilation, Add(compilation, """
            namespace Shop;
            public sealed class SearchApiClient { }
            """)),
        ["a member the generated part declares added to the user's partial client class"] = compilation =>
        {
            var withPartialClass = Add(compilation, PartialClientClass);
            return (withPartialClass, Replace(
                withPartialClass, "Source3.cs", PartialClientClass.Replace("{ }", "{ private int httpClient; }")));
        },
        ["a type removed from the JsonSerializerContext"] = _ =>
        {
            var compilation = GeneratorHarness.CreateCompilation(JsonApi, JsonContext, UnrelatedFile);
            return (compilation, Replace(
                compilation, "Source1.cs", JsonContext.Replace("[JsonSerializable(typeof(Order))]", string.Empty)));
        },
        ["a method added to a base interface"] = _ =>
        {
            var compilation = GeneratorHarness.CreateCompilation(DerivedApi, BaseApi, UnrelatedFile);
            return (compilation, Replace(
                compilation,
                "Source1.cs",
                BaseApi.Replace("}", "    [Delete(\"/items/{id}\")] Task DeleteAsync(int id);\n}")));
        },
        ["the nullable context of the compilation changed"] = compilation => (compilation, compilation.WithOptions(
            ((CSharpCompilationOptions)compilation.Options)
                .WithNullableContextOptions(NullableContextOptions.Disable))),
    };

    [Theory]
    [MemberData(nameof(DependentEdits))]
    public void AnEditTheInterfaceDependsOnParsesItAgain(string edit)
    {
        var (compilation, edited) = Edits[edit](GeneratorHarness.CreateCompilation(Api, Models, UnrelatedFile));
        var (driver, cache) = CreateDriver(compilation);
        var reusedBefore = cache.ReusedCount;

        var incremental = driver.RunGenerators(edited);

        // Parsed again, with what a new driver writes and reports, which differs from before the edit.
        Assert.Equal(reusedBefore, cache.ReusedCount);
        Assert.Equal(Describe(GeneratorHarness.CreateDriver().RunGenerators(edited)), Describe(incremental));
        Assert.NotEqual(Describe(driver), Describe(incremental));
    }

    /// <summary>A driver that has run once on <paramref name="compilation"/>, and the parse cache of its pipeline.</summary>
    private static (GeneratorDriver Driver, Parser.ParseResultCache Cache) CreateDriver(Compilation compilation)
    {
        var generator = new Auth0ApiGenerator();
        var driver = CSharpGeneratorDriver.Create(
                [generator.AsSourceGenerator()],
                parseOptions: GeneratorHarness.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(compilation);
        return (driver, generator.ParseResultCache!);
    }

    /// <summary>The generated files and the diagnostics with their locations and messages, as text.</summary>
    private static string Describe(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        var sources = result.Results.Single().GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => source.HintName + Environment.NewLine + source.SourceText);
        var diagnostics = result.Diagnostics
            .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}")
            .Order(StringComparer.Ordinal);
        return string.Join(Environment.NewLine, sources.Concat(diagnostics));
    }

    private static List<object> ParsedResults(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ParsedInterfaces]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .ToList();

    private static Compilation Replace(Compilation compilation, string path, string source)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        var edited = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path);
        return compilation.ReplaceSyntaxTree(old, edited);
    }

    private static Compilation Add(Compilation compilation, string source)
        => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            source, GeneratorHarness.ParseOptions, $"Source{compilation.SyntaxTrees.Count()}.cs"));
}
