using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// Turns an <c>[Auth0Api]</c> interface into an <see cref="ApiModel"/>. All symbol access happens here;
/// what leaves the parser is plain, comparable data.
/// </summary>
internal sealed partial class ApiParser
{
    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat ExpandedNullableTypeNameFormat = TypeNameFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>Namespace-qualified names without nullable annotations, for recognising well-known types.</summary>
    private static readonly SymbolDisplayFormat FullNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    /// <summary>Namespaces as written in C#, with @ before any keyword, such as <c>@class.Orders</c>.</summary>
    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly string GeneratorVersion =
        typeof(ApiParser).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    private readonly INamedTypeSymbol _interface;
    private readonly AttributeData _apiAttribute;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
    private readonly System.Collections.Generic.Dictionary<string, EnumFormatter> _enumFormatters = new();
    private readonly SyntaxAttributeReader? _syntaxAttributes;
    private readonly ConcurrentDictionary<ITypeSymbol, string> _typeNames;

    // Sized for a typical interface's methods and parameters, so it rarely grows.
    private readonly System.Collections.Generic.Dictionary<ISymbol, ImmutableArray<DeclaredAttribute>> _attributes =
        new(64, ReferenceComparer.Instance);

    // The generated enum formatter, called through the client's full name; set before members are parsed.
    private string _enumFormatterMethod = "FormatEnumValue";

    // Every type the client reads or writes as JSON, to check against a declared context, with the method whose
    // result it is or the parameter that carries it; their places are found only for a type that is missing.
    private readonly System.Collections.Generic.List<(ITypeSymbol Type, ISymbol Source)> _jsonTypes = [];

    // Type names by compilation: every interface of a project uses the same few types, and a name depends on the
    // type alone. Compared with nullability, since a name says "?"; compared by reference they would seldom be
    // found again, as the compiler hands out a new object for a nullable-annotated type each time one is asked for.
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ITypeSymbol, string>> TypeNamesByCompilation = new();

    private ApiParser(
        Compilation compilation,
        INamedTypeSymbol @interface,
        AttributeData apiAttribute,
        SyntaxAttributeReader? syntaxAttributes,
        CancellationToken cancellationToken)
    {
        _syntaxAttributes = syntaxAttributes;
        _typeNames = TypeNamesByCompilation.GetValue(
            compilation, static _ => new ConcurrentDictionary<ITypeSymbol, string>(SymbolEqualityComparer.IncludeNullability));
        _interface = @interface;
        _apiAttribute = apiAttribute;
        _cancellationToken = cancellationToken;
    }

