using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Parser;
using Auth0ClientGen.Generator.Tests.Fuzzing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The parser reads plain attributes on methods and parameters from syntax instead of binding them. These tests
/// pin down when the reader may answer, and check that the generator's output (every client and every
/// diagnostic, with its place and message) is the same with the reader as without it.
/// </summary>
public class SyntaxAttributeReadingTests
{
    private const string Models = """
        namespace Shop
        {
            public sealed class Widget { public int Id { get; set; } }
            public static class Routes { public const string Widgets = "/widgets"; }
        }
        """;

    /// <summary>An interface IApi in namespace Shop whose one method M is <paramref name="method"/>.</summary>
    private static string Api(string method, string usings = "using System.Threading.Tasks;\nusing Auth0ClientGen;")
        => $$"""
            {{usings}}
            namespace Shop
            {
                [Auth0Api(Audience = "https://shop.example.com")]
                public interface IApi
                {
                    {{method}}
                }
            }
            """;

    /// <summary>Declarations whose attributes the reader must read, and what it must read.</summary>
    public static TheoryData<string, string[], string> Readable => new()
    {
        { Api("""[Get("/widgets/{id}")] Task<Widget> M(int id);"""), [], "M: Auth0ClientGen.GetAttribute(/widgets/{id}) | id:" },
        { Api("""[GetAttribute("/widgets")] Task M();"""), [], "M: Auth0ClientGen.GetAttribute(/widgets)" },
        { Api("""[Post(@"/a\b"), AllowAnonymous] Task M();"""), [], @"M: Auth0ClientGen.PostAttribute(/a\b) Auth0ClientGen.AllowAnonymousAttribute()" },
        { Api("""[Get("/widgets")][Scopes("read:widgets", "write:widgets")] Task M();"""), [], "M: Auth0ClientGen.GetAttribute(/widgets) Auth0ClientGen.ScopesAttribute([read:widgets,write:widgets])" },
        { Api("""[Put("/w/{id}")] Task M(int id, [Body] Widget widget, [Header("X-Trace")] string trace, [AliasAs("q")] string? text);"""), [],
            "M: Auth0ClientGen.PutAttribute(/w/{id}) | id: | widget: Auth0ClientGen.BodyAttribute() | trace: Auth0ClientGen.HeaderAttribute(X-Trace) | text: Auth0ClientGen.AliasAsAttribute(q)" },
        { Api("""[Get("/widgets")] Task M();""", usings: "using System.Threading.Tasks;"), ["global using Auth0ClientGen;"], "M: Auth0ClientGen.GetAttribute(/widgets)" },
        { Api("""[Get("/widgets")] Task M();""", usings: "using System.Threading.Tasks;\nusing global::Auth0ClientGen;"), [], "M: Auth0ClientGen.GetAttribute(/widgets)" },
        { Api("""[Get(""" + "\"\"\"\n/raw\n\"\"\"" + """)] Task M();"""), [], "M: Auth0ClientGen.GetAttribute(/raw)" },
        { Api("""[Get("/w\u0041\x42")] Task M();"""), [], "M: Auth0ClientGen.GetAttribute(/wAB)" },
        { Api("""[Get("/widgets"),] Task M();"""), [], "M: Auth0ClientGen.GetAttribute(/widgets)" },

        // An escape in the imported namespace's name changes nothing: the compiler compares names by their value.
        { Api("""[Get("/widgets")] Task M();""", usings: "using System.Threading.Tasks;\nusing Auth0Client\\u0047en;"), [], "M: Auth0ClientGen.GetAttribute(/widgets)" },

        // Another type whose name is not one of the two the compiler tries does not matter. (Query, Headers and Options
        // are not here: the framework assemblies these tests compile against have types or namespaces of those
        // names, so the reader leaves them to the compiler, as it must.)
        { Api("""[Get("/widgets")] Task M();"""), ["namespace Other { public class Widgets { } }"], "M: Auth0ClientGen.GetAttribute(/widgets)" },
    };

