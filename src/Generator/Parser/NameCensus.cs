using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// Which simple names a compilation gives to types, namespaces and aliases anywhere: in its source, in every
/// assembly it references, and in every using or extern alias of every file. (A script, or a compilation with
/// modules added to its assembly, has names it cannot list, and it is never sure of any there.) <see cref="SyntaxAttributeReader"/>
/// asks it to be sure what an attribute name means without binding it.
/// </summary>
/// <remarks>
/// It over-counts on purpose: a name declared anywhere counts, even where it is out of scope, so its answers can
/// only send the reader to the compiler more often than needed, never give a wrong meaning. One census serves
/// every interface of a compilation; referenced assemblies keep their name lists across compilations.
/// </remarks>
internal sealed class NameCensus
{
    private const string OurNamespace = "Auth0ClientGen";

    private static readonly ConditionalWeakTable<Compilation, NameCensus> Censuses = new();

    private readonly Compilation _compilation;
    private readonly IAssemblySymbol[] _references;

    // Names the census cannot list: the types of modules added to the assembly (netmodules), which are its own
    // and found before any reference's, and, in a script, whatever earlier submissions declared.
    private readonly bool _hasUnlistedNames;
    private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);
    private bool _importsOurNamespaceGlobally;
    private bool? _ourNamespaceNameIsFree;
    private readonly ConcurrentDictionary<string, bool> _namesAnything = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _onlyTypes = new(StringComparer.Ordinal);

    private NameCensus(Compilation compilation)
    {
        _compilation = compilation;
        _references = compilation.SourceModule.ReferencedAssemblySymbols.ToArray();
        _hasUnlistedNames = compilation.ScriptCompilationInfo is not null || compilation.Assembly.Modules.Skip(1).Any();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax root)
            {
                ReadUsings(root.Externs, root.Usings, topLevel: true);
                ReadNamespaces(root.Members);
            }
        }
    }

    public static NameCensus Of(Compilation compilation) => Censuses.GetValue(compilation, static c => new NameCensus(c));

    /// <summary>
    /// Whether any type (nested and generic ones included), namespace or alias anywhere has this simple name.
    /// </summary>
    public bool NamesAnything(string name) => _namesAnything.GetOrAdd(name, CountsAnywhere);

    /// <summary>
    /// Whether the one type anywhere with this simple name is the referenced class <paramref name="fullName"/>,
    /// public, in an assembly referenced without an extern alias only, passing <paramref name="check"/>; no
    /// namespace or alias has the name either.
    /// </summary>
    public bool IsOnlyTypeNamed(string simpleName, string fullName, Func<INamedTypeSymbol, bool> check)
        => _onlyTypes.GetOrAdd(simpleName, name =>
        {
            if (_hasUnlistedNames
                || _aliases.Contains(name)
                || ContainsSymbolsWithName(name, SymbolFilter.Type | SymbolFilter.Namespace))
            {
                return false;
            }

            INamedTypeSymbol? found = null;
            foreach (var assembly in _references)
            {
                if (assembly.NamespaceNames.Contains(name))
                {
                    return false;
                }

                if (assembly.TypeNames.Contains(name))
                {
                    if (found is not null || assembly.GetTypeByMetadataName(fullName) is not { } type)
                    {
                        return false;
                    }

                    found = type;
                }
            }

            return found is { DeclaredAccessibility: Accessibility.Public, TypeKind: TypeKind.Class }
                && IsVisibleWithoutAlias(found.ContainingAssembly)
                && check(found);
        });

    /// <summary>
    /// Whether the type is a class the compiler accepts as an attribute: not abstract, and derived from the one
    /// System.Attribute the compilation sees.
    /// </summary>
    public bool IsAttributeClass(INamedTypeSymbol type)
    {
        if (type.IsAbstract || _compilation.GetTypeByMetadataName("System.Attribute") is not { } attribute)
        {
            return false;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the assembly's types are in the global namespace tree: a reference given only extern aliases shows
    /// them under those aliases alone, so a using of our namespace would not reach them.
    /// </summary>
    private bool IsVisibleWithoutAlias(IAssemblySymbol assembly)
        => _compilation.GetMetadataReference(assembly)?.Properties.Aliases is { } aliases
            && (aliases.IsEmpty || aliases.Contains(MetadataReferenceProperties.GlobalAlias));

    /// <summary>
    /// Whether our namespace's types are in scope at the node without doubt: the node is inside our namespace, or a
    /// using at the top of its file, or a global using in any file, imports it.
    /// </summary>
    public bool ImportsOurNamespace(SyntaxNode node)
    {
        // A type named like our namespace would make "using Auth0ClientGen;" mean something else, or nothing.
        _ourNamespaceNameIsFree ??= !ContainsSymbolsWithName(OurNamespace, SymbolFilter.Type)
            && !_aliases.Contains(OurNamespace)
            && !_references.Any(assembly => assembly.TypeNames.Contains(OurNamespace));
        if (_ourNamespaceNameIsFree == false)
        {
            return false;
        }

        if (_importsOurNamespaceGlobally)
        {
            return true;
        }

        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case BaseNamespaceDeclarationSyntax @namespace
                    when @namespace.Parent is CompilationUnitSyntax
                        && @namespace.Name.ToString() is var name
                        && (name == OurNamespace || name.StartsWith(OurNamespace + ".", StringComparison.Ordinal)):
                    return true;
                case CompilationUnitSyntax root:
                    return root.Usings.Any(IsUsingOfOurNamespace);
            }
        }

        return false;
    }

    private bool CountsAnywhere(string name)
        => _aliases.Contains(name)
            || ContainsSymbolsWithName(name, SymbolFilter.Type | SymbolFilter.Namespace)
            || _references.Any(assembly => assembly.NamespaceNames.Contains(name)
                || assembly.TypeNames.Contains(name)
               );

    private bool ContainsSymbolsWithName(string name, SymbolFilter filter) => _compilation.ContainsSymbolsWithName(name, filter);

    private static bool IsUsingOfOurNamespace(UsingDirectiveSyntax directive)
        => directive is { Alias: null, StaticKeyword.RawKind: (int)SyntaxKind.None }
            && directive.Name is IdentifierNameSyntax { Identifier.ValueText: OurNamespace }
                or AliasQualifiedNameSyntax
                {
                    Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword,
                    Name: IdentifierNameSyntax { Identifier.ValueText: OurNamespace },
                };

    private void ReadUsings(SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings, bool topLevel)
    {
        foreach (var directive in externs)
        {
            _aliases.Add(directive.Identifier.ValueText);
        }

        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                _aliases.Add(alias.Name.Identifier.ValueText);
            }

            _importsOurNamespaceGlobally |= topLevel
                && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                && IsUsingOfOurNamespace(directive);
        }
    }

    private void ReadNamespaces(SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax @namespace)
            {
                ReadUsings(@namespace.Externs, @namespace.Usings, topLevel: false);
                ReadNamespaces(@namespace.Members);
            }
        }
    }
}
