using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// A seeded random walk of edits over a small project. After each edit the driver that saw every earlier version
/// runs forward, as the IDE's does, and a new driver runs on the same compilation; the generated files and the
/// diagnostics must be the same. A parse result the cache hands back when the edit did change it shows up here as
/// a difference. Set ACG_REUSE_STEPS and ACG_REUSE_SEED to walk further or elsewhere.
/// </summary>
public class ParseReuseDifferentialTests(ITestOutputHelper output)
{
    /// <summary>Enough steps to make every kind of edit many times, in a few seconds.</summary>
    public const int DefaultSteps = 400;

    /// <summary>The seed CI walks with, so a failure there fails the same way on every machine.</summary>
    public const int DefaultSeed = 20_261_204;

    [Fact]
    public void Every_edit_gives_what_a_new_driver_gives()
    {
        var steps = ReadSetting("ACG_REUSE_STEPS", DefaultSteps);
        var seed = ReadSetting("ACG_REUSE_SEED", DefaultSeed);
        var project = new EditedProject(new Random(seed));
        // The forward driver tracks no steps, as the IDE's does not. With step tracking on, Roslyn 4.8's driver
        // loses a cached client on some walks (an interface whose client name becomes taken, then any edit) and
        // throws "Unexpected value '(Cached, Added)'" on others (after the nullable context changes), with the parse
        // cache switched off as much as on; walking with tracking needs a newer Roslyn in the tests.
        var generator = new Auth0ApiGenerator();
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions)
            .RunGenerators(project.Compilation);
        var reusedSteps = 0;
        var edits = new List<string>();
        for (var step = 0; step < steps; step++)
        {
            var edit = project.EditOnce();
            edits.Add($"{step}: {edit}");
            var reusedBefore = generator.ParseResultCache!.ReusedCount;
            try
            {
                driver = driver.RunGenerators(project.Compilation);
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException($"Step {step}: " + string.Join("; ", edits.TakeLast(8)), exception);
            }

            var fresh = GeneratorHarness.CreateDriver().RunGenerators(project.Compilation);

            var expected = Describe(fresh);
            var actual = Describe(driver);
            if (expected != actual)
            {
                Assert.Fail($"Step {step} (seed {seed}), after {edit}, the driver that ran forward differs from a new one."
                    + Environment.NewLine + "Last edits: " + string.Join("; ", edits.TakeLast(8))
                    + Environment.NewLine + "Project:" + Environment.NewLine + project.Describe()
                    + Environment.NewLine + "New driver:" + Environment.NewLine + expected
                    + Environment.NewLine + "Driver run forward:" + Environment.NewLine + actual);
            }

            // The driver keeps the object it had when a new result is equal to it, so only the cache can say.
            if (generator.ParseResultCache.ReusedCount > reusedBefore)
            {
                reusedSteps++;
            }
        }

        output.WriteLine($"Seed {seed}, {steps} steps, {reusedSteps} reused a parse result.");

