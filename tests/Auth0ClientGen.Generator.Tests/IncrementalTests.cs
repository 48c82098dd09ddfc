using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Auth0ClientGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The generator must do no work when nothing it depends on changed, and its pipeline must hold no
/// symbols, syntax or compilations, which would keep whole compilations alive in the IDE.
/// </summary>
public class IncrementalTests
{
    // Every named step of the pipeline.
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.ParsedInterfaces, TrackingNames.ParsedModels, TrackingNames.ImplementableModels,
        TrackingNames.Clients, TrackingNames.ClientNames, TrackingNames.AllClientNames, TrackingNames.ClientNameClashes,
        TrackingNames.ParsedDiagnostics, TrackingNames.Diagnostics,
    ];

    private const string UnrelatedFile = """
        namespace Shop;
        public static class Unrelated { public static int Value => 1; }
        """;

    public static TheoryData<string> Inputs => new()
    {
        TestSources.ReadmeExample,
        TestSources.ManagementApiUsers,
        TestSources.ReturnTypes,
        TestSources.AwkwardNames,
        TestSources.ValueFormatting,
        TestSources.BodiesHeadersAndGenerics,
        TestSources.QueryObjectsCollectionsAndRoutes,
        TestSources.GenericBaseInterfaces,
        TestSources.GenericMethodConstraints,
        TestSources.KeywordsAndNamesTheGeneratedCodeUses,
        TestSources.SameNameInAnotherNamespace,
        TestSources.NestedAndInternalInterfaces,
        TestSources.NullableContexts,
        TestSources.UserPartialClientClass,
        TestSources.ApiResponsesAndStreaming,
        TestSources.FormsAndHeaderCollections,
        TestSources.ScopesAndAnonymousCalls,
        TestSources.MultipartUploads,
        TestSources.JsonSerializerContextForAot,
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EditingAnUnrelatedFileLeavesEveryStepCached(string input)
    {
        var compilation = GeneratorHarness.CreateCompilation(input, UnrelatedFile);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = ReplaceTree(compilation, 1, UnrelatedFile.Replace("=> 1", "=> 2"));
        AssertEveryStepCached(driver.RunGenerators(edited));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void AWhitespaceOnlyEditLeavesEveryStepCached(string input)
    {
        var compilation = GeneratorHarness.CreateCompilation(input);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        // Blank lines at the top shift every position in the file, yet the models must compare equal.
        var edited = ReplaceTree(compilation, 0, "\n\n    \n" + input.Replace("\n{", "\n  {"));
        AssertEveryStepCached(driver.RunGenerators(edited));
    }

    private static void AssertEveryStepCached(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();

        var outputs = TrackedSteps
            .Where(result.TrackedSteps.ContainsKey)
            .SelectMany(name => result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
            Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"A step re-ran with reason {output.Reason}."));
    }

    [Fact]
    public void EditingARouteRegeneratesOnlyThatClient()
    {
        var compilation = GeneratorHarness.CreateCompilation(TestSources.ManagementApiUsers, TestSources.ReadmeExample);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = ReplaceTree(compilation, 1, TestSources.ReadmeExample.Replace("/orders/{id}", "/v2/orders/{id}"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var clientReasons = result.TrackedSteps[TrackingNames.Clients]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
        Assert.Equal(1, clientReasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, clientReasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("/v2/orders/", result.GeneratedSources.Single(s => s.HintName.Contains("OrdersApiClient")).SourceText.ToString());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void PipelineOutputsHoldNoSymbolsSyntaxOrCompilations(string input)
    {
        var compilation = GeneratorHarness.CreateCompilation(input, DiagnosticSource);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = TrackedSteps
            .SelectMany(name => result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .ToList();
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            AssertHoldsNoCompilerObjects(output, new HashSet<object>(ReferenceEqualityComparer.Instance), "output");
        }
    }

    private const string DiagnosticSource = """
        using System.Threading.Tasks;
        using Auth0ClientGen;
        namespace Broken;
        [Auth0Api]
        public interface IBrokenApi
        {
            Task MissingVerbAsync();
        }
        """;

    private static Compilation ReplaceTree(Compilation compilation, int index, string newSource)
    {
        var oldTree = compilation.SyntaxTrees.ElementAt(index);
        var newTree = CSharpSyntaxTree.ParseText(newSource, GeneratorHarness.ParseOptions, oldTree.FilePath);
        return compilation.ReplaceSyntaxTree(oldTree, newTree);
    }

    private static void AssertHoldsNoCompilerObjects(object? value, HashSet<object> visited, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel
                || (value is Location location && location.IsInSource),
            $"{path} holds a {value.GetType().Name}, which pins a compilation in memory.");

        // Descriptors are shared static objects, and a default ImmutableArray holds nothing.
        if (value is DiagnosticDescriptor || value.GetType().GetProperty("IsDefault")?.GetValue(value) is true)
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                AssertHoldsNoCompilerObjects(item, visited, $"{path}[{i++}]");
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoCompilerObjects(field.GetValue(value), visited, $"{path}.{field.Name}");
        }
    }
}
