using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Parser;
using Auth0ClientGen.Generator.Tests.Fuzzing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The parser writes common type names itself instead of asking Roslyn's display machinery, in both of its
/// formats; each name it writes must be exactly what Roslyn displays.
/// </summary>
public class QualifiedTypeNameTests
{
    private static readonly SymbolDisplayFormat RoslynFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // The parser's format for the names it compares.
    private static readonly SymbolDisplayFormat FullNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    [Fact]
    public void Every_type_the_test_sources_and_fuzz_cases_declare_is_written_as_Roslyn_displays_it()
    {
        var written = 0;
        var writtenFullNames = 0;
        var mismatches = new List<string>();
        foreach (var compilation in Compilations())
        {
            foreach (var type in DeclaredTypes(compilation).SelectMany(type => new[] { type, type.OriginalDefinition }))
            {
                if (QualifiedTypeName.TryWrite(type) is { } name)
                {
                    written++;
                    var expected = type.ToDisplayString(RoslynFormat);
                    if (name != expected)
                    {
                        mismatches.Add($"{name} instead of {expected}");
                    }
                }

                if (QualifiedTypeName.TryWriteFullName(type) is { } fullName)
                {
                    writtenFullNames++;
                    var expected = type.ToDisplayString(FullNameFormat);
                    if (fullName != expected)
                    {
                        mismatches.Add($"{fullName} instead of {expected}");
                    }
                }
            }
        }

        Assert.Empty(mismatches.Distinct());
        Assert.True(written > 1_000, $"Only {written} names were written without Roslyn.");
        Assert.True(writtenFullNames > 1_000, $"Only {writtenFullNames} full names were written without Roslyn.");
    }

    /// <summary>
    /// The parser recognises types by comparing parts instead of building full names; for every type it meets, and
    /// the bases and interfaces of those, the answer must be what comparing full names gives.
    /// </summary>
    [Fact]
    public void Recognising_a_type_by_its_parts_agrees_with_comparing_full_names()
    {
        var knownNames = typeof(KnownTypeNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Where(name => !name.StartsWith("global::"))
            .Concat([
                "System.Uri", "System.DateTimeOffset", "System.IFormattable", "System.IFormatProvider", "System.Object",
                "System.Collections.Generic.KeyValuePair<TKey, TValue>", "System.Collections.Generic.List<T>",
                // Near misses: a wrong type parameter name, a missing or extra namespace, a longer first namespace.
                "System.Threading.Tasks.Task<T>", "Threading.Tasks.Task", "Task", "XSystem.Uri", "Global.System.Uri",
                "System_Threading.Tasks.Task", "SystemXThreading.Tasks.Task",
                "System.Collections.Generic.KeyValuePair<TKey>", "System.Collections.Generic.KeyValuePair<TKey, TValue, TOther>",
            ])
            .ToList();

        var compared = 0;
        var matched = 0;
        var disagreements = new List<string>();
        foreach (var compilation in Compilations())
        {
            var types = DeclaredTypes(compilation)
                .SelectMany(type => new[] { type, type.OriginalDefinition }.Concat(BasesAndInterfaces(type)))
                .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
                .ToList();

            // The name of each type declared in a namespace too (not int? or a tuple, which are named otherwise),
            // so that many comparisons succeed.
            var names = knownNames.Concat(types
                .Where(type => type is INamedTypeSymbol { ContainingType: null, IsTupleType: false, TypeKind: not TypeKind.Error }
                    && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
                .Select(ApiParser.FullName))
                .Distinct()
                .ToList();
            foreach (var type in types)
            {
                foreach (var name in names)
                {
                    compared++;
                    var expected = ApiParser.FullName(type) == name;
                    matched += expected ? 1 : 0;
                    if (ApiParser.IsNamed(type, name) != expected)
                    {
                        disagreements.Add($"{type.ToDisplayString(FullNameFormat)} against {name}: {!expected}");
                    }
                }
            }
        }

        Assert.Empty(disagreements.Distinct());
        Assert.True(matched > 1_000, $"Only {matched} of {compared} comparisons matched.");
    }

    private static IEnumerable<ITypeSymbol> BasesAndInterfaces(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            yield return @interface;
            yield return @interface.OriginalDefinition;
        }
    }

    private static List<Compilation> Compilations()
    {
        var compilations = typeof(TestSources)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (Compilation)GeneratorHarness.CreateCompilation((string)field.GetRawConstantValue()!))
            .ToList();
        var corpus = FuzzCorpus.Instance;
        var fuzzer = new GeneratorFuzzer(corpus);
        compilations.AddRange(Enumerable.Range(0, 300)
            .Select(index => fuzzer.CompilationFor(DeclarationMutator.CreateCase(corpus, GeneratorFuzzTests.DefaultSeed + 2, index))));
        compilations.Add(GeneratorHarness.CreateCompilation("""
            #nullable enable
            using System.Collections.Generic;
            using System.Threading.Tasks;
            namespace @class.Inner
            {
                public sealed class @event { }
                public sealed class record { }
                public interface IShapes<T, U> where U : struct
                {
                    Task<Dictionary<string, List<int?>?>> A(T? value, U? maybe, object? thing, nint size, System.IntPtr pointer);
                    ValueTask<@event?> B(record item, (int, string) pair, int[] values, decimal? amount, Nested? nested);
                    sealed class Nested { }
                }
            }
            #nullable disable
            namespace Plain
            {
                public interface IOblivious { System.Threading.Tasks.Task<string> C(string text, int? number); }
            }
            """));
        return compilations;
    }

    /// <summary>Every method's return and parameter types in the compilation's own source, with their type arguments.</summary>
    private static IEnumerable<ITypeSymbol> DeclaredTypes(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>([compilation.Assembly.GlobalNamespace]);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is IMethodSymbol method)
                {
                    foreach (var type in Parts(method.ReturnType).Concat(method.Parameters.SelectMany(parameter => Parts(parameter.Type))))
                    {
                        yield return type;
                    }
                }
            }
        }
    }

    private static IEnumerable<ITypeSymbol> Parts(ITypeSymbol type)
        => type is INamedTypeSymbol named
            ? new[] { type }.Concat(named.TypeArguments.SelectMany(Parts))
            : [type];
}
