using System.Collections.Generic;
using System.Linq;
using System.Reflection;
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

        var written = 0;
        var writtenFullNames = 0;
        var mismatches = new List<string>();
        foreach (var compilation in compilations)
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