    /// <param name="context">The [Auth0Api] interface.</param>
    /// <param name="syntaxAttributes">
    /// Reads plain attributes on methods and parameters from syntax rather than binding them; null binds them all.
    /// The result is the same either way, and tests compare the two.
    /// </param>
    /// <param name="cancellationToken">Stops the parse.</param>
    public static ParseResult Parse(
        GeneratorAttributeSyntaxContext context,
        SyntaxAttributeReader? syntaxAttributes,
        CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } @interface
            || context.Attributes.IsEmpty)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // [Auth0Api] on two parts of a partial interface is already a compiler error (CS0579); parsing the
        // interface once keeps that the only error instead of adding two clients with one name.
        if (!IsFirstAttributedDeclaration(@interface, context.TargetNode))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var parser = new ApiParser(
            context.SemanticModel.Compilation,
            @interface,
            context.Attributes[0],
            syntaxAttributes,
            cancellationToken);
        var api = parser.ParseInterface();
        return new ParseResult(api, parser._diagnostics.ToEquatableArray());
    }

    private ApiModel? ParseInterface()
    {
        var interfaceLocation = _interface.Locations.FirstOrDefault();
        var displayName = _interface.ToDisplayString();

        if (_interface.IsGenericType)
        {
            Report(DiagnosticDescriptors.GenericNotSupported, interfaceLocation, displayName, "interface");
            return null;
        }

        if (!IsReachableFromNamespace(_interface))
        {
            Report(DiagnosticDescriptors.InaccessibleInterface, interfaceLocation, displayName);
            return null;
        }

        // "namespace ;" is already a compiler error (CS1001). A client in a namespace without a name cannot be
        // written in C#, so there is none, and the user's error stays the only one.
        for (var container = _interface.ContainingNamespace; container is { IsGlobalNamespace: false }; container = container.ContainingNamespace)
        {
            if (container.Name.Length == 0)
            {
                return null;
            }
        }

        var @namespace = _interface.ContainingNamespace.IsGlobalNamespace
            ? string.Empty
            : _interface.ContainingNamespace.ToDisplayString(NamespaceFormat);
        var clientName = GetClientName(_interface);
        if (!CheckClientNameIsFree(clientName, interfaceLocation, displayName))
        {
            return null;
        }

        _enumFormatterMethod = (@namespace.Length == 0 ? "global::" : "global::" + @namespace + ".") + clientName + ".FormatEnumValue";

        var audience = GetNamedString("Audience");
        var baseUrl = GetNamedString("BaseUrl");
        if (baseUrl is not null && !IsAbsoluteHttpUrl(baseUrl))
        {
            Report(DiagnosticDescriptors.InvalidBaseUrl, GetNamedArgumentLocation("BaseUrl"), baseUrl, displayName);
            return null;
        }

        var methods = ParseMembers();
        if (methods is null)
        {
            return null;
        }

        var jsonContext = ParseJsonContext(displayName);
        if (jsonContext is { IsValid: false })
        {
            return null;
        }

        return new ApiModel(
            @namespace,
            MetadataNameOf(_interface),
            _interface.ToDisplayString(TypeNameFormat),
            displayName,
            clientName,
            IsVisibleOutsideAssembly(_interface),
            audience,
            baseUrl,
            GeneratorVersion,
            methods.Value,
            jsonContext?.TypeName,
            _enumFormatters.Values.OrderBy(f => f.EnumTypeName, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>Parses the interface's own members and those it inherits. Null when one cannot be implemented at all.</summary>
    private EquatableArray<MethodModel>? ParseMembers()
    {
        var methods = ImmutableArray.CreateBuilder<MethodModel>();
        var signatures = new System.Collections.Generic.HashSet<string>();
        var canImplement = true;
        foreach (var declaringInterface in new[] { _interface }.Concat(_interface.AllInterfaces))
        {
            // Named once per interface, not once per method: the display machinery is costly.
            string? signatureTypeName = null;
            string? declaringTypeName = null;
            var overloadedNames = OverloadedMethodNames(declaringInterface);
            foreach (var member in declaringInterface.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var reabstraction = FindReabstraction(declaringInterface, member);
                // A sealed member cannot be implemented; "abstract sealed" is already a compiler error (CS0238).
                var mustImplement = (member.IsAbstract && !member.IsSealed) || reabstraction is not null;
                if (!mustImplement || HasDefaultImplementation(declaringInterface, member))
                {
                    continue;
                }

                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method
                        when !CanBeWrittenInCSharp(method):
                        // A type with a missing part ("List<, Widget>", a parameter with no type) is already a
                        // syntax error. The client cannot restate it, and writing what Roslyn displays adds errors
                        // of other kinds, so there is no client until the user's declaration parses. The cost: while
                        // such a signature is being typed, code that names the client shows CS0246 as well.
                        canImplement = false;
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method:
                        // IList<T> { M(T); M(int) } inherited as IList<int> gives two methods that no explicit
                        // implementation can tell apart. Only methods sharing a name can be, so only they are compared.
                        if (overloadedNames?.Contains(method.Name) == true)
                        {
                            signatureTypeName ??= TypeName(declaringInterface);
                            if (!signatures.Add(signatureTypeName + "." + method.Name + "("
                                + string.Join(",", method.Parameters.Select(p => (int)p.RefKind + " " + FullName(p.Type))) + ")"))
                            {
                                Report(DiagnosticDescriptors.IndistinguishableMethods, LocationOf(method), method.ToDisplayString());
                                canImplement = false;
                                break;
                            }
                        }

                        declaringTypeName ??= declaringInterface.ToDisplayString(TypeNameFormat);
                        methods.Add(ParseMethod(declaringInterface, declaringTypeName, method, reabstraction as IMethodSymbol));
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true }:
                        ReportUnsupportedMember(member, "static abstract method");
                        canImplement = false;
                        break;
                    case IPropertySymbol property:
                        ReportUnsupportedMember(member, property.IsIndexer ? "indexer" : "property");
                        canImplement = false;
                        break;
                    case IEventSymbol:
                        ReportUnsupportedMember(member, "event");
                        canImplement = false;
                        break;
                }
            }
        }

        return canImplement ? methods.ToEquatableArray() : null;
    }

    /// <summary>The names more than one ordinary method of the interface has, or null when there are none.</summary>
    private static System.Collections.Generic.HashSet<string>? OverloadedMethodNames(INamedTypeSymbol declaringInterface)
    {
        System.Collections.Generic.HashSet<string>? seen = null;
        System.Collections.Generic.HashSet<string>? overloaded = null;
        foreach (var member in declaringInterface.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                && !(seen ??= new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal)).Add(method.Name))
            {
                (overloaded ??= new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal)).Add(method.Name);
            }
        }

        return overloaded;
    }

    private static bool CanBeWrittenInCSharp(IMethodSymbol method)
        => !HasNamelessPart(method.ReturnType) && method.Parameters.All(parameter => !HasNamelessPart(parameter.Type));

    /// <summary>Whether the type, or a type it is made of, is missing from the source, so it has no name.</summary>
    private static bool HasNamelessPart(ITypeSymbol type)
        => AnyPart(type, static part => part is IErrorTypeSymbol { Name.Length: 0 });

    /// <summary>
    /// Whether the type is or contains a pointer (<c>int*[]</c>, <c>Task&lt;delegate*&lt;void&gt;[]&gt;</c>), which only
    /// unsafe code can name and no asynchronous call or JSON body can carry.
    /// </summary>
    private static bool ContainsPointer(ITypeSymbol type)
        => AnyPart(type, static part => part is IPointerTypeSymbol or IFunctionPointerTypeSymbol);

    /// <summary>
    /// Whether <paramref name="test"/> holds for the type or any type it is made of: array elements, pointer targets
    /// and type arguments.
    /// </summary>
    private static bool AnyPart(ITypeSymbol type, Func<ITypeSymbol, bool> test)
    {
        if (test(type))
        {
            return true;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return AnyPart(array.ElementType, test);
            case IPointerTypeSymbol pointer:
                return AnyPart(pointer.PointedAtType, test);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (AnyPart(argument, test))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether a member inherited from a base interface already has a body in a more derived interface
    /// (<c>Task IBase.M() => ...</c>), so the client must not implement it.
    /// </summary>
    private bool HasDefaultImplementation(INamedTypeSymbol declaringInterface, ISymbol member)
        => !SymbolEqualityComparer.Default.Equals(declaringInterface, _interface)
            && _interface.FindImplementationForInterfaceMember(member) is { IsAbstract: false };

    /// <summary>
    /// The declaration in a more derived interface that re-abstracts an inherited member
    /// (<c>abstract Task IBase.M();</c>), or null. A re-abstracted member must be implemented by the client even when the base gives it a body.
    /// </summary>
    private ISymbol? FindReabstraction(INamedTypeSymbol declaringInterface, ISymbol member)
    {
        // FindImplementationForInterfaceMember gives no answer for a re-abstracted member, so look for the
        // abstract explicit implementation itself, unless a more derived interface gives the member a body again.
        if (member.IsStatic
            || SymbolEqualityComparer.Default.Equals(declaringInterface, _interface)
            || _interface.FindImplementationForInterfaceMember(member) is not null)
        {
            return null;
        }

        return new[] { _interface }.Concat(_interface.AllInterfaces)
            .SelectMany(type => type.GetMembers())
            .FirstOrDefault(candidate => candidate.IsAbstract && ExplicitlyImplements(candidate, member));
    }

    private static bool ExplicitlyImplements(ISymbol candidate, ISymbol member)
    {
        var implemented = candidate switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IEventSymbol @event => @event.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        return implemented.Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, member));
    }

    private void ReportUnsupportedMember(ISymbol member, string kind)
        => Report(DiagnosticDescriptors.UnsupportedMember, LocationOf(member), member.ToDisplayString(), kind);

    /// <summary>Members of the generated class; a user's partial part must not declare them again.</summary>
    private static readonly System.Collections.Generic.HashSet<string> GeneratedMemberNames =
    [
        "httpClient", "credentials", "DeclaredBaseAddress", "StartRequestUri", "SendAsync", "SendWithoutAccessTokenAsync",
        "ResolveBaseAddress", "ConstantRequestUris",
        "RegisterWithAuth0ApiClient",
        "FormatEnumValue",
    ];

    internal static string GetClientName(INamedTypeSymbol @interface)
    {
        var name = @interface.Name;

        // IOrdersApi becomes OrdersApi; a name such as Iceberg keeps its I.
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        // Nested interfaces carry their containers' names, so two nested IFoo in one namespace do not clash.
        for (var container = @interface.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.Name + name;
        }

        return name + "Client";
    }

    private static bool IsReachableFromNamespace(INamedTypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            // A file-local type is only visible in its own file, and the client is written to another one.
            if (named.IsFileLocal
                || named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
                    or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVisibleOutsideAssembly(INamedTypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks that the client's name is free in the namespace. A partial class of that name is the user extending
    /// the generated client, and is accepted when it fits with what the generator writes.
    /// </summary>
    private bool CheckClientNameIsFree(string clientName, Location? interfaceLocation, string displayName)
    {
        foreach (var existing in _interface.ContainingNamespace.GetMembers(clientName))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (existing is not INamedTypeSymbol type || !IsUserPartialClass(type))
            {
                Report(DiagnosticDescriptors.ClientNameTaken, interfaceLocation, displayName, clientName);
                return false;
            }

            if (FindPartialClassConflict(type) is { } conflict)
            {
                Report(DiagnosticDescriptors.PartialClientConflict, LocationOf(type), clientName, conflict);
                return false;
            }
        }

        return true;
    }

    private bool IsUserPartialClass(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Class
            && type.Arity == 0
            && !type.DeclaringSyntaxReferences.IsEmpty
            && type.DeclaringSyntaxReferences.All(reference =>
                reference.GetSyntax(_cancellationToken) is ClassDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>Why the user's part of the client cannot be combined with the generated part, or null.</summary>
    private string? FindPartialClassConflict(INamedTypeSymbol type)
    {
        if (type.IsStatic || type.IsAbstract)
        {
            return "it is static or abstract";
        }

        var declaresAccessibility = type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(_cancellationToken) is ClassDeclarationSyntax declaration
            && declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword)));
        var generatedAccessibility = IsVisibleOutsideAssembly(_interface) ? Accessibility.Public : Accessibility.Internal;
        if (declaresAccessibility && type.DeclaredAccessibility != generatedAccessibility)
        {
            return $"it is {type.DeclaredAccessibility.ToString().ToLowerInvariant()}, while the generated part is"
                + $" {generatedAccessibility.ToString().ToLowerInvariant()} like the interface";
        }

        foreach (var member in type.GetMembers())
        {
            if (GeneratedMemberNames.Contains(member.Name))
            {
                return $"it declares '{member.Name}', a name the generated part uses";
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: false } constructor
                && constructor.Parameters.Length == 2
                && IsNamed(constructor.Parameters[0].Type, "System.Net.Http.HttpClient")
                && IsNamed(constructor.Parameters[1].Type, "Auth0ClientGen.ICredentialsProvider"))
            {
                return "it declares the (HttpClient, ICredentialsProvider) constructor the generated part writes";
            }
        }

        return null;
    }

    private static bool IsFirstAttributedDeclaration(INamedTypeSymbol @interface, SyntaxNode targetNode)
    {
        if (@interface.DeclaringSyntaxReferences.Length < 2)
        {
            return true;
        }

        var first = @interface.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass is { } type && IsNamed(type, KnownTypeNames.Auth0ApiAttribute))
            ?.ApplicationSyntaxReference;
        return first is null
            || (first.SyntaxTree == targetNode.SyntaxTree && targetNode.Span.Contains(first.Span));
    }

    /// <summary>The interface's full metadata name, such as <c>Shop.Outer+IOrdersApi</c>, unique in the compilation.</summary>
    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.MetadataName + "+" + name;
        }

        return type.ContainingNamespace.IsGlobalNamespace
            ? name
            : type.ContainingNamespace.ToDisplayString(FullNameFormat) + "." + name;
    }

    private static bool IsAbsoluteHttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private string? GetNamedString(string name)
    {
        foreach (var argument in _apiAttribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is string value)
            {
                return value;
            }
        }

        return null;
    }

    private Location? GetNamedArgumentLocation(string name)
    {
        if (_apiAttribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken)
            is AttributeSyntax { ArgumentList: { } arguments } attribute)
        {
            var argument = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return argument?.GetLocation() ?? attribute.GetLocation();
        }

        return _interface.Locations.FirstOrDefault();
    }

    /// <summary>
    /// The attributes of a symbol the parser reads, each symbol's once. A method's or parameter's come from syntax
    /// when <see cref="SyntaxAttributeReader"/> can read them, otherwise from the compiler.
    /// </summary>
    private ImmutableArray<DeclaredAttribute> AttributesOf(ISymbol symbol)
    {
        if (!_attributes.TryGetValue(symbol, out var attributes))
        {
            if (_syntaxAttributes is null
                || symbol is not (IMethodSymbol or IParameterSymbol)
                || !_syntaxAttributes.TryRead(symbol, out attributes))
            {
                attributes = symbol.GetAttributes()
                    .Select(attribute => DeclaredAttribute.FromData(attribute, _cancellationToken))
                    .ToImmutableArray();
            }

            _attributes.Add(symbol, attributes);
        }

        return attributes;
    }

    private DeclaredAttribute? FindAttribute(ISymbol symbol, string className)
        => FindAttribute(AttributesOf(symbol), className);

    private static DeclaredAttribute? FindAttribute(ImmutableArray<DeclaredAttribute> attributes, string className)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.ClassName == className)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The symbol's own location when it is in source; otherwise the interface's, so the user sees it.</summary>
    private Location? LocationOf(ISymbol symbol)
        => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? _interface.Locations.FirstOrDefault();

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        => _diagnostics.Add(new DiagnosticInfo(descriptor, LocationInfo.From(location), arguments.ToEquatableArray()));

    private static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// <see cref="TypeName"/>, remembered for the compilation (see <see cref="TypeNamesByCompilation"/>).
    /// </summary>
    private string CachedTypeName(ITypeSymbol type) => _typeNames.GetOrAdd(type, TypeNameOf);

    // One delegate for every lookup, rather than one made per call from the method group.
    private static readonly Func<ITypeSymbol, string> TypeNameOf = TypeName;

    /// <summary>
    /// Compares symbols by reference, which is cheaper than <see cref="SymbolEqualityComparer"/>'s hashing. For the
    /// parser's caches of what it read from a symbol this is enough: one symbol reached through two objects would
    /// only be read twice.
    /// </summary>
    private sealed class ReferenceComparer : System.Collections.Generic.IEqualityComparer<ISymbol>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ISymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static string TypeName(ITypeSymbol type)
    {
        if (QualifiedTypeName.TryWrite(type) is { } written)
        {
            return written;
        }

        // Nullable<Nullable<int>> is already a compiler error (CS0453), but its short form "int??" does not even
        // parse, so the client would add a syntax error of its own; the long form repeats only the user's error.
        var name = type.ToDisplayString(TypeNameFormat);
        return name.Contains("??") ? type.ToDisplayString(ExpandedNullableTypeNameFormat) : name;
    }

    /// <summary>
    /// The type's name with its namespace, as <see cref="FullNameFormat"/> displays it. The parser asks this for
    /// every attribute, parameter and type it classifies, and the IDE re-parses every interface after every edit,
    /// so a plain top-level type is named from its parts: the display machinery costs several times as much.
    /// </summary>
    internal static string FullName(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { Arity: 0, ContainingType: null, IsTupleType: false, IsAnonymousType: false }
            || type.TypeKind == TypeKind.Error
            || type.ContainingNamespace is not { } @namespace)
        {
            return QualifiedTypeName.TryWriteFullName(type) ?? type.ToDisplayString(FullNameFormat);
        }

        var name = type.Name;
        for (; !@namespace.IsGlobalNamespace; @namespace = @namespace.ContainingNamespace)
        {
            name = @namespace.Name + "." + name;
        }

        return name;
    }

    /// <summary>
    /// Whether <see cref="FullName"/> of the type is <paramref name="fullName"/>, which must name a type declared in
    /// a namespace (not <c>int?</c>, an array or a tuple), as the <see cref="KnownTypeNames"/> constants do;
    /// <c>System.Threading.Tasks.Task&lt;TResult&gt;</c> names a generic type's definition. The parser asks this of every parameter type, result type and base type, so
    /// it compares the parts without building the type's name, and builds it only for other shapes of type.
    /// </summary>
    internal static bool IsNamed(ITypeSymbol type, string fullName)
    {
        // The simple name: after the last dot, before the type parameter list ("Task" in "...Tasks.Task<TResult>").
        var nameEnd = fullName.Length > 0 && fullName[fullName.Length - 1] == '>' ? fullName.IndexOf('<') : fullName.Length;
        var nameStart = fullName.LastIndexOf('.', Math.Max(nameEnd - 1, 0)) + 1;
        var name = type.Name;
        if (name.Length != nameEnd - nameStart || string.CompareOrdinal(name, 0, fullName, nameStart, name.Length) != 0)
        {
            return false;
        }

        if (type is not INamedTypeSymbol { ContainingType: null, IsTupleType: false, IsAnonymousType: false } named
            || type.TypeKind == TypeKind.Error
            || type.ContainingNamespace is not { } @namespace
            || (named.Arity > 0 && !named.IsDefinition))
        {
            return FullName(type) == fullName;
        }

        // A definition is named with its type parameters: "<TKey, TValue>".
        var position = nameEnd;
        if (named.Arity > 0)
        {
            if (position == fullName.Length)
            {
                return false;
            }

            position++;
            for (var i = 0; i < named.TypeParameters.Length; i++)
            {
                var parameterName = named.TypeParameters[i].Name;
                if (i > 0)
                {
                    if (string.CompareOrdinal(fullName, position, ", ", 0, 2) != 0)
                    {
                        return false;
                    }

                    position += 2;
                }

                if (string.CompareOrdinal(fullName, position, parameterName, 0, parameterName.Length) != 0)
                {
                    return false;
                }

                position += parameterName.Length;
            }

            if (position != fullName.Length - 1)
            {
                return false;
            }
        }
        else if (nameEnd != fullName.Length)
        {
            return false;
        }

        // Compare the namespaces from the innermost outwards: "Tasks", then "Threading", then "System".
        var end = nameStart - 1;
        for (; !@namespace.IsGlobalNamespace; @namespace = @namespace.ContainingNamespace)
        {
            var segment = @namespace.Name;
            var start = end - segment.Length;
            if (start < 0
                || (start > 0 && fullName[start - 1] != '.')
                || string.CompareOrdinal(segment, 0, fullName, start, segment.Length) != 0)
            {
                return false;
            }

            end = start - 1;
        }

        return end == -1;
    }
}