    /// <summary>Declarations the reader must leave to the compiler, each for the reason its comment gives.</summary>
    public static TheoryData<string, string[]> LeftToTheCompiler => new()
    {
        // Arguments that are not plain string literals, or are named.
        { Api("""[Get(Routes.Widgets)] Task M();"""), [] },
        { Api("""[Get("/a" + "/b")] Task M();"""), [] },
        { Api("""[Get(path: "/a")] Task M();"""), [] },
        { Api("""[Get("/a", Extra = 1)] Task M();"""), [] },
        { Api("""[Get(null)] Task M();"""), [] },
        { Api("""[Get] Task M();"""), [] },
        { Api("""[Post("/w")] Task M([Body(BodySerializationMethod.UrlEncoded)] Widget widget);"""), [] },
        { Api("""[Get("/w")] Task M([Query(",")] string[] ids);"""), [] },
        { Api("""[Multipart, Post("/w")] Task M();"""), [] },

        // Names written in another form, or with a target.
        { Api("""[Auth0ClientGen.Get("/a")] Task M();"""), [] },
        { Api("""[@Get("/a")] Task M();"""), [] },
        { Api("""[method: Get("/a")] Task M();"""), [] },

        // Attributes of other libraries, duplicates, and ours on the wrong kind of symbol.
        { Api("""[System.Obsolete, Get("/a")] Task M();"""), [] },
        { Api("""[Get("/a"), Get("/b")] Task M();"""), [] },
        { Api("""[Body, Get("/a")] Task M();"""), [] },

        // The name could mean something else: a type, namespace or alias of that name anywhere, another
        // GetAttribute, a type parameter, or our namespace not imported at the top of the file.
        { Api("""[Get("/a")] Task M();"""), ["namespace Other { public sealed class Get : System.Attribute { } }"] },
        { Api("""[Get("/a")] Task M();"""), ["namespace Other { public sealed class GetAttribute : System.Attribute { public GetAttribute(string path) { } } }"] },
        { Api("""[Get("/a")] Task M();"""), ["namespace Get { }"] },
        { Api("""[Get("/a")] Task M();"""), ["using Get = Auth0ClientGen.PostAttribute;"] },
        { Api("""[Get("/a")] Task M<Get>();"""), [] },
        { Api("""[Get("/a")] Task M<GetAttribute>();"""), [] },
        { Api("""[Get("/a")] Task M();""") + "\nfile sealed class Get : System.Attribute { }", [] },
        {
            Api("""[Get("/a")] Task M();""", usings: "using System.Threading.Tasks;\nusing Auth0ClientGen;\nusing static Other.Holder;"),
            ["namespace Other { public static class Holder { public sealed class Get : System.Attribute { } } }"]
        },
        {
            """
            using System.Threading.Tasks;
            using Auth0ClientGen;
            namespace Shop
            {
                public class Outer<Get>
                {
                    [Auth0Api(Audience = "https://shop.example.com")]
                    public interface IApi
                    {
                        [Get("/a")] Task M();
                    }
                }
            }
            """,
            []
        },

        // The same, written with escapes: the compiler compares names by their value.
        { Api("""[Get("/a")] Task M();"""), ["using G\\u0065t = Auth0ClientGen.PostAttribute;"] },
        { Api("""[Get("/a")] Task M();"""), ["using @Get = Auth0ClientGen.PostAttribute;"] },
        { Api("""[Get("/a")] Task M();"""), ["namespace Shop { public sealed class G\\u0065t : System.Attribute { } }"] },
        { Api("""[Get("/a")] Task M();"""), ["namespace Shop.G\\u0065t { internal sealed class Marker { } }"] },
        { Api("""[Get("/a")] Task M<G\u0065t>();"""), [] },
        { Api("""[Get("/a")] Task M<@GetAttribute>();"""), [] },
        { Api("""[G\u0065t("/a")] Task M();"""), [] },

        // Our namespace's name taken by a type or an alias, so "using Auth0ClientGen;" may mean something else.
        { Api("""[Get("/a")] Task M();"""), ["internal sealed class Auth0Client\\u0047en { }"] },
        { Api("""[Get("/a")] Task M();"""), ["global using Auth0ClientGen = System;"] },

        // A parameter list that does not match the method's parameters one for one.
        { Api("""[Get("/a")] Task M([Body] Widget widget, __arglist);"""), [] },
        { Api("""[Get("/a")] Task M();""", usings: "using System.Threading.Tasks;"), [] },
        {
            """
            using System.Threading.Tasks;
            namespace Shop
            {
                using Auth0ClientGen;

                [Auth0Api(Audience = "https://shop.example.com")]
                public interface IApi
                {
                    [Get("/a")] Task M();
                }
            }
            """,
            []
        },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void The_reader_reads_our_attributes_written_plainly(string source, string[] otherFiles, string expected)
    {
        var (reader, method) = ReaderFor([source, Models, .. otherFiles]);

        Assert.Equal(expected, Describe(reader, method));
    }

    [Theory]
    [MemberData(nameof(LeftToTheCompiler))]
    public void The_reader_leaves_anything_else_to_the_compiler(string source, string[] otherFiles)
    {
        var (reader, method) = ReaderFor([source, Models, .. otherFiles]);

        Assert.False(
            reader.TryRead(method, out _) && method.Parameters.All(parameter => reader.TryRead(parameter, out _)),
            "The reader read attributes it cannot be sure of.");
    }

    [Fact]
    public void Another_assembly_with_a_GetAttribute_makes_the_reader_leave_Get_to_the_compiler()
    {
        // As when a project migrating from Refit references both libraries.
        var other = CSharpCompilation.Create(
            "OtherLibrary",
            [CSharpSyntaxTree.ParseText("namespace Other { public sealed class GetAttribute(string path) : System.Attribute { } }")],
            GeneratorHarness.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(other.Emit(image).Success);
        var compilation = GeneratorHarness.CreateCompilation(Api("""[Get("/a")] Task M([Body] Widget widget);"""), Models)
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        var method = MethodM(compilation);
        var reader = new SyntaxAttributeReader(NameCensus.Of(compilation));

        Assert.False(reader.TryRead(method, out _));
        Assert.True(reader.TryRead(method.Parameters[0], out var bodyAttributes));
        Assert.Equal(KnownTypeNames.BodyAttribute, Assert.Single(bodyAttributes).ClassName);
    }

    /// <summary>
    /// Compilations whose references, modules or earlier script submissions change what a plain <c>[Get]</c> means,
    /// in ways neither the source nor the referenced assemblies' name lists show; each is built by <see cref="CompilationWithUnusualReferences"/>.
    /// </summary>
    public static TheoryData<string> UnusualReferences => new()
    {
        // A module added to the assembly declares Shop.Get, which the compiler finds before our GetAttribute.
        "module declaring Shop.Get",

        // A module added to the assembly declares its own Auth0ClientGen.GetAttribute, which wins over ours.
        "module declaring Auth0ClientGen.GetAttribute",

        // A script whose earlier submission declared Get.
        "script after a submission declaring Get",

        // Our library referenced under an extern alias only: "using Auth0ClientGen;" imports a namespace of the
        // user's, and [Get] names nothing.
        "runtime under an extern alias only",

        // A lookalike of our library (as a fork or an older copy would be) whose ScopesAttribute also takes one
        // string, so [Scopes("a")] binds to that constructor and is not an array.
        "lookalike with a second Scopes constructor",

        // A lookalike whose GetAttribute the compiler will not apply: abstract, or not an attribute at all.
        "lookalike with an abstract GetAttribute",
        "lookalike with a GetAttribute that is no attribute",

        // A lookalike whose GetAttribute constructor requires a compiler feature this compiler lacks, so the
        // compiler will not call it.
        "lookalike whose GetAttribute constructor requires an unknown compiler feature",

        // Names the census must find in references: a nested type reached through a base interface, a namespace's
        // last part, a second module of a referenced assembly, a compilation referenced as a project, an internal
        // type made visible to the user's assembly.
        "reference nesting Get in a base interface",
        "reference declaring namespace Shop.Get",
        "reference whose second module declares Shop.Get",
        "compilation reference declaring Shop.Get",
        "reference with an internal Shop.Get visible to the user",
    };

    [Theory]
    [MemberData(nameof(UnusualReferences))]
    public void Unusual_references_give_the_same_output_either_way(string @case)
    {
        var compilation = CompilationWithUnusualReferences(@case);

        Assert.Equal(
            Generate(compilation, readAttributesFromSyntax: false).Output,
            Generate(compilation, readAttributesFromSyntax: true).Output);
    }

    [Theory]
    [MemberData(nameof(UnusualReferences))]
    public void Unusual_references_leave_Get_to_the_compiler(string @case)
    {
        var compilation = CompilationWithUnusualReferences(@case);
        var reader = new SyntaxAttributeReader(NameCensus.Of(compilation));

        Assert.False(reader.TryRead(MethodM(compilation), out _), "The reader read an attribute it cannot be sure of.");
    }

    [Fact]
    public void A_lookalike_of_our_library_shaped_like_ours_is_still_read()
    {
        // The checks that keep lookalikes out must not keep out a library whose attributes are built like ours.
        var compilation = CompilationWithLibrary(
            Api("""[Get("/a")] Task M();"""),
            LookalikeRuntime("public sealed class GetAttribute(string path) : System.Attribute { }"));
        var reader = new SyntaxAttributeReader(NameCensus.Of(compilation));

        Assert.True(reader.TryRead(MethodM(compilation), out var attributes));
        Assert.Equal("Auth0ClientGen.GetAttribute", Assert.Single(attributes).ClassName);
        Assert.Equal(
            Generate(compilation, readAttributesFromSyntax: false).Output,
            Generate(compilation, readAttributesFromSyntax: true).Output);
    }

    [Fact]
    public void A_driver_kept_across_edits_that_change_what_Get_means_gives_what_a_new_driver_gives()
    {
        // As in the IDE: one driver sees every edit, while a new driver that binds every attribute says what is right.
        var generator = new Auth0ApiGenerator();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);
        Compilation compilation = GeneratorHarness.CreateCompilation(
            Api("""[Get("/a")] Task M([Body] Widget widget, [Header("X-A")] string a);"""),
            Models,
            "namespace Other { public class Holder { } }");
        var edited = compilation.SyntaxTrees.Last();
        var edits = new[]
        {
            "namespace Other { public class Holder { } }",
            "namespace Other { public class Holder { public class Get : System.Attribute { } } }",
            "namespace Other { public class Holder { } }",
            "using Get = Auth0ClientGen.PostAttribute;\nnamespace Other { public class Holder { } }",
            "namespace Other { public class Holder { } }",
            "namespace Other { using Body = Auth0ClientGen.QueryAttribute; public class Holder { } }",
            "namespace Other { public class Holder { } }",
            "namespace Other { public class Holder { } } namespace Get { }",
            "namespace Other { public class Holder { } }",
            "namespace Auth0ClientGen { public class Holder { public class HeaderAttribute : System.Attribute { } } }",
            "namespace Other { public class Holder { } }",
            "namespace Other { public class Holder { } } class Auth0ClientGen { }",
            "namespace Other { public class Holder { } }",
            "extern alias Get; namespace Other { public class Holder { } }",
            "namespace Other { public class Holder { } }",
        };

        foreach (var edit in edits)
        {
            var tree = CSharpSyntaxTree.ParseText(edit, GeneratorHarness.ParseOptions, path: edited.FilePath);
            compilation = compilation.ReplaceSyntaxTree(edited, tree);
            edited = tree;
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

            Assert.True(
                Generate(compilation, readAttributesFromSyntax: false).Output == Describe(driver.GetRunResult(), diagnostics),
                $"After the edit to \"{edit}\" the kept driver gives another output.");
        }

        // References change too: a module declaring Shop.Get is added, then taken away again.
        var module = Module("namespace Shop { public sealed class Get : System.Attribute { } }");
        foreach (var (change, next) in new[]
        {
            ("adding a module", compilation.AddReferences(module)),
            ("removing the module", compilation),
        })
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(next, out _, out var diagnostics);

            Assert.True(
                Generate(next, readAttributesFromSyntax: false).Output == Describe(driver.GetRunResult(), diagnostics),
                $"After {change} the kept driver gives another output.");
        }

        Assert.True(generator.ParseResultCache!.ReadFromSyntaxCount > 0, "The reader read nothing, so the comparison proves nothing.");
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void Readable_declarations_give_the_same_output_either_way(string source, string[] otherFiles, string expected)
    {
        _ = expected;
        var compilation = GeneratorHarness.CreateCompilation([source, Models, .. otherFiles]);

        var (withReader, readCount) = Generate(compilation, readAttributesFromSyntax: true);
        var (withCompiler, _) = Generate(compilation, readAttributesFromSyntax: false);

        Assert.True(readCount > 0, "The reader read nothing, so the comparison proves nothing.");
        Assert.Equal(withCompiler, withReader);
    }

    [Theory]
    [MemberData(nameof(LeftToTheCompiler))]
    public void Declarations_left_to_the_compiler_give_the_same_output_either_way(string source, string[] otherFiles)
    {
        var compilation = GeneratorHarness.CreateCompilation([source, Models, .. otherFiles]);

        Assert.Equal(
            Generate(compilation, readAttributesFromSyntax: false).Output,
            Generate(compilation, readAttributesFromSyntax: true).Output);
    }

    [Fact]
    public void Every_test_source_gives_the_same_output_either_way()
    {
        var sources = typeof(TestSources)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (Name: field.Name, Source: (string)field.GetRawConstantValue()!))
            .ToList();
        Assert.True(sources.Count >= 15, "The test sources were not found.");

        var read = 0;
        foreach (var (name, source) in sources)
        {
            var compilation = GeneratorHarness.CreateCompilation(source);
            var (withReader, readCount) = Generate(compilation, readAttributesFromSyntax: true);
            read += readCount;
            Assert.True(
                Generate(compilation, readAttributesFromSyntax: false).Output == withReader,
                $"{name} gives another output when attributes are read from syntax.");
        }

        Assert.True(read > 100, $"The reader read only {read} methods and parameters over all test sources.");
    }

