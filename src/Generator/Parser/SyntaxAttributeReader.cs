using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Auth0ClientGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// Reads the attributes of an interface's methods and parameters from their syntax, when what is written there
/// can only mean our own attributes with plain literal arguments: <c>[Get("/orders/{id}")]</c>, <c>[Body]</c>,
/// <c>[Header("X-Trace")]</c>, <c>[Scopes("read:orders", "write:orders")]</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why: asking the compiler for a symbol's attributes binds each one completely (its type, its constructor by
/// overload resolution, every argument, then a nullable analysis of it), and on a project just opened that was a
/// quarter of the generator's run. Reading a string literal needs none of it. What syntax cannot say is which type
/// a name such as <c>Get</c> means; the reader settles that without binding, from <see cref="NameCensus"/>: when no
/// type, namespace or alias named <c>Get</c> exists anywhere in the compilation or its references, the only type
/// named <c>GetAttribute</c> is ours, and the file imports our namespace, <c>[Get]</c> can only mean ours.
/// (Binding the names instead, even speculatively, cost more than binding the attributes: a name that is not
/// found makes the compiler search every reference for a type forwarder to explain the error.)
/// </para>
/// <para>
/// The reader only answers when the answer is certain, and otherwise says no, so the parser asks the compiler as
/// before. It says no for a symbol unless every attribute on it: is written with a simple name (not qualified,
/// not an alias, no <c>@</c>); has no target such as <c>return:</c>; means one of our attribute types for certain,
/// as above, with no type parameter in scope of either name; belongs on that kind of symbol and appears once; and
/// has the arguments of one of our constructors, as string literals, without names, and no syntax error. "Ours" is
/// judged from the type the census finds, not from its name alone, since a lookalike of our library can take its
/// place: it must be an attribute class the compiler applies, in an assembly referenced without an extern alias
/// only, whose constructors leave overload resolution no other choice than the one the reader assumes. Anything
/// else (another library's attribute, a constant, a named argument, an enum) takes the compiler's path. A
/// differential test parses every test and fuzz declaration both ways and requires equal results.
/// </para>
/// </remarks>
internal sealed class SyntaxAttributeReader(NameCensus census)
{
    private enum ArgumentShape
    {
        None,
        OneString,
        Strings,
    }

    private readonly struct KnownAttribute(string className, ArgumentShape shape, bool onMethods)
    {
        public string ClassName { get; } = className;

        /// <summary>The class's name without its namespace, such as <c>GetAttribute</c>.</summary>
        public string SimpleName { get; } = className.Substring(className.LastIndexOf('.') + 1);

        public ArgumentShape Shape { get; } = shape;

        /// <summary>Whether it belongs on methods; otherwise on parameters.</summary>
        public bool OnMethods { get; } = onMethods;
    }

