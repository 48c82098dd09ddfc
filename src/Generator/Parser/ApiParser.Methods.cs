using System.Collections.Generic;
using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    private static readonly Dictionary<string, string> HttpMethodsByAttribute = new()
    {
        ["Auth0ClientGen.GetAttribute"] = "Get",
        ["Auth0ClientGen.PostAttribute"] = "Post",
        ["Auth0ClientGen.PutAttribute"] = "Put",
        ["Auth0ClientGen.PatchAttribute"] = "Patch",
        ["Auth0ClientGen.DeleteAttribute"] = "Delete",
        ["Auth0ClientGen.HeadAttribute"] = "Head",
        ["Auth0ClientGen.OptionsAttribute"] = "Options",
    };

    /// <summary>
    /// Parses one method. A method re-abstracted in a more derived interface is still declared by the base method's
    /// attributes; <paramref name="reabstraction"/> is that re-abstraction, so a mistake is reported where it was made.
    /// </summary>
    private MethodModel ParseMethod(
        INamedTypeSymbol declaringInterface,
        string declaringInterfaceTypeName,
        IMethodSymbol method,
        IMethodSymbol? reabstraction)
    {
        var diagnosticsBefore = _diagnostics.Count;
        var methodLocation = LocationOf(method);
        var methodName = method.Name;

        var (returnKind, resultType) = ParseReturnType(method, methodLocation);
        var canBeCalled = reabstraction is null || CheckReabstraction(method, reabstraction);
        var (httpMethod, route, templateLocation) = !canBeCalled
            ? (null, null, methodLocation)
            : ParseHttpMethodAttribute(method, methodLocation);
        var (parameters, routeSegments) = ParseParameters(method, route, templateLocation);
        if (returnKind is ReturnKind.Json or ReturnKind.ApiResponse or ReturnKind.AsyncEnumerable && resultType is not null)
        {
            _jsonTypes.Add((resultType, method));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Binding is ParameterBinding.Body or ParameterBinding.Part && parameters[i].BodyKind == BodyKind.Json)
            {
                _jsonTypes.Add((method.Parameters[i].Type, method.Parameters[i]));
            }
        }

        var staticHeaders = ParseStaticHeaders(declaringInterface, method);
        if (httpMethod is "Get" or "Head")
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].Binding is ParameterBinding.Body or ParameterBinding.Part)
                {
                    // Servers and proxies may drop a GET or HEAD body, so the value would silently not arrive.
                    Report(DiagnosticDescriptors.BodyWithoutPayloadSemantics, LocationOf(method.Parameters[i]), method.Name, httpMethod.ToUpperInvariant());
                }
            }
        }


        // A parameter without a name, or two parameters with one name, is already a compiler error (CS1001,
        // CS0100) that the client would repeat, with CS0229 for every use of the name on top. The client then
        // implements the method with names of its own and a throwing body, so the user's error stays the only one.
        var compilerError = FindParameterNameError(method);
        if (compilerError is not null)
        {
            parameters = parameters.Select((parameter, i) => parameter with { Name = "__parameter" + i }).ToEquatableArray();
        }

        var supported = _diagnostics.Count == diagnosticsBefore;
        return new MethodModel(
            declaringInterfaceTypeName,
            EscapeIdentifier(methodName),
            method.IsGenericMethod ? "<" + string.Join(", ", method.TypeParameters.Select(t => EscapeIdentifier(t.Name))) + ">" : string.Empty,
            ExplicitImplementationConstraints(method),
            (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty) + CachedTypeName(method.ReturnType),
            returnKind,
            resultType is null ? null : CachedTypeName(resultType),
            resultType is not null && AllowsNull(resultType),
            httpMethod ?? "Get",
            FindAttribute(method, KnownTypeNames.AllowAnonymousAttribute) is null,
            ParseScopes(declaringInterface, method),
            routeSegments,
            parameters,
            IsMultipart(method, out var boundary),
            boundary,
            staticHeaders,
            compilerError ?? (supported ? null : _diagnostics[diagnosticsBefore].Descriptor.Id));
    }

    /// <summary>The compiler's error for a parameter without a name or with the name of another, or null.</summary>
    private static string? FindParameterNameError(IMethodSymbol method)
    {
        var parameters = method.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name.Length == 0)
            {
                return "CS1001";
            }

            // Methods have a handful of parameters, so comparing each pair is cheaper than a set.
            for (var j = 0; j < i; j++)
            {
                if (parameters[j].Name == parameters[i].Name)
                {
                    return "CS0100";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An explicit implementation inherits its constraints, but must still say "class", "struct" or "default"
    /// for each type parameter so that <c>T?</c> in its signature means the same as in the interface.
    /// </summary>
    /// <remarks>
    /// Two type parameters with one name are already a compiler error (CS0692); one clause per name keeps the
    /// client from adding CS0409 to it.
    /// </remarks>
    private static string ExplicitImplementationConstraints(IMethodSymbol method)
        => method.TypeParameters.IsEmpty ? string.Empty : string.Concat(method.TypeParameters.GroupBy(parameter => parameter.Name).Select(group => group.First()).Select(parameter =>
            $" where {EscapeIdentifier(parameter.Name)} : "
            + (HasClassConstraint(parameter) ? "class" : parameter.HasValueTypeConstraint ? "struct" : "default")));

    /// <summary>
    /// Whether the type parameter is known to be a reference type: a class constraint, or a constraint to a class
    /// type. A constraint to another type parameter is left out, since "class" is not allowed there.
    /// </summary>
    private static bool HasClassConstraint(ITypeParameterSymbol parameter)
        => parameter.HasReferenceTypeConstraint
            || parameter.ConstraintTypes.Any(type => type.TypeKind == TypeKind.Class
                && !IsNamed(type, "System.Enum") && !IsNamed(type, "System.ValueType") && !IsNamed(type, "System.Object"));

    private (string? HttpMethod, RouteTemplate? Route, Location? TemplateLocation) ParseHttpMethodAttribute(
        IMethodSymbol method,
        Location? location)
    {
        var verbs = HttpMethodAttributes(method);
        if (verbs.Count == 0)
        {
            Report(DiagnosticDescriptors.MissingHttpMethod, location, method.Name);
            return (null, null, location);
        }

        if (verbs.Count > 1)
        {
            Report(DiagnosticDescriptors.MultipleHttpMethods, AttributeLocation(verbs[1]) ?? location, method.Name);
            return (null, null, location);
        }

        var verb = verbs[0];
        var httpMethod = HttpMethodsByAttribute[verb.ClassName];
        var templateLocation = FirstArgumentLocation(verb) ?? location;
        if (verb.ConstructorArguments.Length != 1 || verb.ConstructorArguments[0].Value is not string template)
        {
            Report(DiagnosticDescriptors.MalformedRoute, templateLocation, string.Empty, method.Name, "the route template is missing");
            return (httpMethod, null, templateLocation);
        }

        var route = RouteTemplate.Parse(template);
        if (route.Error is not null)
        {
            Report(DiagnosticDescriptors.MalformedRoute, templateLocation, template, method.Name, route.Error);
            return (httpMethod, null, templateLocation);
        }

        return (httpMethod, route, templateLocation);
    }

    /// <summary>
    /// Reports and returns false when a re-abstraction cannot become a call: its base method has no HTTP method
    /// attribute, or the re-abstraction carries one of its own, which the client would not read.
    /// </summary>
    private bool CheckReabstraction(IMethodSymbol method, IMethodSymbol reabstraction)
    {
        if (HttpMethodAttributes(reabstraction).FirstOrDefault() is { } ownVerb)
        {
            Report(
                DiagnosticDescriptors.ReabstractedMethodWithoutHttpMethod,
                AttributeLocation(ownVerb) ?? LocationOf(reabstraction),
                reabstraction.ToDisplayString(),
                method.ToDisplayString(),
                "the re-abstraction carries an HTTP method attribute, which is not read; move it, with the"
                    + " parameters' attributes, to the base method");
            return false;
        }

        if (!method.IsAbstract && !HttpMethodAttributes(method).Any())
        {
            Report(
                DiagnosticDescriptors.ReabstractedMethodWithoutHttpMethod,
                LocationOf(reabstraction),
                reabstraction.ToDisplayString(),
                method.ToDisplayString(),
                "the base method has no HTTP method attribute; declare it with [Get], [Post], [Put], [Patch],"
                    + " [Delete], [Head] or [Options] and a route template, or remove the re-abstraction to keep its default implementation");
            return false;
        }

        return true;
    }

    private List<DeclaredAttribute> HttpMethodAttributes(IMethodSymbol method)
    {
        var verbs = new List<DeclaredAttribute>(1);
        foreach (var attribute in AttributesOf(method))
        {
            if (HttpMethodsByAttribute.ContainsKey(attribute.ClassName))
            {
                verbs.Add(attribute);
            }
        }

        return verbs;
    }

    private static Location? AttributeLocation(DeclaredAttribute attribute) => attribute.Syntax?.GetLocation();

    private static Location? FirstArgumentLocation(DeclaredAttribute attribute)
        => attribute.Syntax is { } syntax
            ? syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax.GetLocation()
            : null;
}
