using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Auth0ClientGen.Comparison;

/// <summary>
/// Refit's source generator, loaded from the analyzer its package ships, for the parity tests and the benchmarks to
/// run it beside ours. Each project that compiles this file copies that analyzer beside its output as
/// <c>RefitGenerator/InterfaceStubGeneratorV2.dll</c>.
/// </summary>
internal static class RefitGeneratorHost
{
    private static readonly Lazy<ISourceGenerator> Generator = new(Load);

    /// <summary>A driver for Refit's generator that reads <paramref name="buildProperties"/> as MSBuild would pass them.</summary>
    public static CSharpGeneratorDriver CreateDriver(
        CSharpParseOptions parseOptions,
        Dictionary<string, string> buildProperties)
        => CSharpGeneratorDriver.Create(
            [Generator.Value],
            parseOptions: parseOptions,
            optionsProvider: new BuildProperties(buildProperties));

    private static ISourceGenerator Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "RefitGenerator", "InterfaceStubGeneratorV2.dll");
        var generators = AssemblyLoadContext.Default.LoadFromAssemblyPath(path)
            .GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(type => Activator.CreateInstance(type) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                _ => throw new InvalidOperationException($"{type} is marked [Generator] but is not one."),
            })
            .ToList();
        return generators.Count == 1
            ? generators[0]
            : throw new InvalidOperationException($"Expected one generator in {path}, found {generators.Count}.");
    }

    private sealed class BuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
