using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// What one syntax tree contributes to name binding in other files, read from syntax alone: the namespaces and
/// types it declares (with modifiers, type parameters, base lists and constraints), its using and extern alias
/// directives, and its assembly and module attributes. Two versions of a file with the same outline bind every
/// name in every other file the same way; only the members of the types they declare may differ.
/// </summary>
internal sealed class TreeOutline
{
    private TreeOutline(
        string text,
        Dictionary<string, HashSet<string>> identifiersByTypeName,
        HashSet<string> identifiers,
        HashSet<string> usingIdentifiers)
    {
        Text = text;
        IdentifiersByTypeName = identifiersByTypeName;
        Identifiers = identifiers;
        UsingIdentifiers = usingIdentifiers;
    }

    /// <summary>The outline itself; equal outlines declare the same names in the same places.</summary>
    public string Text { get; }

    /// <summary>
    /// The simple name of every type the tree declares, nested ones included, with every identifier written
    /// anywhere in its declarations in this tree.
    /// </summary>
    public Dictionary<string, HashSet<string>> IdentifiersByTypeName { get; }

    /// <summary>Every identifier written anywhere in the tree.</summary>
    public HashSet<string> Identifiers { get; }

    /// <summary>Every identifier in the tree's using and extern alias directives, global ones included.</summary>
    public HashSet<string> UsingIdentifiers { get; }

    public static TreeOutline Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = new StringBuilder();
        var identifiersByTypeName = new Dictionary<string, HashSet<string>>();
        var usingIdentifiers = new HashSet<string>();
        var identifiers = new HashSet<string>();
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                identifiers.Add(token.ValueText);
            }
        }

        if (root is CompilationUnitSyntax unit)
        {
            WriteDirectives(unit.Externs, unit.Usings, text, usingIdentifiers);
            foreach (var attributes in unit.AttributeLists)
            {
                text.Append(attributes.ToString()).Append('\n');
            }

            WriteMembers(unit.Members, text, identifiersByTypeName, usingIdentifiers, cancellationToken);
        }
        else
        {
            // Not a C# file as the compiler reads one; an outline no other tree has keeps every result from reuse.
            text.Append(tree.FilePath).Append(root.GetHashCode());
        }

        return new TreeOutline(text.ToString(), identifiersByTypeName, identifiers, usingIdentifiers);
    }

    private static void WriteMembers(
        SyntaxList<MemberDeclarationSyntax> members,
        StringBuilder text,
        Dictionary<string, HashSet<string>> identifiersByTypeName,
        HashSet<string> usingIdentifiers,
        CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax @namespace:
                    text.Append("namespace ").Append(@namespace.Name.ToString()).Append(" {\n");
                    WriteDirectives(@namespace.Externs, @namespace.Usings, text, usingIdentifiers);
                    WriteMembers(@namespace.Members, text, identifiersByTypeName, usingIdentifiers, cancellationToken);
                    text.Append("}\n");
                    break;
                case BaseTypeDeclarationSyntax type:
                    text.Append(type.Kind()).Append(' ').Append(type.Modifiers.ToString()).Append(' ')
                        .Append(type.Identifier.ValueText);
                    if (type is TypeDeclarationSyntax withTypeParameters)
                    {
                        text.Append(withTypeParameters.TypeParameterList?.ToString())
                            .Append(' ').Append(withTypeParameters.ConstraintClauses.ToString());
                    }

                    text.Append(" : ").Append(type.BaseList?.ToString()).Append(" {\n");
                    AddIdentifiers(type.Identifier.ValueText, type, identifiersByTypeName);
                    if (type is TypeDeclarationSyntax container)
                    {
                        WriteMembers(
                            container.Members, text, identifiersByTypeName, usingIdentifiers, cancellationToken);
                    }

                    text.Append("}\n");
                    break;
                case DelegateDeclarationSyntax @delegate:
                    text.Append("delegate ").Append(@delegate.Modifiers.ToString()).Append(' ')
                        .Append(@delegate.Identifier.ValueText).Append(@delegate.TypeParameterList?.ToString())
                        .Append('\n');
                    AddIdentifiers(@delegate.Identifier.ValueText, @delegate, identifiersByTypeName);
                    break;
                case GlobalStatementSyntax:
                    // Top-level statements declare the Program class.
                    text.Append("top-level statements\n");
                    break;
                case IncompleteMemberSyntax incomplete:
                    text.Append("incomplete ").Append(incomplete.ToString()).Append('\n');
                    break;
            }
        }
    }

    private static void WriteDirectives(
        SyntaxList<ExternAliasDirectiveSyntax> externs,
        SyntaxList<UsingDirectiveSyntax> usings,
        StringBuilder text,
        HashSet<string> usingIdentifiers)
    {
        foreach (var directive in externs.Cast<SyntaxNode>().Concat(usings))
        {
            text.Append(directive.ToString()).Append('\n');
            foreach (var token in directive.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    usingIdentifiers.Add(token.ValueText);
                }
            }
        }
    }

    private static void AddIdentifiers(
        string typeName,
        SyntaxNode declaration,
        Dictionary<string, HashSet<string>> identifiersByTypeName)
    {
        if (!identifiersByTypeName.TryGetValue(typeName, out var identifiers))
        {
            identifiersByTypeName[typeName] = identifiers = [];
        }

        foreach (var token in declaration.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                identifiers.Add(token.ValueText);
            }
        }
    }
}