        // A walk in which nothing is reused proves nothing about the cache.
        Assert.True(reusedSteps >= steps / 10, $"Only {reusedSteps} of {steps} steps reused a parse result.");
    }

    /// <summary>The generated files and the diagnostics with their ids, files, spans and messages, as text.</summary>
    private static string Describe(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        var generator = result.Results.Single();
        var sources = generator.GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => source.HintName + Environment.NewLine + source.SourceText);
        var diagnostics = result.Diagnostics
            .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath} "
                + $"{diagnostic.Location.SourceSpan} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}")
            .Order(StringComparer.Ordinal);
        var exception = generator.Exception is null ? [] : new[] { "threw " + generator.Exception };
        return string.Join(Environment.NewLine, sources.Concat(diagnostics).Concat(exception));
    }

    private static int ReadSetting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    /// <summary>
    /// A project of named files, each written from a template with random choices, or left out. An edit writes one
    /// file again, removes or adds one, moves one to the end of the compilation, puts back a version an earlier
    /// step had (the same syntax tree), or changes the compilation's nullable context.
    /// </summary>
    private sealed class EditedProject
    {
        private readonly Random _random;
        private readonly Dictionary<string, List<SyntaxTree>> _history = [];

        public EditedProject(Random random)
        {
            _random = random;
            Compilation = GeneratorHarness.CreateCompilation();
            foreach (var (path, write) in Files)
            {
                if (write(_random, true) is { } source)
                {
                    Compilation = Compilation.AddSyntaxTrees(Parse(path, source));
                }
            }
        }

        public Compilation Compilation { get; private set; }

        /// <summary>Makes one edit and says what it was.</summary>
        public string EditOnce()
        {
            var roll = _random.Next(100);
            if (roll < 40)
            {
                // Most edits in an IDE are to code no API reads.
                return Write(_random.Next(2) == 0 ? "Tools/Unrelated.cs" : "Other/Item.cs");
            }

            if (roll < 50 && Compilation.SyntaxTrees.Count() > 1)
            {
                var moved = Compilation.SyntaxTrees.ElementAt(_random.Next(Compilation.SyntaxTrees.Count()));
                Compilation = Compilation.RemoveSyntaxTrees(moved).AddSyntaxTrees(moved);
                return $"moved {moved.FilePath} to the end";
            }

            if (roll < 57)
            {
                var path = Files[_random.Next(Files.Length)].Path;
                if (_history.TryGetValue(path, out var earlier) && earlier.Count > 0)
                {
                    var restored = earlier[_random.Next(earlier.Count)];
                    SetTree(path, restored);
                    return $"put back an earlier {path}";
                }
            }

            if (roll < 60)
            {
                var options = (CSharpCompilationOptions)Compilation.Options;
                var nullable = options.NullableContextOptions == NullableContextOptions.Enable
                    ? NullableContextOptions.Disable
                    : NullableContextOptions.Enable;
                Compilation = Compilation.WithOptions(options.WithNullableContextOptions(nullable));
                return $"nullable context {nullable}";
            }

            return Write(Files[_random.Next(Files.Length)].Path);
        }

        public string Describe()
            => string.Join(
                Environment.NewLine,
                Compilation.SyntaxTrees.Select(tree => $"// {tree.FilePath}{Environment.NewLine}{tree}"));

        private string Write(string path)
        {
            var write = Files.Single(file => file.Path == path).Write;
            var source = write(_random, _random.Next(4) != 0);
            SetTree(path, source is null ? null : Parse(path, source));
            return source is null ? $"removed {path}" : $"wrote {path}";
        }

        private void SetTree(string path, SyntaxTree? tree)
        {
            var old = Compilation.SyntaxTrees.SingleOrDefault(existing => existing.FilePath == path);
            if (old is not null)
            {
                if (!_history.TryGetValue(path, out var earlier))
                {
                    _history[path] = earlier = [];
                }

                earlier.Add(old);
            }

            Compilation = (old, tree) switch
            {
                (null, null) => Compilation,
                (null, _) => Compilation.AddSyntaxTrees(tree),
                (_, null) => Compilation.RemoveSyntaxTrees(old),
                _ => Compilation.ReplaceSyntaxTree(old, tree),
            };
        }

        private static SyntaxTree Parse(string path, string source)
            => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path);
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    // Each file is written by a function of the random source and whether it should be there at all; a function
    // that returns null leaves the file out. The choices are made so that most versions compile.
    private static readonly (string Path, Func<Random, bool, string?> Write)[] Files =
    [
        ("Api/SearchApi.cs", (random, present) => $$"""
            using System.Threading.Tasks;
            using Auth0ClientGen;
            {{Pick(random, "", "using static Shop.Routes;")}}
            {{Pick(random, "", "#nullable disable", "#nullable enable")}}

            namespace Shop;

            [Auth0Api]
            public partial interface ISearchApi
            {
                [Get({{Pick(random, "Routes.Search", "Search", "Prefixes.Api")}})]
                Task<Result> SearchAsync([Query] Filter filter, {{Pick(random, "Status", "Status?", "[Query] Status")}} status);
            {{Pick(random, "", "    [Get(Routes.Item)] Task<Item?> FindAsync(int id);", "    [Post(\"/items\")] Task CreateAsync([Body] Item item);")}}
            }
            """),
        ("Api/SearchApi.Part.cs", (random, present) => !present ? null : $$"""
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Shop;

            public partial interface ISearchApi
            {
                [Delete("{{Pick(random, "/search/{id}", "/searches/{id}")}}")] Task {{Pick(random, "DeleteAsync", "RemoveAsync")}}(int id);
            }
            """),
        ("Api/ItemsApi.cs", (random, present) => $$"""
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Shop.Items;

            [Auth0Api{{Pick(random, "", "(JsonContext = typeof(ShopJsonContext))")}}]
            public interface IItemsApi : IReadItems
            {
                [Post("/items")] Task<Item> {{Pick(random, "CreateAsync", "AddAsync")}}([Body] Item item);
            }
            """),
        ("Api/ReadItems.cs", (random, present) => $$"""
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Shop.Items;

            public interface IReadItems
            {
                [Get({{Pick(random, "\"/items/{id}\"", "Routes.Item")}})] Task<{{Pick(random, "Item", "Result", "Item?")}}> GetAsync(int id);
            {{Pick(random, "", "    [Get(\"/items\")] Task<Result> ListAsync([Query] Filter filter);")}}
            }
            """),
        ("Models.cs", (random, present) => $$"""
            {{Pick(random, "", "#define WIDE")}}
            {{Pick(random, "", "#nullable disable")}}
            using System.Text.Json.Serialization;

            namespace Shop.Models;

            public sealed partial class Filter{{Pick(random, "", " : FilterBase")}}
            {
                {{Pick(random, "", "[JsonPropertyName(\"q\")] ", "[AliasAs(\"query\")] ", "[JsonIgnore] ")}}public {{Pick(random, "string?", "int?", "string")}} {{Pick(random, "Text", "Query")}} { get; set; }
            }

            public sealed class Result
            {
            #if WIDE
                public long Count { get; {{Pick(random, "set", "init")}}; }
            #else
                public {{Pick(random, "int", "string")}} {{Pick(random, "Count", "Total")}} { get; {{Pick(random, "set", "init")}}; }
            #endif
            }

            public sealed record Item(int Id);
            """),
        ("FilterPart.cs", (random, present) => !present ? null : $$"""
            namespace Shop.Models;

            public {{Pick(random, "", "sealed ")}}partial class Filter
            {
                public {{Pick(random, "int", "int?", "Status")}} {{Pick(random, "Page", "Size")}} { get; set; }
            }
            """),
        ("Enums.cs", (random, present) => $$"""
            using System.Runtime.Serialization;
            using System.Text.Json.Serialization;

            namespace Shop.Models;

            public enum Status
            {
                Open,
                {{Pick(random, "", "[EnumMember(Value = \"closed\")] ", "[JsonStringEnumMemberName(\"shut\")] ")}}Closed,
            {{Pick(random, "", "    Pending,", "    Open2 = Open,")}}
            }
            """),
        ("Json/ShopJsonContext.cs", (random, present) => $$"""
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;
            using Shop.Models;

            namespace Shop.Json;

            {{Pick(random, "", "[JsonSerializable(typeof(Item))]")}}
            {{Pick(random, "", "[JsonSerializable(typeof(Result))]")}}
            {{Pick(random, "", "[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]")}}
            {{Pick(random, "public", "internal")}} sealed class ShopJsonContext : JsonSerializerContext
            {
                public ShopJsonContext() : base(null) { }
                public static ShopJsonContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }
            """),
        ("FilterBase.cs", (random, present) => $$"""
            namespace Shop.Models;

            public abstract class FilterBase
            {
                public {{Pick(random, "int", "string?", "Status")}} {{Pick(random, "Limit", "Sort")}} { get; set; }
                public int Twice() => {{random.Next(100)}} * 2;
            }
            """),
        ("Prefixes.cs", (random, present) => $$"""
            namespace Shop;

            public static class Prefixes
            {
                public const string Api = "{{Pick(random, "/api", "/v9", "/api/{id}")}}";
                public static int Unused() => {{random.Next(100)}};
            }
            """),
        ("Api/NestedApi.cs", (random, present) => $$"""
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Shop.Nested;

            public partial class Outer
            {
                [Auth0Api]
                public interface INestedApi
                {
                    [Get({{Pick(random, "Path", "Path + \"/x\"", "Deep")}})] Task<string> GetAsync();
                }
            }
            """),
        ("Api/OuterPart.cs", (random, present) => !present ? null : $$"""
            namespace Shop.Nested;

            public partial class Outer{{Pick(random, "", " : OuterBase")}}
            {
                public const string Path = "{{Pick(random, "/a", "/b", "/c/{id}")}}";
                public int Body() => {{random.Next(100)}};
            }
            """),
        ("OuterBase.cs", (random, present) => !present ? null : $$"""
            namespace Shop.Nested;

            public class OuterBase
            {
                public const string Deep = "{{Pick(random, "/deep", "/deeper")}}";
                public int Body() => {{random.Next(100)}};
            }
            """),
        ("Polyfill.cs", (random, present) => !present ? null : $$"""
            namespace System.Runtime.CompilerServices
            {
                internal static class IsExternalInit
                {
                    public static int Body() => {{random.Next(100)}};
                }
            }
            """),
        ("Routes.cs", (random, present) => $$"""
            namespace Shop;

            public static class Routes
            {
                public const string Search = {{Pick(random, "\"/search\"", "\"/v2/search\"", "Prefix + \"/search\"", "Prefixes.Api + \"/s\"")}};
                public const string Item = "{{Pick(random, "/items/{id}", "/item/{id}", "/items/{key}")}}";
                private const string Prefix = "{{Pick(random, "/api", "/v3")}}";
            }
            """),
        ("GlobalUsings.cs", (random, present) => !present ? null : $$"""
            global using Shop.Models;
            {{Pick(random, "global using Shop.Json;", "", "global using ShopJsonContext = Shop.Json.ShopJsonContext;")}}
            {{Pick(random, "", "global using Filter = Shop.Models.Result;", "global using static Shop.Routes;")}}
            """),
        ("Usings.cs", (random, present) => !present ? null : $$"""
            global using Shop.Json;
            global using Shop.Models;
            """),
        ("Shadow.cs", (random, present) => !present ? null : Pick(
            random,
            "namespace Shop { public sealed class Result { public string? Text { get; set; } } }",
            "namespace Shop.Items { public sealed class Item { public int Key { get; set; } } }",
            "namespace Other { public sealed class Filter { public int Ignored => 1; } }",
            "namespace Shop { public static class Routes2 { public const string Search = \"/x\"; } }",
            "namespace Shop.Items { public enum Status { Other } }")),
        ("Client.cs", (random, present) => !present ? null : Pick(
            random,
            "namespace Shop;\npublic partial class SearchApiClient { }\n",
            "namespace Shop;\npublic partial class SearchApiClient { private int httpClient; }\n",
            $"namespace Shop;\npublic partial class SearchApiClient {{ public int Count() => {random.Next(10)}; }}\n",
            "namespace Shop;\npublic sealed class SearchApiClient { }\n",
            "namespace Shop.Items;\npublic partial class ItemsApiClient { }\n")),
        ("Tools/Unrelated.cs", (random, present) => $$"""
            namespace Shop.Tools;

            public static class Unrelated
            {
                // Edited {{random.Next()}}
                public static int Value => {{random.Next(100)}};
            {{Pick(random, "", "    public static string Name() { return \"x\"; }", "#nullable disable\n    public static string Name() => null;")}}
            }
            """),
        ("Other/Item.cs", (random, present) => $$"""
            namespace Other;

            // A type with the simple name of a model: an edit here is conservatively taken to reach the API.
            public sealed class Item
            {
                public int Value() => {{random.Next(100)}};
            }
            """),
    ];
}
