using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    private static bool AllowsNull(ITypeSymbol type)
        => type.IsReferenceType || type is ITypeParameterSymbol { IsValueType: false }
            ? type.NullableAnnotation != NullableAnnotation.NotAnnotated
            : type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private (ReturnKind Kind, ITypeSymbol? ResultType) ParseReturnType(IMethodSymbol method, Location? location)
    {
        if (ParseSupportedReturnType(method) is { } supported)
        {
            return supported;
        }

        Report(
            DiagnosticDescriptors.UnsupportedReturnType,
            ReturnTypeLocation(method) ?? location,
            method.Name,
            method.ReturnType.ToDisplayString());
        return (ReturnKind.None, null);
    }

    /// <summary>How the response becomes the declared return value, or null when it cannot.</summary>
    private static (ReturnKind Kind, ITypeSymbol? ResultType)? ParseSupportedReturnType(IMethodSymbol method)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.ReturnType is not INamedTypeSymbol returnType)
        {
            return null;
        }

        var definition = returnType.OriginalDefinition;
        if (IsNamed(definition, KnownTypeNames.Task) || IsNamed(definition, KnownTypeNames.ValueTask))
        {
            return (ReturnKind.None, null);
        }

        if (IsNamed(definition, KnownTypeNames.AsyncEnumerableOfT))
        {
            var element = returnType.TypeArguments[0];
            return CanReadAsJson(element) ? (ReturnKind.AsyncEnumerable, element) : null;
        }

        if (!IsNamed(definition, KnownTypeNames.TaskOfT) && !IsNamed(definition, KnownTypeNames.ValueTaskOfT))
        {
            return null;
        }

        var result = returnType.TypeArguments[0];
        if (result is INamedTypeSymbol { IsGenericType: true } wrapper
            && IsNamed(wrapper.OriginalDefinition, KnownTypeNames.ApiResponseOfT))
        {
            var content = wrapper.TypeArguments[0];
            return content.SpecialType == SpecialType.System_String ? (ReturnKind.ApiResponseString, content)
                : CanReadAsJson(content) ? (ReturnKind.ApiResponse, content)
                : null;
        }

        if (result.SpecialType == SpecialType.System_String)
        {
            return (ReturnKind.String, result);
        }

        if (IsNamed(result, KnownTypeNames.HttpResponseMessage))
        {
            return (ReturnKind.ResponseMessage, result);
        }

        if (IsNamed(result, KnownTypeNames.Stream))
        {
            return (ReturnKind.Stream, result);
        }

        return CanReadAsJson(result) ? (ReturnKind.Json, result) : null;
    }

    /// <summary>
    /// Whether the type can be read from a JSON body. Streams, content and response objects, and the wrappers this
    /// generator itself understands (ApiResponse, IAsyncEnumerable), would only fail when called.
    /// </summary>
    private static bool CanReadAsJson(ITypeSymbol type)
        => type.TypeKind != TypeKind.Error
            && !type.IsRefLikeType
            && !ContainsPointer(type)
            && !IsOrDerivesFrom(type, KnownTypeNames.Stream)
            && !IsOrDerivesFrom(type, KnownTypeNames.HttpContent)
            && !IsOrDerivesFrom(type, KnownTypeNames.HttpResponseMessage)
            && !IsNamed(type.OriginalDefinition, KnownTypeNames.ApiResponseOfT)
            && !IsNamed(type.OriginalDefinition, KnownTypeNames.AsyncEnumerableOfT);

    private static bool IsOrDerivesFrom(ITypeSymbol type, string fullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsNamed(current, fullName))
            {
                return true;
            }
        }

        return false;
    }

    private Location? ReturnTypeLocation(IMethodSymbol method)
        => method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is MethodDeclarationSyntax syntax
            ? syntax.ReturnType.GetLocation()
            : null;
}
