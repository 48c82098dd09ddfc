using System.Collections.Generic;
using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    private const string JsonSerializerContextName = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string JsonSerializableAttributeName = "System.Text.Json.Serialization.JsonSerializableAttribute";

    /// <summary>
    /// Reads <c>[Auth0Api(JsonContext = typeof(...))]</c>: the context must derive from JsonSerializerContext and
    /// list, with <c>[JsonSerializable]</c>, every type the client reads or writes as JSON, so that no call
    /// falls back to reflection. Null when no context is declared.
    /// </summary>
    private (string TypeName, bool IsValid)? ParseJsonContext(string interfaceDisplayName)
    {
        var argument = _apiAttribute.NamedArguments.FirstOrDefault(a => a.Key == "JsonContext").Value;
        if (argument.Value is not ITypeSymbol declared)
        {
            return null;
        }

        var location = GetNamedArgumentLocation("JsonContext");
        if (declared is not INamedTypeSymbol context || !DerivesFrom(context, JsonSerializerContextName))
        {
            Report(DiagnosticDescriptors.InvalidJsonContext, location, declared.ToDisplayString(), interfaceDisplayName);
            return (TypeName(declared), false);
        }

        // The client, a top-level class in its own file, must be able to reach the context's Default.
        if (!IsReachableFromNamespace(context))
        {
            Report(DiagnosticDescriptors.InaccessibleJsonContext, location, context.ToDisplayString());
            return (TypeName(context), false);
        }

        var listed = new HashSet<ITypeSymbol>(
            context.GetAttributes()
                .Where(a => a.AttributeClass is { } type && FullName(type) == JsonSerializableAttributeName)
                .Select(a => a.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol)
                .Where(type => type is not null)
                .Select(type => Unannotated(type!)),
            SymbolEqualityComparer.Default);

        var valid = true;
        foreach (var (type, typeLocation) in _jsonTypes)
        {
            if (!listed.Contains(Unannotated(type)))
            {
                Report(DiagnosticDescriptors.TypeMissingFromJsonContext, typeLocation, type.ToDisplayString(), context.ToDisplayString());
                valid = false;
            }
        }

        return (TypeName(context), valid);
    }

    private static ITypeSymbol Unannotated(ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (FullName(current) == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
