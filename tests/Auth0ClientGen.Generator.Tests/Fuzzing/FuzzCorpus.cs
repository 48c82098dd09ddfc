using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Tests.Fuzzing;

/// <summary>
/// The Refit parity corpus, read as text: every method declaration it lists, and the models those declarations
/// use. The parity project owns the corpus; this project copies its two files next to the tests and parses them, so
/// the fuzzer starts from exactly the declarations the parity tests prove correct, with no second copy to drift.
/// </summary>
internal sealed class FuzzCorpus
{
    private const string CorpusFolder = "FuzzCorpus";

    private FuzzCorpus(ImmutableArray<string> declarations, string sideModels, string interfaceHeaders, string models)
    {
        Declarations = declarations;
        SideModels = sideModels;
        InterfaceHeaders = interfaceHeaders;
        Models = models;
    }

    public static FuzzCorpus Instance { get; } = Load();

    /// <summary>Each corpus method as a user writes it, attributes included.</summary>
    public ImmutableArray<string> Declarations { get; }

    /// <summary>The models each side of the parity tests compiles with its own attributes.</summary>
    public string SideModels { get; }

    /// <summary>The <c>[Headers]</c> attribute of the parity tests' second interface.</summary>
    public string InterfaceHeaders { get; }

    /// <summary>The shared models: <c>Widget</c>, <c>WidgetFilter</c>, <c>Order</c> and the rest.</summary>
    public string Models { get; }

    private static FuzzCorpus Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, CorpusFolder);
        var corpus = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(folder, "ParityCorpus.cs"))).GetRoot();

        // Every corpus entry is new("""declaration""", arguments...); the declaration is all the fuzzer needs.
        var declarations = corpus.DescendantNodes()
            .OfType<ImplicitObjectCreationExpressionSyntax>()
            .Select(creation => creation.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Where(literal => literal.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(literal => literal.Token.ValueText)
            .ToImmutableArray();
        if (declarations.Length < 200)
        {
            throw new InvalidOperationException(
                $"Read only {declarations.Length} declarations from the parity corpus; has its layout changed?");
        }

        return new FuzzCorpus(
            declarations,
            ReadConstant(corpus, "SideModels"),
            ReadConstant(corpus, "InterfaceHeaders"),
            File.ReadAllText(Path.Combine(folder, "CorpusModels.cs")));
    }

    private static string ReadConstant(SyntaxNode corpus, string name)
        => corpus.DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .Single(variable => variable.Identifier.ValueText == name)
            .Initializer!.Value is LiteralExpressionSyntax literal
                ? literal.Token.ValueText
                : throw new InvalidOperationException($"ParityCorpus.{name} is no longer a string literal.");
}
