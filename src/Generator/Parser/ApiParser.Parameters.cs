using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    private (EquatableArray<ParameterModel> Parameters, EquatableArray<RouteSegment> Route) ParseParameters(
        IMethodSymbol method,
        RouteTemplate? route,
        Location? templateLocation)
    {
        var placeholders = route?.Parts.Where(p => p.IsPlaceholder).Select(p => p.Text).ToList() ?? [];
        var parameters = ImmutableArray.CreateBuilder<ParameterModel>(method.Parameters.Length);
        var bodyCount = 0;
        var cancellationTokenCount = 0;

        foreach (var parameter in method.Parameters)
        {
            var model = ParseParameter(method, parameter, placeholders);
            parameters.Add(model);
            if (model.Binding == ParameterBinding.Body && ++bodyCount == 2)
            {
                Report(DiagnosticDescriptors.MultipleBodies, LocationOf(parameter), method.Name);
            }

            if (model.Binding == ParameterBinding.CancellationToken && ++cancellationTokenCount == 2)
            {
                Report(DiagnosticDescriptors.MultipleCancellationTokens, LocationOf(parameter), method.Name);
            }
        }

        var segments = ImmutableArray.CreateBuilder<RouteSegment>();
        var reportedAmbiguity = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, isPlaceholder) in route?.Parts ?? [])
        {
            if (!isPlaceholder)
            {
                segments.Add(new RouteSegment(text, -1));
                continue;
            }

            var matches = FindRouteParameters(parameters, text);
            var index = matches.Count == 0 ? -1 : matches[0];
            if (matches.Count == 0)
            {
                Report(DiagnosticDescriptors.UnmatchedPlaceholder, templateLocation, text, method.Name);
            }
            else if (matches.Count > 1 && !reportedAmbiguity.Contains(text))
            {
                // Silently taking one would drop the other parameter's value from the request.
                reportedAmbiguity.Add(text);
                Report(
                    DiagnosticDescriptors.AmbiguousPlaceholder,
                    LocationOf(method.Parameters[matches[1]]),
                    text,
                    method.Name,
                    method.Parameters[matches[0]].Name,
                    method.Parameters[matches[1]].Name);
            }

            segments.Add(new RouteSegment(text, index));
        }

        return (parameters.ToEquatableArray(), segments.ToEquatableArray());
    }

    private static List<int> FindRouteParameters(
        ImmutableArray<ParameterModel>.Builder parameters,
        string placeholder)
    {
        var matches = new List<int>();
        for (var i = 0; i < parameters.Count; i++)
        {
            // A parameter that already failed with its own diagnostic still claims its placeholder,
            // so one mistake is reported once.
            if (parameters[i].Binding is ParameterBinding.Route or ParameterBinding.None
                && string.Equals(parameters[i].WireName, placeholder, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add(i);
            }
        }

        return matches;
    }

    private ParameterModel ParseParameter(IMethodSymbol method, IParameterSymbol parameter, List<string> placeholders)
    {
        var name = EscapeIdentifier(parameter.Name);
        var typeName = TypeName(parameter.Type);
        var location = LocationOf(parameter);
        var refKindPrefix = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };

        ParameterModel Unbound() => new(name, typeName, refKindPrefix, ParameterBinding.None, parameter.Name, ValueFormat.NotFormatted, false);

        if (refKindPrefix.Length != 0 || parameter.Type.IsRefLikeType
            || parameter.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            Report(DiagnosticDescriptors.ByReferenceParameter, location, parameter.Name, method.Name);
            return Unbound();
        }

        if (FullName(parameter.Type) == KnownTypeNames.CancellationToken)
        {
            return new(name, typeName, string.Empty, ParameterBinding.CancellationToken, parameter.Name, ValueFormat.NotFormatted, false);
        }

        var body = FindAttribute(parameter, KnownTypeNames.BodyAttribute);
        var query = FindAttribute(parameter, KnownTypeNames.QueryAttribute);
        var header = FindAttribute(parameter, KnownTypeNames.HeaderAttribute);
        var alias = FindAttribute(parameter, KnownTypeNames.AliasAsAttribute);
        if ((body is null ? 0 : 1) + (query is null ? 0 : 1) + (header is null ? 0 : 1) > 1)
        {
            Report(DiagnosticDescriptors.ConflictingParameterAttributes, location, parameter.Name, method.Name);
            return Unbound();
        }

        if (body is not null)
        {
            return new(name, typeName, string.Empty, ParameterBinding.Body, parameter.Name, ValueFormat.NotFormatted, false, ClassifyBody(parameter.Type));
        }

        var (format, isNullableValueType) = ClassifySimpleType(parameter.Type);

        if (header is not null)
        {
            var headerName = FirstStringArgument(header);
            if (string.IsNullOrEmpty(headerName))
            {
                Report(DiagnosticDescriptors.InvalidAliasOrQueryName, location, parameter.Name, method.Name);
                return Unbound();
            }

            if (!IsHttpToken(headerName!))
            {
                Report(DiagnosticDescriptors.InvalidHeaderName, FirstArgumentLocation(header) ?? location, headerName!, parameter.Name);
                return Unbound();
            }

            if (ReservedHeaderReason(headerName!) is { } reason)
            {
                Report(DiagnosticDescriptors.ReservedHeader, FirstArgumentLocation(header) ?? location, headerName!, parameter.Name, reason);
                return Unbound();
            }

            if (format == ValueFormat.NotFormatted)
            {
                Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "header");
                return Unbound();
            }

            return new(name, typeName, string.Empty, ParameterBinding.Header, headerName!, format, isNullableValueType);
        }

        var wireName = parameter.Name;
        if (alias is not null)
        {
            var aliasName = FirstStringArgument(alias);
            if (string.IsNullOrEmpty(aliasName))
            {
                Report(DiagnosticDescriptors.InvalidAliasOrQueryName, location, parameter.Name, method.Name);
                return Unbound();
            }

            wireName = aliasName!;
        }

        var isRouteValue = query is null
            && placeholders.Any(p => string.Equals(p, wireName, StringComparison.OrdinalIgnoreCase));
        if (format == ValueFormat.NotFormatted)
        {
            Report(
                DiagnosticDescriptors.UnbindableParameter,
                location,
                parameter.Name,
                method.Name,
                parameter.Type.ToDisplayString(),
                isRouteValue ? "route" : "query string");
            return Unbound();
        }

        var binding = isRouteValue ? ParameterBinding.Route : ParameterBinding.Query;
        return new(name, typeName, string.Empty, binding, wireName, format, isNullableValueType);
    }

    /// <summary>Strings, bytes, streams and HttpContent are sent as they are; anything else becomes JSON.</summary>
    private static BodyKind ClassifyBody(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return BodyKind.Text;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return BodyKind.Bytes;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            switch (FullName(current))
            {
                case KnownTypeNames.Stream:
                    return BodyKind.Stream;
                case KnownTypeNames.HttpContent:
                    return BodyKind.Content;
            }
        }

        return BodyKind.Json;
    }

    /// <summary>Decides how a simple value becomes text, or <see cref="ValueFormat.NotFormatted"/> for other types.</summary>
    private static (ValueFormat Format, bool IsNullableValueType) ClassifySimpleType(ITypeSymbol type)
    {
        var isNullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        var format = type.SpecialType switch
        {
            SpecialType.System_String => ValueFormat.String,
            SpecialType.System_Boolean => ValueFormat.Boolean,
            SpecialType.System_Char => ValueFormat.PlainToString,
            SpecialType.System_DateTime => ValueFormat.RoundTripDate,
            _ when type.TypeKind == TypeKind.Enum => ValueFormat.PlainToString,
            _ when FullName(type) is "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly"
                => ValueFormat.RoundTripDate,
            _ when type.IsValueType && type.AllInterfaces.Any(i => FullName(i) == "System.IFormattable")
                => HasPublicFormattingToString(type) ? ValueFormat.Invariant : ValueFormat.InvariantThroughInterface,
            _ => ValueFormat.NotFormatted,
        };
        return (format, isNullableValueType);
    }

    private static bool HasPublicFormattingToString(ITypeSymbol type)
        => type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m =>
            m.DeclaredAccessibility == Accessibility.Public
            && m.Parameters.Length == 2
            && m.Parameters[0].Type.SpecialType == SpecialType.System_String
            && FullName(m.Parameters[1].Type) == "System.IFormatProvider");

    private static AttributeData? FindAttribute(IParameterSymbol parameter, string metadataName)
        => parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } type && FullName(type) == metadataName);

    private static string? FirstStringArgument(AttributeData attribute)
        => attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>Why a header cannot come from a parameter, or null when it can.</summary>
    private static string? ReservedHeaderReason(string name)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return "the client sets it to the Auth0 bearer token; use [AllowAnonymous] with a custom handler to send another";
        }

        if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
        {
            return "HttpClient manages it from the address and the connection";
        }

        if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Allow", StringComparison.OrdinalIgnoreCase))
        {
            return "it describes the request body, which the [Body] parameter's content sets";
        }

        return null;
    }

    /// <summary>Whether the name is an HTTP token (RFC 9110), which is what a header name must be.</summary>
    private static bool IsHttpToken(string name)
    {
        foreach (var c in name)
        {
            var isTokenChar = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!isTokenChar)
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
