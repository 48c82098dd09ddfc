using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// Turns an <c>[Auth0Api]</c> interface into an <see cref="ApiModel"/>. All symbol access happens here;
/// what leaves the parser is plain, comparable data.
/// </summary>
internal sealed partial class ApiParser
{
    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Namespace-qualified names without nullable annotations, for recognising well-known types.</summary>
    private static readonly SymbolDisplayFormat FullNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private static readonly string GeneratorVersion =
        typeof(ApiParser).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _interface;
    private readonly AttributeData _apiAttribute;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();

    private ApiParser(
        Compilation compilation,
        INamedTypeSymbol @interface,
        AttributeData apiAttribute,
        CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _interface = @interface;
        _apiAttribute = apiAttribute;
        _cancellationToken = cancellationToken;
    }

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } @interface
            || context.Attributes.IsEmpty)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var parser = new ApiParser(context.SemanticModel.Compilation, @interface, context.Attributes[0], cancellationToken);
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

        var @namespace = _interface.ContainingNamespace.IsGlobalNamespace
            ? string.Empty
            : _interface.ContainingNamespace.ToDisplayString();
        var clientName = GetClientName(_interface);
        var clientMetadataName = @namespace.Length == 0 ? clientName : @namespace + "." + clientName;
        if (_compilation.Assembly.GetTypeByMetadataName(clientMetadataName) is { } existing && !IsPartialClass(existing))
        {
            Report(DiagnosticDescriptors.ClientNameTaken, interfaceLocation, displayName, clientName);
            return null;
        }

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

        return new ApiModel(
            @namespace,
            _interface.ToDisplayString(TypeNameFormat),
            displayName,
            clientName,
            IsVisibleOutsideAssembly(_interface),
            audience,
            baseUrl,
            GeneratorVersion,
            methods.Value);
    }

    /// <summary>Parses the interface's own members and those it inherits. Null when one cannot be implemented at all.</summary>
    private EquatableArray<MethodModel>? ParseMembers()
    {
        var methods = ImmutableArray.CreateBuilder<MethodModel>();
        var canImplement = true;
        foreach (var declaringInterface in new[] { _interface }.Concat(_interface.AllInterfaces))
        {
            foreach (var member in declaringInterface.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false } method:
                        methods.Add(ParseMethod(declaringInterface, method));
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: true }:
                        ReportUnsupportedMember(member, "static abstract method");
                        canImplement = false;
                        break;
                    case IPropertySymbol { IsAbstract: true } property:
                        ReportUnsupportedMember(member, property.IsIndexer ? "indexer" : "property");
                        canImplement = false;
                        break;
                    case IEventSymbol { IsAbstract: true }:
                        ReportUnsupportedMember(member, "event");
                        canImplement = false;
                        break;
                }
            }
        }

        return canImplement ? methods.ToEquatableArray() : null;
    }

    private void ReportUnsupportedMember(ISymbol member, string kind)
        => Report(DiagnosticDescriptors.UnsupportedMember, LocationOf(member), member.ToDisplayString(), kind);

    private static string GetClientName(INamedTypeSymbol @interface)
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
            if (named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
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

    /// <summary>A partial class of the client's name is the user extending the generated client, not a clash.</summary>
    private bool IsPartialClass(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Class
            && type.DeclaringSyntaxReferences.All(reference =>
                reference.GetSyntax(_cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

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
            is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList: { } arguments } attribute)
        {
            var argument = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return argument?.GetLocation() ?? attribute.GetLocation();
        }

        return _interface.Locations.FirstOrDefault();
    }

    /// <summary>The symbol's own location when it is in source; otherwise the interface's, so the user sees it.</summary>
    private Location? LocationOf(ISymbol symbol)
        => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? _interface.Locations.FirstOrDefault();

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        => _diagnostics.Add(new DiagnosticInfo(descriptor, LocationInfo.From(location), arguments.ToEquatableArray()));

    private static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string TypeName(ITypeSymbol type) => type.ToDisplayString(TypeNameFormat);

    private static string FullName(ITypeSymbol type) => type.ToDisplayString(FullNameFormat);
}
