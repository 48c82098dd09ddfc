using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.RefitParity.Tests.Corpus;

/// <summary>
/// One interface method of the corpus, written exactly as a user would declare it, with the arguments to call it
/// with and the body the fake server answers with.
/// </summary>
/// <param name="Declaration">
/// The method with its attributes, valid under both <c>using Refit;</c> and <c>using Auth0ClientGen;</c>.
/// </param>
/// <param name="Arguments">
/// The call's arguments, of the parameters' exact types; or a <see cref="CorpusArgument"/> where a value must be made
/// afresh for every call or is of a type each side compiles for itself.
/// </param>
/// <param name="ResponseBody">The JSON or text the server answers with; an object by default.</param>
public sealed record CorpusMethod(
    string Declaration,
    object?[] Arguments,
    string ResponseBody = CorpusMethod.DefaultResponseBody)
{
    public const string DefaultResponseBody =
        """{"id":7,"name":"seven","price":1.5,"created":"2026-12-04T10:30:00+01:00","note":null}""";

    /// <summary>The method's name, read from the declaration.</summary>
    public string Name { get; } = ParseName(Declaration);

    /// <summary>The interface the method is declared on; the one without fixed headers unless set.</summary>
    public CorpusInterface Interface { get; init; } = CorpusInterface.Plain;

    /// <summary>The type arguments a generic method is called with; empty for other methods.</summary>
    public Type[] TypeArguments { get; init; } = [];

    public override string ToString() => Name;

    private static string ParseName(string declaration)
        => SyntaxFactory.ParseMemberDeclaration(declaration) is MethodDeclarationSyntax method
            ? method.Identifier.ValueText
            : throw new ArgumentException($"Not a method declaration: {declaration}", nameof(declaration));
}

/// <summary>The interfaces the corpus is compiled into; they differ only in their interface-level attributes.</summary>
public enum CorpusInterface
{
    /// <summary><c>IParityApi</c>: no fixed headers.</summary>
    Plain,

    /// <summary>
    /// <c>IParityHeadersApi</c>: <c>[Headers]</c> on the interface, see <see cref="ParityCorpus.InterfaceHeaders"/>.
    /// </summary>
    WithHeaders,
}