    /// <summary>Our attributes whose usual forms the reader understands, by the simple name of their class.</summary>
    private static readonly Dictionary<string, KnownAttribute> KnownAttributes = new[]
    {
        new KnownAttribute("Auth0ClientGen.GetAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute("Auth0ClientGen.PostAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute("Auth0ClientGen.PutAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute("Auth0ClientGen.PatchAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute("Auth0ClientGen.DeleteAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute("Auth0ClientGen.HeadAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute("Auth0ClientGen.OptionsAttribute", ArgumentShape.OneString, onMethods: true),
        new KnownAttribute(KnownTypeNames.AllowAnonymousAttribute, ArgumentShape.None, onMethods: true),
        new KnownAttribute(KnownTypeNames.ScopesAttribute, ArgumentShape.Strings, onMethods: true),
        new KnownAttribute(KnownTypeNames.HeadersAttribute, ArgumentShape.Strings, onMethods: true),
        new KnownAttribute(KnownTypeNames.BodyAttribute, ArgumentShape.None, onMethods: false),
        new KnownAttribute(KnownTypeNames.QueryAttribute, ArgumentShape.None, onMethods: false),
        new KnownAttribute(KnownTypeNames.HeaderAttribute, ArgumentShape.OneString, onMethods: false),
        new KnownAttribute(KnownTypeNames.HeaderCollectionAttribute, ArgumentShape.None, onMethods: false),
        new KnownAttribute(KnownTypeNames.AliasAsAttribute, ArgumentShape.OneString, onMethods: false),
    }.ToDictionary(known => known.SimpleName);

    /// <summary>How many methods and parameters this reader read, for tests.</summary>
    public int ReadCount { get; private set; }

    // The method read last, since its parameters are asked about right after it.
    private IMethodSymbol? _lastMethod;
    private MethodDeclarationSyntax? _lastDeclaration;

    // Whether our namespace is imported, for each type whose methods were read.
    private readonly Dictionary<SyntaxNode, bool> _importsByType = new();

    // What each attribute name means wherever the compilation uses it, before scopes are looked at; null for
    // a name the reader leaves to the compiler. The same few names are on every method.
    private readonly Dictionary<string, (KnownAttribute Known, string OtherName)?> _meaningsAnywhere = new(System.StringComparer.Ordinal);

    // Reused for each method and parameter: most have one attribute or none.
    private readonly ImmutableArray<DeclaredAttribute>.Builder _read = ImmutableArray.CreateBuilder<DeclaredAttribute>();

    /// <summary>
    /// The attributes of a method or parameter read from its syntax, or false when only the compiler can say.
    /// </summary>
    public bool TryRead(ISymbol symbol, out ImmutableArray<DeclaredAttribute> attributes)
    {
        attributes = default;

        // A parameter's syntax is found through its method's, which is asked for once: every symbol's own
        // DeclaringSyntaxReferences makes a new array.
        var (method, lists, onMethods) = symbol switch
        {
            IMethodSymbol methodSymbol when DeclarationOf(methodSymbol) is { } declaration
                => (declaration, declaration.AttributeLists, true),
            IParameterSymbol { ContainingSymbol: IMethodSymbol methodSymbol, Ordinal: var ordinal }
                when DeclarationOf(methodSymbol) is { } declaration
                => (declaration, declaration.ParameterList.Parameters[ordinal].AttributeLists, false),
            _ => (null, default(SyntaxList<AttributeListSyntax>), false),
        };
        if (method is null)
        {
            return false;
        }

        if (lists.Count == 0)
        {
            attributes = ImmutableArray<DeclaredAttribute>.Empty;
            ReadCount++;
            return true;
        }

        var read = _read;
        read.Clear();
        foreach (var list in lists)
        {
            if (list.Target is not null)
            {
                return false;
            }

            foreach (var attribute in list.Attributes)
            {
                if (attribute.ContainsDiagnostics
                    || attribute.Name is not IdentifierNameSyntax { Identifier: { } identifier }
                    || identifier.Text != identifier.ValueText
                    || Meaning(identifier.ValueText, method) is not { } known
                    || known.OnMethods != onMethods
                    || IsRead(read, known.ClassName)
                    || ReadArguments(attribute, known.Shape) is not { } arguments)
                {
                    return false;
                }

                read.Add(new DeclaredAttribute(
                    known.ClassName, arguments, ImmutableArray<KeyValuePair<string, AttributeArgument>>.Empty, attribute));
            }
        }

        attributes = read.ToImmutable();
        ReadCount++;
        return true;
    }

    private static bool IsRead(ImmutableArray<DeclaredAttribute>.Builder read, string className)
    {
        for (var i = 0; i < read.Count; i++)
        {
            if (read[i].ClassName == className)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The method's one declaration, directly in a type, with a parameter list that matches its parameters one for
    /// one; null otherwise.
    /// </summary>
    private MethodDeclarationSyntax? DeclarationOf(IMethodSymbol method)
    {
        if (!SymbolEqualityComparer.Default.Equals(method, _lastMethod))
        {
            _lastMethod = method;
            var references = method.DeclaringSyntaxReferences;
            _lastDeclaration = references.Length == 1
                && references[0].GetSyntax() is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax } declaration
                && declaration.ParameterList.Parameters.Count == method.Parameters.Length
                    ? declaration
                    : null;
        }

        return _lastDeclaration;
    }

    /// <summary>
    /// The attribute a simple name means for certain where <paramref name="method"/> is declared, or null. C# binds
    /// <c>X</c> to the attribute type <c>X</c> or <c>XAttribute</c>: one of the two must be our class, the other must
    /// name nothing at all, and our namespace must be imported there.
    /// </summary>
    private KnownAttribute? Meaning(string name, MethodDeclarationSyntax method)
    {
        if (!_meaningsAnywhere.TryGetValue(name, out var meaning))
        {
            meaning = MeaningAnywhere(name);
            _meaningsAnywhere.Add(name, meaning);
        }

        return meaning is var (known, otherName)
            && !NamesTypeParameterInScope(method, known.SimpleName, otherName)
            && ImportsOurNamespace(method)
            ? known
            : null;
    }

    /// <summary>
    /// The attribute a simple name means in this compilation wherever no type parameter hides it and our namespace
    /// is imported, with the other name C# would try for it, or null.
    /// </summary>
    private (KnownAttribute Known, string OtherName)? MeaningAnywhere(string name)
    {
        KnownAttribute known;
        string other;
        if (KnownAttributes.TryGetValue(name, out known))
        {
            other = name + "Attribute";
        }
        else if (KnownAttributes.TryGetValue(name + "Attribute", out known))
        {
            other = name;
        }
        else
        {
            return null;
        }

        return census.IsOnlyTypeNamed(known.SimpleName, known.ClassName, type => BindsAsRead(type, known.Shape))
            && !census.NamesAnything(other)
            ? (known, other)
            : null;
    }

    private bool ImportsOurNamespace(MethodDeclarationSyntax method)
    {
        var type = method.Parent!;
        if (!_importsByType.TryGetValue(type, out var imports))
        {
            imports = census.ImportsOurNamespace(type);
            _importsByType.Add(type, imports);
        }

        return imports;
    }

    /// <summary>
    /// Whether a type parameter of the method or of a type around it has one of the names: it would be found
    /// first. (Type parameters are not declared types, so the census does not count them.)
    /// </summary>
    private static bool NamesTypeParameterInScope(MethodDeclarationSyntax method, string name, string otherName)
    {
        for (SyntaxNode? node = method; node is not null; node = node.Parent)
        {
            var typeParameters = node switch
            {
                MethodDeclarationSyntax declaration => declaration.TypeParameterList,
                TypeDeclarationSyntax declaration => declaration.TypeParameterList,
                _ => null,
            };
            foreach (var parameter in typeParameters?.Parameters ?? default)
            {
                if (parameter.Identifier.ValueText == name || parameter.Identifier.ValueText == otherName)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the compiler would bind the arguments as the reader reads them: the type is an attribute class, and
    /// has a public parameterless constructor, or, for string arguments, one constructor only, taking a string or
    /// <c>params string[]</c>. (Ours are like that; a lookalike of our library with a second constructor such as
    /// <c>ScopesAttribute(string)</c> would take <c>[Scopes("a")]</c> as one string, not an array.)
    /// </summary>
    private bool BindsAsRead(INamedTypeSymbol type, ArgumentShape shape)
    {
        if (type.HasUnsupportedMetadata || !census.IsAttributeClass(type))
        {
            return false;
        }

        // Metadata the compiler does not support (such as a constructor requiring a compiler feature it lacks)
        // takes a constructor out of overload resolution.
        var constructors = type.InstanceConstructors;
        if (shape == ArgumentShape.None)
        {
            return constructors.Any(constructor =>
                constructor is { DeclaredAccessibility: Accessibility.Public, Parameters.Length: 0, HasUnsupportedMetadata: false });
        }

        if (constructors.Length != 1
            || constructors[0] is not { DeclaredAccessibility: Accessibility.Public, Parameters.Length: 1, HasUnsupportedMetadata: false })
        {
            return false;
        }

        var parameter = constructors[0].Parameters[0];
        return parameter.RefKind == RefKind.None
            && (shape == ArgumentShape.OneString
                ? parameter is { IsParams: false, Type.SpecialType: SpecialType.System_String }
                : parameter is { IsParams: true, Type: IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String } });
    }

    private static ImmutableArray<AttributeArgument>? ReadArguments(AttributeSyntax attribute, ArgumentShape shape)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var literals = new AttributeArgument[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is not { NameEquals: null, NameColon: null, Expression: LiteralExpressionSyntax literal }
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            literals[i] = AttributeArgument.String(literal.Token.ValueText);
        }

        return shape switch
        {
            ArgumentShape.None when literals.Length == 0 => ImmutableArray<AttributeArgument>.Empty,
            ArgumentShape.OneString when literals.Length == 1 => ImmutableArray.Create(literals[0]),

            // A params array given its elements one by one arrives as one array argument.
            ArgumentShape.Strings when literals.Length > 0
                => ImmutableArray.Create(AttributeArgument.StringArray(ImmutableArray.Create(literals))),
            _ => null,
        };
    }
}
