using System.Collections.Generic;
using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    private const string JsonSerializerContextName = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string JsonSerializableAttributeName = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string JsonSourceGenerationOptionsAttributeName =
        "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";

    // The values of System.Text.Json's JsonSerializerDefaults.Web and JsonKnownNamingPolicy.Unspecified.
    private const int JsonSerializerDefaultsWeb = 1;
    private const int JsonKnownNamingPolicyUnspecified = 0;

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

        if (!HasNamingPolicy(context))
        {
            Report(DiagnosticDescriptors.JsonContextWithoutWebNaming, location, context.ToDisplayString());
        }

        var listed = new HashSet<ITypeSymbol>(
            context.GetAttributes()
                .Where(a => a.AttributeClass is { } type && IsNamed(type, JsonSerializableAttributeName))
                .Select(a => a.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol)
                .Where(type => type is not null)
                .Select(type => Unannotated(type!)),
            SymbolEqualityComparer.Default);

        var valid = true;
        foreach (var (type, source) in _jsonTypes)
        {
            if (!listed.Contains(Unannotated(type)))
            {
                var typeLocation = source is IMethodSymbol method ? ReturnTypeLocation(method) ?? LocationOf(method) : LocationOf(source);
                Report(DiagnosticDescriptors.TypeMissingFromJsonContext, typeLocation, type.ToDisplayString(), context.ToDisplayString());
                valid = false;
            }
        }

        return (TypeName(context), valid);
    }

    /// <summary>
    /// Whether the context's <c>[JsonSourceGenerationOptions]</c> give it a property naming policy, as
    /// <c>JsonSerializerDefaults.Web</c> (camelCase) or a named <c>PropertyNamingPolicy</c> do. Without one,
    /// names are matched exactly as the C# properties spell them, unlike the web defaults a client without a
    /// context uses. A named policy wins over the defaults, as it does in System.Text.Json's own generator.
    /// </summary>
    private static bool HasNamingPolicy(INamedTypeSymbol context)
    {
        var options = context.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass is { } type && IsNamed(type, JsonSourceGenerationOptionsAttributeName));
        if (options is null)
        {
            return false;
        }

        foreach (var named in options.NamedArguments)
        {
            if (named.Key == "PropertyNamingPolicy" && named.Value.Value is int policy)
            {
                return policy != JsonKnownNamingPolicyUnspecified;
            }
        }

        return options.ConstructorArguments.Length == 1
            && options.ConstructorArguments[0].Value is int defaults
            && defaults == JsonSerializerDefaultsWeb;
    }

    private static ITypeSymbol Unannotated(ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsNamed(current, baseName))
            {
                return true;
            }
        }

        return false;
    }
}