    [Fact]
    public void Fuzzed_declarations_give_the_same_output_either_way()
    {
        var corpus = FuzzCorpus.Instance;
        var fuzzer = new GeneratorFuzzer(corpus);
        var cases = Enumerable.Range(0, 1_000)
            .Select(index => DeclarationMutator.CreateCase(corpus, GeneratorFuzzTests.DefaultSeed + 1, index))
            .ToList();

        var casesRead = 0;
        var differences = new System.Collections.Concurrent.ConcurrentBag<string>();
        System.Threading.Tasks.Parallel.ForEach(cases, fuzzCase =>
        {
            var compilation = fuzzer.CompilationFor(fuzzCase);
            var (withReader, readCount) = Generate(compilation, readAttributesFromSyntax: true);
            if (readCount > 0)
            {
                System.Threading.Interlocked.Increment(ref casesRead);
            }

            if (Generate(compilation, readAttributesFromSyntax: false).Output != withReader)
            {
                differences.Add(fuzzCase.ToString());
            }
        });

        Assert.True(differences.IsEmpty, $"Other output with the reader in: {string.Join(", ", differences.Take(10))}");
        Assert.True(casesRead > cases.Count / 2, $"The reader read attributes in only {casesRead} of {cases.Count} cases.");
    }

    private static (SyntaxAttributeReader Reader, IMethodSymbol Method) ReaderFor(string[] sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources);
        return (new SyntaxAttributeReader(NameCensus.Of(compilation)), MethodM(compilation));
    }

    private static IMethodSymbol MethodM(Compilation compilation)
        => compilation.GetSymbolsWithName("IApi", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single()
            .GetMembers("M").OfType<IMethodSymbol>().Single();

    private static Compilation CompilationWithUnusualReferences(string @case)
    {
        var plain = Api("""[Get("/a")] Task M();""");
        return @case switch
        {
            "module declaring Shop.Get" => GeneratorHarness.CreateCompilation(plain, Models)
                .AddReferences(Module("namespace Shop { public sealed class Get : System.Attribute { } }")),
            "module declaring Auth0ClientGen.GetAttribute" => GeneratorHarness.CreateCompilation(plain, Models)
                .AddReferences(Module("""
                    namespace Auth0ClientGen
                    {
                        public sealed class GetAttribute(string path, string name = "") : System.Attribute { }
                    }
                    """)),
            "script after a submission declaring Get" => CSharpCompilation.CreateScriptCompilation(
                "Second",
                Parse(
                    """
                    using System.Threading.Tasks;
                    using Auth0ClientGen;
                    [Auth0Api(Audience = "https://shop.example.com")]
                    public interface IApi { [Get("/a")] Task M(); }
                    """,
                    SourceCodeKind.Script),
                GeneratorHarness.MetadataReferences,
                previousScriptCompilation: CSharpCompilation.CreateScriptCompilation(
                    "First",
                    Parse("public sealed class Get : System.Attribute { }", SourceCodeKind.Script),
                    GeneratorHarness.MetadataReferences)),
            "runtime under an extern alias only" => CSharpCompilation.Create(
                "UserAssembly",
                [
                    Parse("extern alias rt;\n" + plain.Replace("[Auth0Api(", "[rt::Auth0ClientGen.Auth0Api(")),
                    Parse("namespace Auth0ClientGen { internal static class Placeholder { } }"),
                    Parse(Models),
                ],
                GeneratorHarness.MetadataReferences.Select(reference => reference == RuntimeReference ? reference.WithAliases(["rt"]) : reference),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            "lookalike with a second Scopes constructor" => CompilationWithLibrary(Api("""[Get("/a")][Scopes("read:widgets")] Task M();"""), LookalikeRuntime("""
                public sealed class GetAttribute(string path) : System.Attribute { }
                public sealed class ScopesAttribute : System.Attribute
                {
                    public ScopesAttribute(params string[] scopes) { }
                    public ScopesAttribute(string scope) { }
                }
                """)),
            "lookalike with an abstract GetAttribute" => CompilationWithLibrary(plain, LookalikeRuntime(
                "public abstract class GetAttribute : System.Attribute { public GetAttribute(string path) { } }")),
            "lookalike with a GetAttribute that is no attribute" => CompilationWithLibrary(plain, LookalikeRuntime(
                "public class GetAttribute(string path) { }")),
            "lookalike whose GetAttribute constructor requires an unknown compiler feature" => CSharpCompilation.Create(
                "UserAssembly",
                [Parse(plain), Parse(Models)],
                GeneratorHarness.MetadataReferences.Where(reference => reference != RuntimeReference).Append(LookalikeRequiringAnUnknownFeature()),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            "reference nesting Get in a base interface" => GeneratorHarness.CreateCompilation(plain.Replace("interface IApi", "interface IApi : Other.IBase"), Models)
                .AddReferences(Library("namespace Other { public interface IBase { public sealed class Get : System.Attribute { } } }")),
            "reference declaring namespace Shop.Get" => GeneratorHarness.CreateCompilation(plain, Models)
                .AddReferences(Library("namespace Shop.Get { public sealed class Marker { } }")),
            "reference whose second module declares Shop.Get" => GeneratorHarness.CreateCompilation(plain, Models)
                .AddReferences(TwoModuleLibrary("namespace Shop { public sealed class Get : System.Attribute { } }")),
            "compilation reference declaring Shop.Get" => GeneratorHarness.CreateCompilation(plain, Models)
                .AddReferences(LibraryCompilation("namespace Shop { public sealed class Get : System.Attribute { } }").ToMetadataReference()),
            "reference with an internal Shop.Get visible to the user" => GeneratorHarness.CreateCompilation(plain, Models)
                .AddReferences(Library("""
                    [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("UserAssembly")]
                    namespace Shop { internal sealed class Get : System.Attribute { } }
                    """)),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "No such case."),
        };
    }

    private static MetadataReference RuntimeReference => GeneratorHarness.MetadataReferences
        .OfType<PortableExecutableReference>()
        .Single(reference => reference.FilePath == typeof(Auth0ApiAttribute).Assembly.Location);

    /// <summary>A library that declares our namespace's attributes itself, the ones given and [Auth0Api].</summary>
    private static string LookalikeRuntime(string attributes)
        => $$"""
            namespace Auth0ClientGen
            {
                [System.AttributeUsage(System.AttributeTargets.Interface)]
                public sealed class Auth0ApiAttribute : System.Attribute { public string? Audience { get; set; } }
                {{attributes}}
            }
            """;

    /// <summary>The user's source and models, compiled against the framework and the library, without our runtime.</summary>
    private static Compilation CompilationWithLibrary(string source, string library)
        => CSharpCompilation.Create(
            "UserAssembly",
            [Parse(source), Parse(Models)],
            GeneratorHarness.MetadataReferences.Where(reference => reference != RuntimeReference).Append(Library(library)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>
    /// A lookalike of our library whose GetAttribute constructor requires a compiler feature no compiler has. C#
    /// source may not apply CompilerFeatureRequiredAttribute, so the library applies a copy declared in a namespace
    /// of the same length, and its image is patched to name the real one.
    /// </summary>
    private static MetadataReference LookalikeRequiringAnUnknownFeature()
    {
        const string standIn = "System.Runtime.CompilerServicez";
        const string real = "System.Runtime.CompilerServices";
        var image = Emit(LibraryCompilation(
            $$"""
            namespace {{standIn}}
            {
                public sealed class CompilerFeatureRequiredAttribute(string featureName) : System.Attribute { }
            }
            """ + LookalikeRuntime($$"""
                public sealed class GetAttribute : System.Attribute
                {
                    [{{standIn}}.CompilerFeatureRequired("NoSuchFeature")]
                    public GetAttribute(string path) { }
                }
                """)));
        var from = System.Text.Encoding.UTF8.GetBytes(standIn);
        var to = System.Text.Encoding.UTF8.GetBytes(real);
        var patched = 0;
        for (var i = 0; i + from.Length <= image.Length; i++)
        {
            if (image.AsSpan(i, from.Length).SequenceEqual(from))
            {
                to.CopyTo(image, i);
                patched++;
            }
        }

        Assert.Equal(1, patched);
        return MetadataReference.CreateFromImage(image);
    }

    private static SyntaxTree Parse(string source, SourceCodeKind kind = SourceCodeKind.Regular)
        => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions.WithKind(kind));

    private static CSharpCompilation LibraryCompilation(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, params MetadataReference[] extra)
        => CSharpCompilation.Create(
            kind == OutputKind.NetModule ? "OtherModule" : "OtherLibrary",
            [Parse(source)],
            GeneratorHarness.MetadataReferences.Where(reference => reference != RuntimeReference).Concat(extra),
            new CSharpCompilationOptions(kind));

    private static byte[] Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return image.ToArray();
    }

    private static MetadataReference Library(string source) => MetadataReference.CreateFromImage(Emit(LibraryCompilation(source)));

    private static MetadataReference Module(string source)
        => ModuleMetadata.CreateFromImage(Emit(LibraryCompilation(source, OutputKind.NetModule))).GetReference();

    /// <summary>An assembly of two modules, the second declaring <paramref name="source"/>.</summary>
    private static MetadataReference TwoModuleLibrary(string source)
    {
        var module = Emit(LibraryCompilation(source, OutputKind.NetModule));
        var main = Emit(LibraryCompilation(
            "namespace Other { public sealed class Marker { } }",
            OutputKind.DynamicallyLinkedLibrary,
            ModuleMetadata.CreateFromImage(module).GetReference()));
        return AssemblyMetadata.Create(ModuleMetadata.CreateFromImage(main), ModuleMetadata.CreateFromImage(module)).GetReference();
    }

    /// <summary>Every attribute the reader read, as <c>M: Class(arguments) | parameter: Class(arguments)</c>.</summary>
    private static string Describe(SyntaxAttributeReader reader, IMethodSymbol method)
    {
        var parts = new List<string>();
        foreach (var symbol in new ISymbol[] { method }.Concat(method.Parameters))
        {
            Assert.True(reader.TryRead(symbol, out var attributes), $"The reader did not read {symbol.Name}.");
            parts.Add(string.Join(" ", new[] { symbol.Name + ":" }.Concat(attributes.Select(attribute =>
                attribute.ClassName + "(" + string.Join(",", attribute.ConstructorArguments.Select(Describe)) + ")"))));
        }

        return string.Join(" | ", parts);
    }

    private static string Describe(AttributeArgument argument)
        => argument.Kind == TypedConstantKind.Array
            ? "[" + string.Join(",", argument.Values.Select(Describe)) + "]"
            : argument.Value?.ToString() ?? "null";

    /// <summary>
    /// The generator's whole output, as text: each client with its hint name, each diagnostic with its place and
    /// message, and anything it threw; and how many methods and parameters were read from syntax.
    /// </summary>
    private static (string Output, int ReadCount) Generate(Compilation compilation, bool readAttributesFromSyntax)
    {
        var generator = new Auth0ApiGenerator { ReadAttributesFromSyntax = readAttributesFromSyntax };
        // The generated files are parsed as the user's are: a script's as script code.
        var parseOptions = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        return (Describe(driver.GetRunResult(), diagnostics), generator.ParseResultCache!.ReadFromSyntaxCount);
    }

    private static string Describe(GeneratorDriverRunResult run, System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics)
        => string.Join(
            Environment.NewLine,
            run.GeneratedTrees.OrderBy(tree => tree.FilePath, StringComparer.Ordinal).Select(tree => tree.FilePath + Environment.NewLine + tree)
                .Concat(diagnostics.Select(diagnostic => diagnostic.ToString()))
                .Concat(run.Results.Select(result => result.Exception?.ToString() ?? string.Empty)));
}
