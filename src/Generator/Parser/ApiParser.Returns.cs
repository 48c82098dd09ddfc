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
        => type.IsReferenceType
            ? type.NullableAnnotation != NullableAnnotation.NotAnnotated
            : type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private (ReturnKind Kind, ITypeSymbol? ResultType) ParseReturnType(IMethodSymbol method, Location? location)
    {
        if (!method.ReturnsByRef && !method.ReturnsByRefReadonly && method.ReturnType is INamedTypeSymbol returnType)
        {
            var definition = FullName(returnType.OriginalDefinition);
            if (definition is KnownTypeNames.Task or KnownTypeNames.ValueTask)
            {
                return (ReturnKind.None, null);
            }

            if (definition is KnownTypeNames.TaskOfT or KnownTypeNames.ValueTaskOfT)
            {
                var result = returnType.TypeArguments[0];
                if (result.SpecialType == SpecialType.System_String)
                {
                    return (ReturnKind.String, result);
                }

                if (FullName(result) == KnownTypeNames.HttpResponseMessage)
                {
                    return (ReturnKind.ResponseMessage, result);
                }

                if (FullName(result) == KnownTypeNames.Stream)
                {
                    return (ReturnKind.Stream, result);
                }

                if (result.TypeKind != TypeKind.Error && !result.IsRefLikeType && result is not IPointerTypeSymbol)
                {
                    return (ReturnKind.Json, result);
                }
            }
        }

        Report(
            DiagnosticDescriptors.UnsupportedReturnType,
            ReturnTypeLocation(method) ?? location,
            method.Name,
            method.ReturnType.ToDisplayString());
        return (ReturnKind.None, null);
    }

    private Location? ReturnTypeLocation(IMethodSymbol method)
        => method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is MethodDeclarationSyntax syntax
            ? syntax.ReturnType.GetLocation()
            : null;
}
